/**
 * Coverage of a roster as FORMATS.md "Roster" defines it: for each requirement row (queue, interval), the
 * average number of agents on the phones over the interval — an assignment on that queue counts for the share
 * of the interval it overlaps, less the share its breaks and meal take (a 5-minute break in a 30-minute
 * interval removes 1/6 of an agent). Used by the interim rulebook until the solver's evaluation lands.
 */
import type { Assignment, CoverageRow } from '../../solver/roster.ts';
import type { RequirementRow } from '../../solver/rules/rule.ts';

function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function coverageOf(assignments: readonly Assignment[], requirements: readonly RequirementRow[], intervalMinutes: number): CoverageRow[] {
  const len = intervalMinutes * 60_000;
  const byQueue = new Map<string, Array<{ s: number; e: number; breaks: Array<[number, number]> }>>();
  for (const a of assignments) {
    const list = byQueue.get(a.queue) ?? byQueue.set(a.queue, []).get(a.queue)!;
    list.push({ s: Date.parse(a.start), e: Date.parse(a.end), breaks: a.breaks.map((b) => [Date.parse(b.start), Date.parse(b.start) + b.minutes * 60_000]) });
  }
  return requirements.map((r) => {
    const t0 = Date.parse(r.interval_start);
    const t1 = t0 + len;
    let ms = 0;
    for (const a of byQueue.get(r.queue) ?? []) {
      if (a.e <= t0 || a.s >= t1) continue;
      ms += overlapMs(a.s, a.e, t0, t1);
      for (const [b0, b1] of a.breaks) ms -= overlapMs(Math.max(b0, a.s), Math.min(b1, a.e), t0, t1);
    }
    return { queue: r.queue, interval_start: r.interval_start, required: r.required, scheduled: Math.round((ms / len) * 1e6) / 1e6 };
  });
}
