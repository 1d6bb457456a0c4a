/**
 * C3 — working days in the month between the contract's `minDays` and `maxDays`. Approved leave and training
 * days are paid days and count toward the minimum, which never exceeds the days the person can work
 * (availability.ts). Overtime callouts (O1) are not contract days. Applies to everyone rostered (agents, leads,
 * supervisors). Penalty: days short of the minimum or beyond the maximum.
 */
import type { Violation } from '../roster.ts';
import { contractDayBounds, FLOOR_ROLES, PHONE_ROLES } from './availability.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'C3',
  label: 'min and max working days in the month',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const view = rosterView(roster, ctx);
    for (const agent of ctx.agents.values()) {
      if (!PHONE_ROLES.has(agent.role) && !FLOOR_ROLES.has(agent.role)) continue;
      const days = new Set((view.byAgent.get(agent.id) ?? []).filter((p) => p.inMonth && p.a.kind !== 'overtime').map((p) => p.a.date));
      const b = contractDayBounds(ctx.center, agent, view.calendar(agent.id), ctx.dates);
      const n = days.size;
      if (n < b.min) {
        const credit = b.credit > 0 ? ` (${b.credit} paid leave/training day(s) already counted)` : '';
        out.push({ rule: 'C3', level: 'hard', agent: agent.id, penalty: b.min - n, unit: 'days', message: `${agent.id} works ${n} days in ${ctx.month}, at least ${b.min} required${credit}` });
      } else if (n > b.max) {
        out.push({ rule: 'C3', level: 'hard', agent: agent.id, penalty: n - b.max, unit: 'days', message: `${agent.id} works ${n} days in ${ctx.month}, at most ${b.max} allowed` });
      }
    }
    return out;
  },
};
