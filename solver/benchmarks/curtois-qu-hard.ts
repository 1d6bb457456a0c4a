/**
 * Hard-rule check of a benchmark solution through ShiftCast's general contract rules (C4–C9 in
 * solver/rules/), run on the instance mapped by curtois-qu-center.ts, independently of the optimizer. Two
 * benchmark rules whose general rules live elsewhere in the rulebook are checked here from the mapped contract
 * with the same spans helper: max consecutive working days (contract `maxConsecutiveDays`) and fixed days off
 * (`unavailable`). One shift per day holds by construction of the solution grid.
 */
import type { Violation } from '../roster.ts';
import { buildRuleContext, type Rule } from '../rules/rule.ts';
import { runsOver } from '../rules/spans.ts';
import { rule as c4 } from '../rules/c4-max-working-weekends.ts';
import { rule as c5 } from '../rules/c5-min-consecutive-days.ts';
import { rule as c6 } from '../rules/c6-min-consecutive-days-off.ts';
import { rule as c7 } from '../rules/c7-max-shifts-per-template.ts';
import { rule as c8 } from '../rules/c8-total-minutes.ts';
import { rule as c9 } from '../rules/c9-forbidden-succession.ts';
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { horizonDates, toCenter, toRequirements, toRoster } from './curtois-qu-center.ts';

export const CONTRACT_RULES: Rule[] = [c4, c5, c6, c7, c8, c9];

export function cqHardViolations(instance: CqInstance, solution: CqSolution): Violation[] {
  const center = toCenter(instance);
  const dates = horizonDates(instance);
  const roster = toRoster(instance, solution);
  const ctx = buildRuleContext(center, dates[0].slice(0, 7), dates, { requirements: toRequirements(instance) });
  const out: Violation[] = CONTRACT_RULES.flatMap((r) => r.check(roster, ctx));
  for (const agent of center.agents) {
    const e = instance.staff.findIndex((s) => s.id === agent.id);
    const working = solution[e].map((t) => t >= 0);
    const max = agent.contract.maxConsecutiveDays;
    if (max !== undefined) {
      for (const run of runsOver(working, true, max)) {
        out.push({ rule: 'max-consecutive-days', level: 'hard', agent: agent.id, date: dates[run.start], penalty: run.excess, unit: 'days', message: `${agent.id} works ${run.length} days in a row from ${dates[run.start]}, at most ${max}` });
      }
    }
    for (const u of agent.unavailable) {
      if (working[dates.indexOf(u.date)]) {
        out.push({ rule: 'unavailable', level: 'hard', agent: agent.id, date: u.date, penalty: 1, unit: 'days', message: `${agent.id} works on ${u.date}, a fixed day off` });
      }
    }
  }
  return out;
}
