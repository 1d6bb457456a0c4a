/**
 * Scoring a roster with the rulebook: `evaluate` runs every rule and sums the FORMATS.md score (hard = number
 * of hard violations; understaffed / overstaffed = agent-hours, R3 / Q1; soft = weighted sum of the other soft
 * penalties) plus the objective the solver minimizes among rosters with equally many hard violations
 * (R3 weighted by the day's peak + Q1 + soft). `analyze` groups the same result per rule, like a score
 * analysis (totals and the matches behind them). When the context carries no requirements, the roster's own
 * coverage rows (their `required`) stand in, so a roster file can be validated on its own.
 */
import type { CoverageRow, Roster, Score, Violation } from '../roster.ts';
import { buildRequirementTable } from '../model/requirement-table.ts';
import { RULES } from './index.ts';
import type { Rule, RuleContext } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';
import { DEFAULT_WEIGHTS, ruleWeight, type SoftWeights } from './weights.ts';

export interface Evaluation {
  score: Score;
  /** R3 peak-weighted + Q1 weighted + soft: what the solver minimizes once hard violations are equal. */
  objective: number;
  violations: Violation[];
  coverage: CoverageRow[];
  /** Objective contribution per soft rule id. */
  weightedByRule: Map<string, number>;
}

export interface RuleAnalysis {
  id: string;
  label: string;
  level: 'hard' | 'soft';
  /** Number of matches (violations). */
  count: number;
  /** Σ penalties per unit. */
  penalties: Record<string, number>;
  /** Contribution to the objective (soft) — 0 for hard rules. */
  weighted: number;
  matches: Violation[];
}

export interface Analysis {
  score: Score;
  objective: number;
  rules: RuleAnalysis[];
}

/** The context, with the roster's coverage rows as requirements when it has none. */
export function withRosterRequirements(ctx: RuleContext, roster: Roster): RuleContext {
  if (ctx.requirements.length > 0 || roster.coverage.length === 0) return ctx;
  return { ...ctx, requirements: roster.coverage.map((c) => ({ queue: c.queue, interval_start: c.interval_start, required: c.required })) };
}

export function evaluate(roster: Roster, context: RuleContext, rules: readonly Rule[] = RULES, weights: SoftWeights = DEFAULT_WEIGHTS): Evaluation {
  // A context of its own per call: the parsed roster is shared by the rules of this call only.
  const ctx = { ...withRosterRequirements(context, roster) };
  const violations = rules.flatMap((r) => r.check(roster, ctx));
  const h = contextHorizon(ctx);
  const table = buildRequirementTable(h, ctx.center.queues.map((q) => q.id), ctx.requirements, weights);
  const score: Score = { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 };
  let objective = 0;
  const weightedByRule = new Map<string, number>();
  const add = (rule: string, w: number) => {
    objective += w;
    weightedByRule.set(rule, (weightedByRule.get(rule) ?? 0) + w);
  };
  for (const v of violations) {
    if (v.level === 'hard') score.hard++;
    else if (v.rule === 'R3') {
      score.understaffed += v.penalty;
      const q = table.queueIds.indexOf(v.queue ?? '');
      const i = h.intervalAt(Date.parse(v.interval_start ?? ''));
      add('R3', v.penalty * (q >= 0 && i >= 0 ? table.weight[q][i] : weights.understaffed));
    } else if (v.rule === 'Q1') {
      score.overstaffed += v.penalty;
      add('Q1', v.penalty * weights.overstaffed);
    } else {
      const w = v.penalty * ruleWeight(v.rule, weights);
      score.soft += w;
      add(v.rule, w);
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    score: { hard: score.hard, understaffed: round(score.understaffed), overstaffed: round(score.overstaffed), soft: round(score.soft) },
    objective,
    violations,
    coverage: rosterView(roster, ctx).coverage(),
    weightedByRule,
  };
}

export function analyze(roster: Roster, ctx: RuleContext, rules: readonly Rule[] = RULES, weights: SoftWeights = DEFAULT_WEIGHTS): Analysis {
  const ev = evaluate(roster, ctx, rules, weights);
  return {
    score: ev.score,
    objective: ev.objective,
    rules: rules.map((r) => {
      const matches = ev.violations.filter((v) => v.rule === r.id || r.alsoIds?.includes(v.rule));
      const penalties: Record<string, number> = {};
      for (const v of matches) penalties[v.unit] = (penalties[v.unit] ?? 0) + v.penalty;
      return { id: r.id, label: r.label, level: r.level, count: matches.length, penalties, weighted: ev.weightedByRule.get(r.id) ?? 0, matches };
    }),
  };
}
