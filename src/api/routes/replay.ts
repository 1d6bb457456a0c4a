/** Replay: a roster played call by call against a day of actual calls, beside what Erlang promised (src/replay). */
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, FLOOR, PLANNERS } from '../../auth/roles.ts';
import { getRosterMeta, type RosterMeta } from '../../db/repos/rosters.ts';
import { NotFoundError } from '../../errors.ts';
import { replayDay } from '../../services/day-replay.ts';
import { defineRoute } from '../route.ts';
import { sendBuilt } from '../send-built.ts';
import { centerIdParams } from './centers.ts';

const VIEW_ROLES = [...new Set([...FLOOR, ...ANALYSTS])];
/** Longest a replay is reused (traffic sent to another server reaches it within this). */
const REPLAY_TTL_MS = 60_000;

defineRoute({
  method: 'get',
  path: '/api/centers/:id/replay',
  summary: 'A roster replayed call by call against a day\'s actual calls (seeded, with abandonment): per interval service level (5–95% band over the runs), ASA, abandonment, occupancy, beside the Erlang promise on the forecast and Erlang on the actual calls',
  tag: 'intraday',
  roles: VIEW_ROLES,
  params: centerIdParams,
  query: z.object({
    date: z.iso.date(),
    roster: z.coerce.number().int().positive().optional(),
    queue: z.string().optional(),
    runs: z.coerce.number().int().min(1).max(200).default(20),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    patience: z.coerce.number().positive().max(86_400).optional(),
  }),
  async handler({ params, query, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    let roster: RosterMeta | null | undefined;
    if (query.roster !== undefined) {
      roster = await getRosterMeta(ctx.db, query.roster);
      // Drafts are the planners' and analysts' (as roster reads); another center's roster does not exist here.
      const seesDrafts = PLANNERS.includes(principal.role) || principal.role === 'analyst';
      if (!roster || roster.centerId !== center.id || (roster.status !== 'published' && !seesDrafts)) throw new NotFoundError(`roster ${query.roster} not found in center ${center.id}`);
    }
    const key = ['replay', center.id, ctx.writes, roster ? `${roster.id}.${roster.revision}` : 'published', JSON.stringify(query)].join('|');
    const built = await ctx.views.get(key, REPLAY_TTL_MS, () => replayDay(ctx.db, center, {
      date: query.date, roster: roster ?? undefined, queue: query.queue, runs: query.runs, seed: query.seed, patienceSeconds: query.patience,
    }));
    sendBuilt(req, res, built);
  },
});
