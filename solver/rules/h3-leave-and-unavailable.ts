/**
 * H3 — approved leave, unavailable days and new-hire training days (L10, TR1: in training, not on the phones)
 * are respected: no shift on them. Leave comes from the center's `unavailable` entries with reason "leave" and
 * the approved leave passed to the rulebook. Penalty: 1 day per shift on such a day.
 */
import type { Violation } from '../roster.ts';
import { blockedReason } from './availability.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'H3',
  label: 'leave and unavailable days respected',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const view = rosterView(roster, ctx);
    for (const p of view.parsed) {
      if (!p.inMonth || p.a.kind === 'overtime') continue;
      const reason = blockedReason(view.calendar(p.a.agent), p.a.date);
      if (!reason) continue;
      const what = reason === 'leave' ? 'approved leave' : reason === 'training' ? 'new-hire training' : 'unavailable';
      out.push({ rule: 'H3', level: 'hard', agent: p.a.agent, date: p.a.date, penalty: 1, unit: 'days', message: `${p.a.agent} is rostered on ${p.a.date}, a day of ${what}` });
    }
    return out;
  },
};
