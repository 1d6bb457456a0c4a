/**
 * C6 — shortest run of consecutive days off (contract `minConsecutiveDaysOff`). Every run of days off inside
 * the month must be at least that long; a run touching the first or last day of the month is exempt, since
 * it may continue into the neighbouring month (Curtois & Qu 2014 likewise take the horizon to be surrounded
 * by rest for this rule). A day without an assignment is a day off, whatever its reason. Penalty: days short,
 * per run.
 */
import type { Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';
import { runsUnder } from './spans.ts';

export const rule: Rule = {
  id: 'C6',
  label: 'min consecutive days off',
  level: 'hard',
  check(roster, ctx) {
    const byAgent = assignmentsByAgent(roster.assignments);
    const out: Violation[] = [];
    for (const agent of ctx.agents.values()) {
      const min = agent.contract.minConsecutiveDaysOff;
      if (min === undefined || min <= 1) continue;
      const workDates = new Set((byAgent.get(agent.id) ?? []).map((a) => a.date));
      const off = ctx.dates.map((d) => !workDates.has(d));
      for (const run of runsUnder(off, true, min)) {
        out.push({
          rule: 'C6',
          level: 'hard',
          agent: agent.id,
          date: ctx.dates[run.start],
          penalty: run.shortfall,
          unit: 'days',
          message: `${agent.id} has ${run.length} day(s) off in a row from ${ctx.dates[run.start]}, at least ${min} required`,
        });
      }
    }
    return out;
  },
};
