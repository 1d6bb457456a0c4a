/** Centers: list, read (teams and agents as the role may see), create or replace (admin). */
import { z } from 'zod';
import { assertAgentAccess, assertCenterAccess, canSeeAgent, inCenter, teamScope } from '../../auth/principal.ts';
import { EVERYONE, MANAGERS } from '../../auth/roles.ts';
import { parseCenter } from '../../domain/center-loader.ts';
import { specialDaySchema } from '../../domain/center-schema.ts';
import { listCenters, saveCenter } from '../../db/repos/centers.ts';
import { audit } from '../../db/repos/audit.ts';
import { ForbiddenError } from '../../errors.ts';
import { defineRoute } from '../route.ts';

// A control character (NUL above all: Postgres refuses it) is never part of an id.
export const centerIdParams = z.object({ id: z.string().min(1).max(64).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters') });

defineRoute({
  method: 'get',
  path: '/api/centers',
  summary: 'Centers the caller may see',
  tag: 'centers',
  roles: EVERYONE,
  async handler({ principal }, ctx) {
    const all = await listCenters(ctx.db);
    return all.filter((c) => inCenter(principal, c.id));
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id',
  summary: 'A center with its queues, templates, and the teams and agents the caller may see',
  tag: 'centers',
  roles: EVERYONE,
  params: centerIdParams,
  async handler({ params, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const scope = teamScope(principal, center);
    const teams = scope === 'all' ? center.teams : center.teams.filter((t) => scope.has(t.id));
    const agents = center.agents.filter((a) => canSeeAgent(principal, center, a.id));
    return { ...center, teams, agents };
  },
});

defineRoute({
  method: 'put',
  path: '/api/centers/:id',
  summary: 'Create or replace a center from its file (FORMATS "Center"); every problem is reported with its JSON path',
  tag: 'centers',
  roles: MANAGERS,
  params: centerIdParams,
  body: z.record(z.string(), z.unknown()),
  async handler({ params, body, principal }, ctx) {
    if (principal.role !== 'admin') assertCenterAccess(principal, params.id);
    if (principal.role === 'manager' && !principal.centerId) throw new ForbiddenError('a manager without a center cannot create one');
    const center = parseCenter({ ...body, id: params.id }, 'body');
    await ctx.db.transaction(async (tx) => {
      await saveCenter(tx, center);
      await audit(tx, { userId: principal.userId, centerId: center.id, action: 'center.save', objectKind: 'center', objectId: center.id });
    });
    return { id: center.id, name: center.name, teams: center.teams.length, agents: center.agents.length };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/agents/:agentId',
  summary: 'One agent of the center, if the caller may see them (an agent sees only themself)',
  tag: 'centers',
  roles: EVERYONE,
  params: z.object({ id: z.string().min(1), agentId: z.string().min(1) }),
  async handler({ params, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    assertAgentAccess(principal, center, params.agentId);
    return center.agents.find((a) => a.id === params.agentId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/special-days',
  summary: "The center's calendar of holidays and campaign days (used by forecasts)",
  tag: 'centers',
  roles: EVERYONE,
  params: centerIdParams,
  async handler({ params, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return (await ctx.center(params.id)).specialDays;
  },
});

defineRoute({
  method: 'put',
  path: '/api/centers/:id/special-days',
  summary: 'Replace the calendar of holidays and campaign days: closed days, multipliers, or "like this past day"',
  tag: 'centers',
  roles: [...new Set([...MANAGERS, 'deputy' as const, 'analyst' as const])],
  params: centerIdParams,
  body: z.array(specialDaySchema),
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const updated = parseCenter({ ...center, specialDays: body }, 'body');
    await ctx.db.transaction(async (tx) => {
      await saveCenter(tx, updated);
      await audit(tx, { userId: principal.userId, centerId: center.id, action: 'center.special-days', objectKind: 'center', objectId: center.id, before: center.specialDays, after: updated.specialDays });
    });
    return updated.specialDays;
  },
});
