/** The floor today (RP4) and schedule adherence: the agent-state feed in, the planned-vs-actual view out. */
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, FLOOR, MANAGERS } from '../../auth/roles.ts';
import { checkStateRows, storeStates } from '../../intraday/agent-states.ts';
import { floorView } from '../../intraday/floor-view.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const VIEW_ROLES = [...new Set([...FLOOR, ...ANALYSTS])];
const stateRow = z.object({ agent: z.string().min(1), state: z.string().min(1), at: z.string().min(1) });

defineRoute({
  method: 'post',
  path: '/api/centers/:id/agent-states',
  summary: 'The phone system\'s agent-state feed: { rows: [{ agent, state: phone|break|meal|aux|off, at }] } — from `at` on the agent is in that state; stored whole or refused naming each bad row',
  tag: 'intraday',
  roles: [...MANAGERS, 'supervisor'],
  params: centerIdParams,
  body: z.object({ rows: z.array(stateRow).min(1).max(50_000) }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const rows = checkStateRows(center, body.rows);
    return { stored: await storeStates(ctx.db, center, rows, principal.userId) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/floor',
  summary: 'RP4 and schedule adherence for a day (default now): per person in the caller\'s scope the planned and actual state now, adherence so far and its exceptions; per team adherence; per interval agents planned and actually on the phones, on break, at a meal, in other work',
  tag: 'intraday',
  roles: VIEW_ROLES,
  params: centerIdParams,
  query: z.object({ date: z.iso.date(), asOf: z.iso.datetime({ offset: true }).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return floorView(ctx.db, center, principal, query.date, query.asOf ? new Date(query.asOf) : new Date());
  },
});
