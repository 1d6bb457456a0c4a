/**
 * The rulebook as requests use it: the solver's rules (solver/rules/, the only place a roster rule is decided),
 * its evaluation of a roster (violations, score, coverage per interval) and its coverage measure. A change
 * (swap, rest-day move) is judged by running the rules on the roster before and after it:
 * - hard: violations of hard rules that the change adds (same rule and person/team/queue, larger total
 *   penalty), so rules already broken elsewhere do not block an unrelated swap and a violation that merely
 *   moves with a shift is not new. A change only moves the shifts of the people it names, so the person rules
 *   are run on those people (their shifts, their calendars); when one of them holds the floor (a supervisor,
 *   whose cover R11 judges across people) the whole roster is judged instead.
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
  /** Every rule, score and coverage: what a stored roster version carries. */
  evaluate(roster: Roster, ctx: RuleContext): Evaluation;
  /** Coverage rows of the context's requirements (scheduled = agents on the phones). */
  coverage(roster: Roster, ctx: RuleContext): CoverageRow[];
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
}

const EPS = 1e-9;

function violationKey(v: Violation): string {
  return [v.rule, v.agent ?? '', v.team ?? '', v.queue ?? ''].join('|');
}

/** Hard violations of `after` whose rule weighs more on the same person (team, queue) than in `before`. */
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

const PHONE_ROLES = new Set(['agent', 'lead']);

/** A context narrowed to some people, and the same narrowing for any roster judged under it. */
export interface Focus {
  ctx: RuleContext;
  roster(r: Roster): Roster;
}

/**
 * Narrows to some people (their shifts, their records), unless one of them holds the floor. Judge every roster
 * of one decision under the same Focus: the rulebook caches its month horizon per context object.
 */
export function focusOn(ctx: RuleContext, people: readonly string[]): Focus {
  if (people.some((id) => !PHONE_ROLES.has(ctx.agents.get(id)?.role ?? ''))) return { ctx, roster: (r) => r };
  const keep = new Set(people);
  return {
    ctx: { ...ctx, agents: new Map([...ctx.agents].filter(([id]) => keep.has(id))) },
    roster: (r) => ({ ...r, assignments: r.assignments.filter((a) => keep.has(a.agent)) }),
  };
}

export function hardViolations(rules: readonly Rule[], roster: Roster, ctx: RuleContext): Violation[] {
  return rules.filter((r) => r.level === 'hard').flatMap((r) => r.check(roster, ctx));
}

/** Judges a change that moves the shifts of `people`. */
export function judgeChange(book: Rulebook, before: Roster, after: Roster, ctx: RuleContext, people: readonly string[]): ChangeVerdict {
  const f = focusOn(ctx, people);
  const hard = addedHardViolations(hardViolations(book.rules, f.roster(before), f.ctx), hardViolations(book.rules, f.roster(after), f.ctx));
  const drops = coverageDrops(book.coverage(before, ctx), book.coverage(after, ctx));
  const coverageKnown = ctx.requirements.length > 0;
  return { hard, coverageDrops: drops, coverageKnown, ok: hard.length === 0 && drops.length === 0 && coverageKnown };
}
