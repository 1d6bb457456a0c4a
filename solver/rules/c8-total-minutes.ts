/**
 * C8 — paid minutes in the month between the contract's `minMinutes` and `maxMinutes`. An assignment is paid
 * its template's `minutes` (meals and breaks included, as the template states them). Follows Curtois & Qu's
 * MinTotalMinutes/MaxTotalMinutes (2014). Penalty: minutes below the minimum or above the maximum, per agent.
 */
import type { Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';

export const rule: Rule = {
  id: 'C8',
  label: 'min/max paid minutes in the month',
  level: 'hard',
  check(roster, ctx) {
    const inMonth = new Set(ctx.dates);
    const byAgent = assignmentsByAgent(roster.assignments);
    const out: Violation[] = [];
    for (const agent of ctx.agents.values()) {
      const { minMinutes, maxMinutes } = agent.contract;
      if (minMinutes === undefined && maxMinutes === undefined) continue;
      let total = 0;
      for (const a of byAgent.get(agent.id) ?? []) {
        if (inMonth.has(a.date)) total += ctx.templates.get(a.shift)?.minutes ?? 0;
      }
      if (minMinutes !== undefined && total < minMinutes) {
        out.push({
          rule: 'C8',
          level: 'hard',
          agent: agent.id,
          penalty: minMinutes - total,
          unit: 'minutes',
          message: `${agent.id} is paid ${total} minutes in the month, at least ${minMinutes} required`,
        });
      }
      if (maxMinutes !== undefined && total > maxMinutes) {
        out.push({
          rule: 'C8',
          level: 'hard',
          agent: agent.id,
          penalty: total - maxMinutes,
          unit: 'minutes',
          message: `${agent.id} is paid ${total} minutes in the month, at most ${maxMinutes} allowed`,
        });
      }
    }
    return out;
  },
};
