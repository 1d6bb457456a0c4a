/**
 * A roster version's activities (TR1–TR4): per definition who has it and who not (and why), and per queue the
 * surplus and what the activities absorbed of it, with their price in understaffing (services/roster-activities.ts).
 */
import { z } from 'zod';
import { canSeeAgent, inCenter } from '../../auth/principal.ts';
import { FLOOR, PLANNERS } from '../../auth/roles.ts';
import { getRosterMeta } from '../../db/repos/rosters.ts';
import { NotFoundError } from '../../errors.ts';
import { rosterIndex } from '../../services/roster-index.ts';
import { rosterActivities } from '../../services/roster-activities.ts';
import { defineRoute } from '../route.ts';

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/activities',
  summary: 'Exams, training and meetings of a version (TR1–TR4): placed per definition, who is missing and why, the surplus per queue and what the activities absorbed, their price in understaffed agent-hours',
  tag: 'rosters',
  roles: FLOOR,
  params: z.object({ rosterId: z.coerce.number().int().positive() }),
  async handler({ params, principal }, ctx) {
    const meta = await getRosterMeta(ctx.db, params.rosterId);
    if (!meta || !inCenter(principal, meta.centerId)) throw new NotFoundError(`roster ${params.rosterId} not found`);
    if (meta.status !== 'published' && !PLANNERS.includes(principal.role)) throw new NotFoundError(`roster ${params.rosterId} not found`);
    const center = await ctx.center(meta.centerId);
    const { assignments, coverage } = await rosterIndex(ctx.db, meta, center.timezone);
    const summary = rosterActivities(center, meta.month, assignments, coverage);
    const stats = meta.stats as { activities?: unknown; lowerBound?: { understaffed?: number } };
    const solved = stats.activities ?? null;
    const bound = Number.isFinite(stats.lowerBound?.understaffed) ? stats.lowerBound!.understaffed! : null;
    return {
      rosterId: meta.id,
      activities: summary.activities.map((a) => ({ ...a, missing: a.missing.filter((m) => canSeeAgent(principal, center, m.agent)) })),
      queues: summary.queues,
      solve: solved,
      // The month LP bound is solved without the activities; they only add constraints, so it bounds the roster
      // with them too — a valid bound, not tightened by them.
      bound: bound === null ? null : { understaffed: bound, withActivities: 'valid, not tightened by them' },
    };
  },
});
