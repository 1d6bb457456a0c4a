/**
 * R11 — a duty supervisor is on the floor for every open minute: each open span of each day of the month
 * (opening hours, closed holidays excepted) lies inside the union of rostered supervisors' shifts (an acting
 * manager or director counts too; a meal does not interrupt a rostered supervisor). The previous month's
 * shifts running past midnight count. Penalty: uncovered minutes, per gap.
 */
import { formatClock } from '../../src/time/clock.ts';
import type { Violation } from '../roster.ts';
import { openSpans } from '../model/opening.ts';
import type { Rule } from './rule.ts';
import { localClock } from './shift-facts.ts';

const FLOOR = new Set(['supervisor', 'manager', 'director']);
const WEEKDAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const rule: Rule = {
  id: 'R11',
  label: 'a supervisor on the floor every open minute',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const zone = ctx.center.timezone;
    const cover = [...ctx.previous, ...roster.assignments]
      .filter((a) => FLOOR.has(ctx.agents.get(a.agent)?.role ?? ''))
      .map((a) => ({ from: Date.parse(a.start), to: Date.parse(a.end) }))
      .sort((a, b) => a.from - b.from);
    for (const date of ctx.dates) {
      for (const span of openSpans(ctx.center, date)) {
        let at = span.fromMs;
        const gaps: Array<[number, number]> = [];
        for (const c of cover) {
          if (c.to <= at || c.from >= span.toMs) continue;
          if (c.from > at) gaps.push([at, c.from]);
          at = Math.max(at, c.to);
          if (at >= span.toMs) break;
        }
        if (at < span.toMs) gaps.push([at, span.toMs]);
        for (const [a, b] of gaps) {
          const weekday = WEEKDAY[new Date(`${date}T12:00:00Z`).getUTCDay() || 7];
          out.push({
            rule: 'R11', level: 'hard', date, penalty: (b - a) / 60_000, unit: 'minutes',
            message: `no supervisor on the floor ${formatClock(localClock(zone, a))}–${formatClock(localClock(zone, b) || 1440)} on ${date} (${weekday})`,
          });
        }
      }
    }
    return out;
  },
};
