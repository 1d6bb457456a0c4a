/**
 * C5 — shortest run of consecutive working days (contract `minConsecutiveDays`). Every run of working days
 * inside the month must be at least that long; a run touching the first or last day of the month is exempt,
 * since it may continue into the neighbouring month (Curtois & Qu 2014 likewise take the horizon to be
 * surrounded by work for this rule). Penalty: days short, per run.
 */
import type { Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';
import { runsUnder } from './spans.ts';

export const rule: Rule = {
  id: 'C5',
  label: 'min consecutive working days',
  level: 'hard',
  check(roster, ctx) {
    const byAgent = assignmentsByAgent(roster.assignments);
    const out: Violation[] = [];
    for (const agent of ctx.agents.values()) {
      const min = agent.contract.minConsecutiveDays;
      if (min === undefined || min <= 1) continue;
      const workDates = new Set((byAgent.get(agent.id) ?? []).map((a) => a.date));
      const working = ctx.dates.map((d) => workDates.has(d));
      for (const run of runsUnder(working, true, min)) {
        out.push({
          rule: 'C5',
          level: 'hard',
          agent: agent.id,
          date: ctx.dates[run.start],
          penalty: run.shortfall,
          unit: 'days',
          message: `${agent.id} works ${run.length} day(s) in a row from ${ctx.dates[run.start]}, at least ${min} required`,
        });
      }
    }
    return out;
  },
};
