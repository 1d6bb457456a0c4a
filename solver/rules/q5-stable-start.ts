/**
 * Q5 — stable start times across a week: within each ISO week (Monday–Sunday) of the month, each working day's
 * local start is compared with the person's previous working day's start in that week; floating shifts
 * (R4: placed by the day's forecast) are exempt. Soft. Penalty: hours of start-time change, per person-week.
 */
import { isoWeekday } from '../../src/time/local-day.ts';
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'Q5',
  label: 'stable start times across a week',
  level: 'soft',
  check(roster, ctx) {
    const out: Violation[] = [];
    for (const [agent, list] of rosterView(roster, ctx).byAgent) {
      let last: number | undefined;
      let weekFrom = '';
      let hours = 0;
      const flush = () => {
        if (hours > 1e-9) out.push({ rule: 'Q5', level: 'soft', agent, date: weekFrom, penalty: hours, unit: 'hours', message: `${agent}'s start times move ${hours.toFixed(1)} h in the week from ${weekFrom}` });
        hours = 0;
      };
      const byDate = new Map(list.filter((p) => p.inMonth && p.a.kind !== 'overtime').map((p) => [p.a.date, p]));
      for (const date of ctx.dates) {
        if (isoWeekday(date) === 1 || weekFrom === '') {
          flush();
          last = undefined;
          weekFrom = date;
        }
        const p = byDate.get(date);
        if (!p || p.template?.floating) continue;
        const clock = contextHorizon(ctx).clockOf(p.startMs);
        if (last !== undefined) hours += Math.abs(clock - last) / 60;
        last = clock;
      }
      flush();
    }
    return out;
  },
};
