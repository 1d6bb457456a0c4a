/**
 * Keeps a stored roster's coverage and understaffing score true after an intraday change (an accepted overtime,
 * a moved floating shift): the changed assignment's presence is removed and/or added per interval of the
 * roster's coverage rows, and `understaffed` / `overstaffed` (agent-hours, FORMATS.md) are recomputed from them.
 */
import type { CoverageRow, Roster } from '../../solver/roster.ts';
import type { Queryable } from '../db/db.ts';
import { updateRosterEvaluation } from '../db/repos/rosters.ts';
import { addPresence, type TimedAssignment } from './coverage.ts';

export async function updateRosterCoverage(
  tx: Queryable, rosterId: number, intervalMinutes: number, changes: Array<{ assignment: TimedAssignment; sign: 1 | -1 }>,
): Promise<CoverageRow[]> {
  const r = await tx.query<{ score: Roster['score']; violations: Roster['violations']; coverage: CoverageRow[] }>(
    'SELECT score, violations, coverage FROM rosters WHERE id = $1 FOR UPDATE', [rosterId],
  );
  const row = r.rows[0];
  if (!row || !Array.isArray(row.coverage) || row.coverage.length === 0) return [];
  const step = intervalMinutes * 60_000;
  const touched: CoverageRow[] = [];
  const byQueue = new Map<string, CoverageRow[]>();
  for (const c of row.coverage) (byQueue.get(c.queue) ?? byQueue.set(c.queue, []).get(c.queue)!).push(c);
  for (const { assignment, sign } of changes) {
    const rows = (byQueue.get(assignment.queue) ?? []).filter((c) => {
      const ms = Date.parse(c.interval_start);
      return ms < assignment.endMs && ms + step > assignment.startMs;
    });
    for (const c of rows) {
      const delta = [0];
      addPresence(delta, [Date.parse(c.interval_start)], step, assignment, sign);
      c.scheduled = Math.round((c.scheduled + delta[0]) * 1e6) / 1e6;
      if (!touched.includes(c)) touched.push(c);
    }
  }
  const hours = intervalMinutes / 60;
  let under = 0;
  let over = 0;
  for (const c of row.coverage) {
    under += Math.max(0, c.required - c.scheduled) * hours;
    over += Math.max(0, c.scheduled - c.required) * hours;
  }
  const score = { ...row.score, understaffed: Math.round(under * 1000) / 1000, overstaffed: Math.round(over * 1000) / 1000 };
  await updateRosterEvaluation(tx, rosterId, { score, violations: row.violations, coverage: row.coverage });
  return touched;
}
