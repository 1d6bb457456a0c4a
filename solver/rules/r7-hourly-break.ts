/**
 * R7 — one 5-minute break (rules.hourlyBreakMinutes) inside every full working hour of a shift. Working time
 * is the shift minus its meal; every 60 minutes of it, counted from the start, is one full hour (a block,
 * possibly cut in two by the meal), and a break must lie wholly inside one piece of it (work-blocks.ts).
 * The last, incomplete hour needs none, nor does an hour holding 15 minutes or more of an activity (an exam,
 * training or a meeting, TR1–TR4: the person is off the phones anyway). Penalty: full hours without a break, per shift.
 */
import type { Violation } from '../roster.ts';
import { activityMinutesIn, insideBlock, workBlocks } from '../model/work-blocks.ts';

/** An hour holding this many minutes of activities needs no hourly break (FORMATS.md, R7). */
export const ACTIVITY_EXEMPTS_MINUTES = 15;
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R7',
  label: 'a break in every full working hour',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const minutes = ctx.center.rules.hourlyBreakMinutes;
    if (minutes === 0) return out;
    for (const p of rosterView(roster, ctx).parsed) {
      if (!p.inMonth || !(p.endMs > p.startMs)) continue;
      const breaks = p.breaks.filter((b) => b.toMs - b.fromMs >= minutes * 60_000);
      const blocks = workBlocks(p.startMs, p.endMs, p.meals);
      const missing = blocks
        .map((b, k) => (breaks.some((x) => insideBlock(b, x.fromMs, x.toMs)) || activityMinutesIn(b, p.activities) >= ACTIVITY_EXEMPTS_MINUTES ? -1 : k + 1))
        .filter((k) => k > 0);
      if (missing.length === 0) continue;
      out.push({
        rule: 'R7', level: 'hard', agent: p.a.agent, date: p.a.date, penalty: missing.length, unit: 'hours',
        message: `${p.a.agent}'s shift on ${p.a.date} has no ${minutes}-min break in working hour(s) ${missing.join(', ')} of ${blocks.length}`,
      });
    }
    return out;
  },
};
