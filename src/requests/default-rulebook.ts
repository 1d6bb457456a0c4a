/**
 * The rulebook requests are judged by: the rules the solver's rulebook has committed so far (solver/rules/,
 * each deciding its own rule) and an evaluation that adds coverage (coverage.ts) and the FORMATS score.
 */
import type { Roster, Violation } from '../../solver/roster.ts';
import { rule as c4 } from '../../solver/rules/c4-max-working-weekends.ts';
import { rule as c5 } from '../../solver/rules/c5-min-consecutive-days.ts';
import { rule as c6 } from '../../solver/rules/c6-min-consecutive-days-off.ts';
import { rule as c7 } from '../../solver/rules/c7-max-shifts-per-template.ts';
import { rule as c8 } from '../../solver/rules/c8-total-minutes.ts';
import { rule as c9 } from '../../solver/rules/c9-forbidden-succession.ts';
import type { Rule, RuleContext } from '../../solver/rules/rule.ts';
import { coverageOf } from './coverage.ts';
import type { Evaluation, Rulebook } from './rulebook.ts';

export const COMMITTED_RULES: readonly Rule[] = [c4, c5, c6, c7, c8, c9];

/** Runs the rules and measures coverage and score (FORMATS "Roster"). */
export function evaluateWith(rules: readonly Rule[], roster: Roster, ctx: RuleContext): Evaluation {
  const violations: Violation[] = rules.flatMap((r) => r.check(roster, ctx));
  const coverage = coverageOf(roster.assignments, ctx.requirements, ctx.center.intervalMinutes);
  const hours = ctx.center.intervalMinutes / 60;
  const under = coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled) * hours, 0);
  const over = coverage.reduce((s, c) => s + Math.max(0, c.scheduled - c.required) * hours, 0);
  const soft = violations.filter((v) => v.level === 'soft').reduce((s, v) => s + v.penalty, 0);
  return { coverage, violations, score: { hard: violations.filter((v) => v.level === 'hard').length, understaffed: under, overstaffed: over, soft } };
}

export function rulebookOf(rules: readonly Rule[]): Rulebook {
  return {
    rules,
    evaluate: (roster, ctx) => evaluateWith(rules, roster, ctx),
    coverage: (roster, ctx) => coverageOf(roster.assignments, ctx.requirements, ctx.center.intervalMinutes),
  };
}

export const defaultRulebook: Rulebook = rulebookOf(COMMITTED_RULES);
