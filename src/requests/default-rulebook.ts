/**
 * The rulebook requests are judged by: the solver's rule list (solver/rules/index.ts, every rule deciding its
 * own id), its evaluation (solver/rules/evaluate.ts: violations, FORMATS score, coverage) and its coverage
 * measure (solver/rules/roster-view.ts: agents on the phones per requirement interval, breaks and meals out).
 */
import type { Roster } from '../../solver/roster.ts';
import { evaluate, withRosterRequirements } from '../../solver/rules/evaluate.ts';
import { RULES } from '../../solver/rules/index.ts';
import type { Rule, RuleContext } from '../../solver/rules/rule.ts';
import { rosterView } from '../../solver/rules/roster-view.ts';
import type { Rulebook } from './rulebook.ts';

export function rulebookOf(rules: readonly Rule[]): Rulebook {
  return {
    rules,
    evaluate(roster: Roster, ctx: RuleContext) {
      const e = evaluate(roster, ctx, rules);
      return { coverage: e.coverage, violations: e.violations, score: e.score };
    },
    coverage(roster: Roster, ctx: RuleContext) {
      return rosterView(roster, withRosterRequirements(ctx, roster)).coverage();
    },
  };
}

export const defaultRulebook: Rulebook = rulebookOf(RULES);
