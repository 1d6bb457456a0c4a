/**
 * H1 — one shift per person per day, and no two pieces of work of a person at the same time. Accepted overtime
 * (kind "overtime": an extension next to the day's shift, or a shift of its own on a day off) is a piece of work
 * beside the day's shift, not a second shift; it must not overlap another piece. Penalty: shifts beyond the
 * first on a date, per person and date; 1 per overlapping pair.
 */
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'H1',
  label: 'one shift per person per day',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    for (const [agent, list] of rosterView(roster, ctx).byAgent) {
      const perDate = new Map<string, number>();
      for (const p of list) if (p.inMonth && p.a.kind !== 'overtime') perDate.set(p.a.date, (perDate.get(p.a.date) ?? 0) + 1);
      for (const [date, n] of perDate) {
        if (n <= 1) continue;
        out.push({ rule: 'H1', level: 'hard', agent, date, penalty: n - 1, unit: 'shifts', message: `${agent} has ${n} shifts on ${date}, at most 1 allowed` });
      }
      // Sorted by start: a piece overlaps the one before it when it starts before that one ends.
      for (let i = 1; i < list.length; i++) {
        const [before, p] = [list[i - 1], list[i]];
        if (!p.inMonth || p.startMs >= before.endMs || (p.a.kind !== 'overtime' && before.a.kind !== 'overtime')) continue;
        out.push({
          rule: 'H1', level: 'hard', agent, date: p.a.date, penalty: 1, unit: 'shifts',
          message: `${agent}'s ${p.a.shift} ${p.a.start}–${p.a.end} overlaps their ${before.a.shift} ${before.a.start}–${before.a.end}`,
        });
      }
    }
    return out;
  },
};
