/**
 * The rulebook as requests use it: the solver's rules (solver/rules/, the only place a roster rule is decided)
 * and its evaluation of a roster (coverage per interval, violations, score). A change (swap, rest-day move,
 * cover) is judged by evaluating the roster before and after it:
 * - hard: violations of hard rules that the change adds (same rule, agent, day and interval, larger penalty
 *   or new), so rules already broken elsewhere in the month do not block an unrelated swap;
 * - coverage: intervals where scheduled agents fall below the requirement and below what they were before.
 */
import type { CoverageRow, Roster, Score, Violation } from '../../solver/roster.ts';
import type { Rule, RuleContext } from '../../solver/rules/rule.ts';

export interface Evaluation {
  coverage: CoverageRow[];
  violations: Violation[];
  score: Score;
}

export interface Rulebook {
  readonly rules: readonly Rule[];
  evaluate(roster: Roster, ctx: RuleContext): Evaluation;
}

export interface CoverageDrop {
  queue: string;
  interval_start: string;
  required: number;
  before: number;
  after: number;
}

export interface ChangeVerdict {
  /** Hard violations the change adds. */
  hard: Violation[];
  /** Intervals that fall below the requirement because of the change. */
  coverageDrops: CoverageDrop[];
  /** The roster has requirements to compare coverage with. */
  coverageKnown: boolean;
  ok: boolean;
  /** The rulebook's evaluation of the changed roster (stored with the new version). */
  after: Evaluation;
}

const EPS = 1e-9;

function violationKey(v: Violation): string {
  return [v.rule, v.agent ?? '', v.team ?? '', v.queue ?? '', v.date ?? '', v.interval_start ?? ''].join('|');
}

/** Hard violations of `after` that are new or heavier than in `before`. */
export function addedHardViolations(before: readonly Violation[], after: readonly Violation[]): Violation[] {
  const was = new Map<string, number>();
  for (const v of before) if (v.level === 'hard') was.set(violationKey(v), (was.get(violationKey(v)) ?? 0) + v.penalty);
  const now = new Map<string, number>();
  for (const v of after) if (v.level === 'hard') now.set(violationKey(v), (now.get(violationKey(v)) ?? 0) + v.penalty);
  return after.filter((v) => v.level === 'hard' && (now.get(violationKey(v)) ?? 0) > (was.get(violationKey(v)) ?? 0) + EPS);
}

export function coverageDrops(before: readonly CoverageRow[], after: readonly CoverageRow[]): CoverageDrop[] {
  const key = (c: CoverageRow) => `${c.queue}|${Date.parse(c.interval_start)}`;
  const was = new Map(before.map((c) => [key(c), c.scheduled]));
  const out: CoverageDrop[] = [];
  for (const c of after) {
    const prior = was.get(key(c)) ?? 0;
    if (c.scheduled < c.required - EPS && c.scheduled < prior - EPS) {
      out.push({ queue: c.queue, interval_start: c.interval_start, required: c.required, before: prior, after: c.scheduled });
    }
  }
  return out;
}

/** Judges a change: the rulebook evaluates both rosters under the same context. */
export function judgeChange(book: Rulebook, before: Roster, after: Roster, ctx: RuleContext): ChangeVerdict {
  const b = book.evaluate(before, ctx);
  const a = book.evaluate(after, ctx);
  const hard = addedHardViolations(b.violations, a.violations);
  const drops = coverageDrops(b.coverage, a.coverage);
  const coverageKnown = ctx.requirements.length > 0;
  return { hard, coverageDrops: drops, coverageKnown, ok: hard.length === 0 && drops.length === 0 && coverageKnown, after: a };
}
