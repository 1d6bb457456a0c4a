/**
 * H1 — one shift per person per day. Penalty: shifts beyond the first on a date, per person and date.
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
      for (const p of list) if (p.inMonth) perDate.set(p.a.date, (perDate.get(p.a.date) ?? 0) + 1);
      for (const [date, n] of perDate) {
        if (n <= 1) continue;
        out.push({ rule: 'H1', level: 'hard', agent, date, penalty: n - 1, unit: 'shifts', message: `${agent} has ${n} shifts on ${date}, at most 1 allowed` });
      }
    }
    return out;
  },
};
