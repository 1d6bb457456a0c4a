/**
 * Hard-rule check of a benchmark solution through ShiftCast's own rulebook, run on the instance mapped by
 * curtois-qu-center.ts, independently of the optimizer: H1 one shift per day, H3 unavailable days (the fixed
 * days off), C2 max consecutive working days, and the contract rules C4–C9 (weekends, minimum runs of work and
 * rest, shifts per template, paid minutes, forbidden successions).
 */
import type { Violation } from '../roster.ts';
import { buildRuleContext, type Rule } from '../rules/rule.ts';
import { rule as h1 } from '../rules/h1-one-shift-per-day.ts';
import { rule as h3 } from '../rules/h3-leave-and-unavailable.ts';
import { rule as c2 } from '../rules/c2-max-consecutive-days.ts';
import { rule as c4 } from '../rules/c4-max-working-weekends.ts';
import { rule as c5 } from '../rules/c5-min-consecutive-days.ts';
import { rule as c6 } from '../rules/c6-min-consecutive-days-off.ts';
import { rule as c7 } from '../rules/c7-max-shifts-per-template.ts';
import { rule as c8 } from '../rules/c8-total-minutes.ts';
import { rule as c9 } from '../rules/c9-forbidden-succession.ts';
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { horizonDates, toCenter, toRequirements, toRoster } from './curtois-qu-center.ts';

/** The rules that carry the benchmark's hard constraints. */
export const BENCHMARK_RULES: Rule[] = [h1, h3, c2, c4, c5, c6, c7, c8, c9];

export function cqHardViolations(instance: CqInstance, solution: CqSolution): Violation[] {
  const dates = horizonDates(instance);
  const ctx = buildRuleContext(toCenter(instance), dates[0].slice(0, 7), dates, { requirements: toRequirements(instance) });
  const roster = toRoster(instance, solution);
  return BENCHMARK_RULES.flatMap((r) => r.check(roster, ctx));
}
