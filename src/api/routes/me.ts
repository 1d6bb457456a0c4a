/** GET /api/me: who the token belongs to, for the dashboard's navigation. */
import { z } from 'zod';
import { EVERYONE } from '../../auth/roles.ts';
import { teamScope } from '../../auth/principal.ts';
import { defineRoute } from '../route.ts';

defineRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The caller: role, center, agent and team scope',
  tag: 'auth',
  roles: EVERYONE,
  response: z.object({ userId: z.number(), role: z.string(), center: z.string().nullable(), agent: z.string().nullable(), name: z.string(), teams: z.union([z.literal('all'), z.array(z.string())]), locale: z.string().nullable() }),
  async handler({ principal }, ctx) {
    const center = principal.centerId ? await ctx.center(principal.centerId) : null;
    const scope = center ? teamScope(principal, center) : 'all';
    return {
      userId: principal.userId, role: principal.role, center: principal.centerId, agent: principal.agentId,
      name: principal.name, teams: scope === 'all' ? 'all' : [...scope], locale: center?.locale ?? null,
    };
  },
});
