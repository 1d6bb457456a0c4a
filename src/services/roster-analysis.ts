/**
 * Score analysis of a roster, like Timefold's: per rule its level, how often it is broken, the total penalty in
 * its natural unit, and every match — from the violations the rulebook reported.
 */
import type { Violation } from '../../solver/roster.ts';
import { ruleById } from '../../solver/rules/index.ts';

export interface RuleAnalysis {
  rule: string;
  /** The rule's readable label from the rulebook. */
  label: string;
  level: 'hard' | 'soft';
  count: number;
  penalty: number;
  unit: string;
  matches: Violation[];
}

export function analyzeViolations(violations: readonly Violation[]): RuleAnalysis[] {
  const byRule = new Map<string, RuleAnalysis>();
  for (const v of violations) {
    let r = byRule.get(v.rule);
    if (!r) byRule.set(v.rule, (r = { rule: v.rule, label: ruleById(v.rule)?.label ?? v.rule, level: v.level, count: 0, penalty: 0, unit: v.unit, matches: [] }));
    r.count++;
    r.penalty += v.penalty;
    r.matches.push(v);
  }
  return [...byRule.values()].sort((a, b) => (a.level === b.level ? b.penalty - a.penalty : a.level === 'hard' ? -1 : 1));
}
