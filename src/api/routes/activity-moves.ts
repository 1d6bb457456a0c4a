/**
 * Today's activities into the reforecast's surplus (TR1–TR4, src/intraday/activity-moves.ts): GET previews the
 * moves and the understaffing before and after; POST writes them as a new roster version.
 */
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { FLOOR, PLANNERS } from '../../auth/roles.ts';
import { applyActivityMoves, planActivityMoves } from '../../intraday/activity-moves.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"');
const MOVERS = [...PLANNERS, 'supervisor' as const];

defineRoute({
  method: 'get',
  path: '/api/centers/:id/activity-moves',
  summary: "TR1–TR4: where today's activities not yet started would cost the least by the reforecast — the moves, and the agent-hours short for the rest of the day before and after",
  tag: 'intraday',
  roles: FLOOR,
  params: centerIdParams,
  query: z.object({ date }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return (await planActivityMoves(ctx.db, await ctx.center(params.id), { date: query.date })).plan;
  },
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/activity-moves',
  summary: "TR1–TR4: move today's activities not yet started into the reforecast's surplus, as a new roster version (409 when no move helps any more or the roster changed since the preview)",
  tag: 'intraday',
  roles: MOVERS,
  params: centerIdParams,
  body: z.object({ date, rosterId: z.number().int().positive().optional() }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return ctx.db.transaction((tx) => applyActivityMoves(tx, center, body, principal.userId));
  },
});
