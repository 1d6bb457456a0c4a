/**
 * C7 — most shifts of each template in the month (contract `maxShiftsPerTemplate`, by template id; a
 * template left out is unlimited, 0 forbids it). Follows Curtois & Qu's per-type "MaxShifts" (2014).
 * Penalty: shifts beyond the maximum, per agent and template.
 */
import type { Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';

export const rule: Rule = {
  id: 'C7',
  label: 'max shifts per template',
  level: 'hard',
  check(roster, ctx) {
    const inMonth = new Set(ctx.dates);
    const byAgent = assignmentsByAgent(roster.assignments);
    const out: Violation[] = [];
    for (const agent of ctx.agents.values()) {
      const limits = agent.contract.maxShiftsPerTemplate;
      if (limits === undefined) continue;
      const counts = new Map<string, number>();
      for (const a of byAgent.get(agent.id) ?? []) {
        if (inMonth.has(a.date)) counts.set(a.shift, (counts.get(a.shift) ?? 0) + 1);
      }
      for (const [template, count] of counts) {
        const max = limits[template];
        if (max === undefined || count <= max) continue;
        out.push({
          rule: 'C7',
          level: 'hard',
          agent: agent.id,
          penalty: count - max,
          unit: 'shifts',
          message: `${agent.id} works ${count} shift(s) of ${template}, at most ${max} allowed`,
        });
      }
    }
    return out;
  },
};
