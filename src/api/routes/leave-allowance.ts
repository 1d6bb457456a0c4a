/** Leave allowances: per day of a month, whether leave would be granted at the normal level (L7, L9, L10). */
import { z } from 'zod';
import { assertAgentAccess, assertCenterAccess } from '../../auth/principal.ts';
import { EVERYONE } from '../../auth/roles.ts';
import { leaveAllowance } from '../../requests/leave-allowance.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

defineRoute({
  method: 'get',
  path: '/api/centers/:id/agents/:agentId/leave-allowance',
  summary: 'Before asking: per day of a month, whether leave would be granted at the normal level or needs the manager (L7 one a day per duty supervisor, L9 the team\'s 95% month, L10 training), and how many more leave days the team\'s month can take',
  tag: 'requests',
  roles: EVERYONE,
  params: centerIdParams.extend({ agentId: z.string().min(1) }),
  query: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected "YYYY-MM"') }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    assertAgentAccess(principal, center, params.agentId);
    return leaveAllowance(ctx.db, center, params.agentId, query.month);
  },
});
