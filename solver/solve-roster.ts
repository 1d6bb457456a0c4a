/**
 * solveRoster: a month's roster from a RosterProblem, within a time limit, cancellable, reporting progress.
 * Pipeline (each stage in its own file):
 *  1. feasibility.ts — what cannot be kept, in plain words;
 *  2. design/month-plan.ts — LP relaxation of the shift-design model on HiGHS: the understaffing lower bound
 *     and the month's plan, rounded to whole shifts per staff group, day, option and queue;
 *  3. assign/initial-assignment.ts — named people for the planned shifts, day by day, meals and breaks placed;
 *     assign/supervisor-cover.ts — supervisors for every open minute (R11), a small MIP on HiGHS;
 *  4. search/local-search.ts — local search on the named roster for 80% of the time left, then
 *     search/short-day-redesign.ts — the days still short re-designed by MIP (who works stays, what and when
 *     they work is chosen again together) until the time limit;
 *  5. assign/placement.ts — meals and breaks of every day re-optimized; output/to-assignments.ts — the roster;
 *     activities/place-activities.ts — exams, training and meetings (TR1–TR4) where they cost least;
 *     rules/evaluate.ts — score and violations by the rulebook.
 * Pure: no storage, no HTTP. HiGHS is synchronous: run from a worker thread (thread/) on a server.
 */
import { buildGroups } from './design/groups.ts';
import { planMonth } from './design/month-plan.ts';
import { BOUND_COVERS } from './design/bound-covers.ts';
import { designByDays } from './design/day-design.ts';
import { designColumns } from './design/design-model.ts';
import { assignNamed, type Plan } from './assign/initial-assignment.ts';
import { improveDayPlacement } from './assign/placement.ts';
import { placeDayExactly } from './assign/placement-mip.ts';
import { planFromAssignments } from './assign/warm-start.ts';
import { coverSupervisors } from './assign/supervisor-cover.ts';
import { checkFeasibility } from './feasibility.ts';
import { createHighsBackend } from './lp/highs-backend.ts';
import { assignmentCoverage } from './model/assignment-coverage.ts';
import { buildSolverModel, type SolverModel } from './model/build-model.ts';
import type { Person } from './model/people.ts';
import { toAssignments } from './output/to-assignments.ts';
import { placeActivities } from './activities/place-activities.ts';
import { addActivityUplift } from './activities/activity-uplift.ts';
import type { PhaseTiming, RosterProblem, SolveOptions, SolveResult } from './problem.ts';
import type { Assignment, Roster, Score } from './roster.ts';
import { evaluate } from './rules/evaluate.ts';
import { buildRuleContext, type RuleContext } from './rules/rule.ts';
import { CoverageState, type Placed } from './search/coverage-state.ts';
import { localSearch } from './search/local-search.ts';
import { redesignShortDays } from './search/short-day-redesign.ts';
import { SearchState } from './search/search-state.ts';
import { seededRandom } from '../src/demo/generate-center.ts';

/**
 * The search's last share goes to re-designing the days still short (search/short-day-redesign.ts), one MIP of
 * at most REDESIGN_MIP_MS per day tried.
 */
const REDESIGN_SHARE = 0.2;
const REDESIGN_MIP_MS = 1_500;
/**
 * Tight months (issue 17): when the month LP's bound is at least TIGHT_BOUND_SHARE of the required agent-hours
 * (the generated tight centers: 1.1-1.3%; the demo and generated rows: 0), the re-design gets only
 * TIGHT_REDESIGN_SHARE of the search and the local search the rest: on tight-60 (120 s) the re-design improved
 * 0-2 days in 13-49 s (at most 0.7 agent-hours, with 1.5 s or 5 s per MIP) while the local search closes the hours.
 */
const TIGHT_BOUND_SHARE = 0.005;
const TIGHT_REDESIGN_SHARE = 0.05;
/** The time limit of a work-bounded solve (`moves`): a safety net, not a budget. */
const WORK_BOUND_SAFETY_MS = 600_000;
/** Day MIPs of the re-design in a work-bounded solve. */
const WORK_BOUND_REDESIGN_MIPS = 3;

/** Coverage of what the solve keeps as it is: the pinned days' phone shifts and the kept overtime. */
export function pinnedCoverage(m: SolverModel): Float64Array[] {
  const fixed = m.queueIds.map(() => new Float64Array(m.horizon.startMs.length));
  const add = (a: Assignment) => {
    const q = m.queueIds.indexOf(a.queue);
    if (q < 0) return;
    const off = [...a.breaks, ...(a.activities ?? [])].map((b) => ({ fromMs: Date.parse(b.start), toMs: Date.parse(b.start) + b.minutes * 60_000 }));
    const { idx, frac } = assignmentCoverage(m.horizon, Date.parse(a.start), Date.parse(a.end), off);
    idx.forEach((i, k) => (fixed[q][i] += frac[k]));
  };
  for (const p of m.phone) for (const a of p.pinned) if (a) add(a);
  for (const a of m.problem.kept ?? []) add(a);
  return fixed;
}

export function ruleContextOf(problem: RosterProblem, dates: string[]): RuleContext {
  return buildRuleContext(problem.center, problem.month, dates, {
    requirements: problem.requirements,
    leave: problem.leave ?? [],
    pinned: problem.pinned ?? [],
    pinnedDates: problem.pinnedDates,
    pinnedAgentDays: problem.pinnedAgentDays,
    previous: problem.previous ?? [],
  });
}

/** The solved assignments with the kept work (accepted overtime) beside them, in roster order. */
function withKept(assignments: Assignment[], kept: readonly Assignment[] | undefined): Assignment[] {
  if (!kept?.length) return assignments;
  return [...assignments, ...kept].sort((x, y) => x.date.localeCompare(y.date) || x.agent.localeCompare(y.agent) || Date.parse(x.start) - Date.parse(y.start));
}

/** Required agent-hours of the month, all queues. */
function requiredHours(m: SolverModel): number {
  let sum = 0;
  for (const r of m.req.required) for (const x of r) if (!Number.isNaN(x)) sum += x;
  return sum * m.intervalHours;
}

function emptyRoster(problem: RosterProblem): Roster {
  return { center: problem.center.id, month: problem.month, assignments: [], coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
}

export async function solveRoster(problem: RosterProblem, options: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const limit = options.timeLimitMs ?? (options.moves !== undefined ? WORK_BOUND_SAFETY_MS : 60_000);
  const deadline = t0 + limit;
  const stopped = () => Boolean(options.signal?.aborted || options.shouldStop?.());
  const phases: PhaseTiming[] = [];
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ phase: name, ms: Math.round(now - mark) });
    mark = now;
    options.onProgress?.({ fraction: Math.min(1, (now - t0) / limit), phase: name, best: bestScore, bound: boundSoFar });
  };
  let bestScore: Score | undefined;
  let boundSoFar: number | undefined;

  const m = buildSolverModel(problem);
  const feasibility = checkFeasibility(problem, m);
  phase('model and feasibility');
  const highs = await createHighsBackend();
  const groups = buildGroups(m);
  const groupIndex = new Map<Person, number>();
  groups.forEach((g) => g.members.forEach((p) => groupIndex.set(p, g.index)));
  const fixed = pinnedCoverage(m);
  const cov = new CoverageState(m, fixed);
  const days = m.horizon.dates.length;
  const placeAll = (plan: (Placed | null)[][], c: CoverageState, share: number, until = deadline) => {
    const perDay = Math.max(50, (share * limit) / days);
    for (let d = 0; d < days && !stopped(); d++) {
      const left = (until - performance.now()) / (days - d);
      if (left < 20) break;
      placeDayExactly(c, highs, plan, d, Math.min(perDay, left), stopped);
    }
  };
  let plan: { lowerBound: number };
  let named: Plan;
  if (options.start) {
    // Resumed: the best roster an earlier attempt kept is the starting point (its bound comes with it).
    named = planFromAssignments(m, options.start);
    for (const p of m.phone) for (const placed of named[p.index]) if (placed) cov.apply(placed, 1);
    plan = { lowerBound: options.startBound ?? NaN };
    boundSoFar = Number.isFinite(plan.lowerBound) ? plan.lowerBound : undefined;
    phase('resumed from the best roster so far');
  } else {
    // The month LP when the budget allows it (≈ 0.1 ms per column on a busy 2-core machine, see
    // month-plan.ts), else days alone.
    const monthLpFits = 0.35 * limit >= 0.1 * designColumns(m, groups);
    const month = monthLpFits
      ? planMonth(m, groups, highs, fixed, { timeLimitMs: 0.35 * limit, shouldStop: stopped })
      : { lowerBound: NaN, planUnder: NaN, counts: new Map<string, number>(), ms: { bound: 0, plan: 0 } };
    boundSoFar = Number.isFinite(month.lowerBound) ? month.lowerBound : undefined;
    phase(monthLpFits ? 'month plan (LP)' : 'month plan skipped (time limit too short for the LP)');
    if (month.counts.size === 0 && !stopped()) {
      month.counts = designByDays(m, groups, highs, fixed, Math.max(300, (0.1 * limit) / m.horizon.dates.length), stopped);
      phase('day-by-day design (the month LP did not finish in time)');
    }
    plan = month;
    named = assignNamed(m, groups, month.counts, cov);
    const supervisors = coverSupervisors(m, highs, Math.max(2_000, 0.1 * limit), stopped);
    phase('named assignment');
    placeAll(named, cov, 0.1);
    for (const [s, line] of supervisors) named[s.index] = line;
    phase('meal and break placement (MIP)');
  }
  // A resumed solve judges its month by the bound it brought along (NaN: not tight).
  const tightMonth = plan.lowerBound >= TIGHT_BOUND_SHARE * requiredHours(m);
  // TR1–TR4: the search staffs for the activities' time off the phones too (activity-uplift.ts).
  const restoreRequirement = problem.center.activities.length > 0 && options.activityUplift !== false ? addActivityUplift(m) : () => {};
  const state = new SearchState(m, named, cov, groupIndex);
  // Kept for the final placement (≤ 5% of the budget) and the rulebook's evaluation.
  const evaluationMs = 300 + m.people.length * 4;
  const reserve = Math.min(0.2 * limit, 0.05 * limit + evaluationMs);
  let lastSnapshot = performance.now();
  const toRoster = (p: Plan): Roster => ({ ...emptyRoster(problem), assignments: withKept(toAssignments(m, new Map(m.people.map((x) => [x, p[x.index]]))), problem.kept) });
  const searchEnd = deadline - reserve;
  const search = await localSearch(state, {
    deadline: searchEnd - (tightMonth ? TIGHT_REDESIGN_SHARE : REDESIGN_SHARE) * (searchEnd - performance.now()),
    shouldStop: stopped,
    random: seededRandom(options.seed ?? 1),
    maxIterations: options.moves,
    onBest: (_objective, bestPlan) => {
      const totals = cov.totals();
      bestScore = { hard: state.lines.filter((l) => l.hard > 0).length, understaffed: totals.under, overstaffed: totals.over, soft: 0 };
      const now = performance.now();
      if (options.onBest && now - lastSnapshot >= (options.snapshotEveryMs ?? 5_000)) {
        lastSnapshot = now;
        options.onBest(toRoster(bestPlan));
      }
    },
    onTick: () => options.onProgress?.({ fraction: Math.min(1, (performance.now() - t0) / limit), phase: 'local search', best: bestScore }),
  });
  phase(`local search (${search.iterations} moves)`);
  const redesign = redesignShortDays(state, highs, {
    until: searchEnd,
    mipMs: REDESIGN_MIP_MS,
    maxMips: options.moves !== undefined ? WORK_BOUND_REDESIGN_MIPS : undefined,
    shouldStop: stopped,
    onTick: () => options.onProgress?.({ fraction: Math.min(1, (performance.now() - t0) / limit), phase: 'day re-design', best: bestScore }),
  });
  phase(`day re-design (${redesign.kept} days improved)`);
  restoreRequirement();

  // Final placement of meals and breaks on the best plan.
  const finalCov = new CoverageState(m, fixed);
  const best = search.plan;
  for (const p of m.phone) for (const placed of best[p.index]) if (placed) finalCov.apply(placed, 1);
  const phonePlan: (Placed | null)[][] = m.people.map((p) => (p.kind === 'phone' ? best[p.index] : []));
  for (let d = 0; d < days; d++) improveDayPlacement(finalCov, phonePlan, d, 4);
  placeAll(phonePlan, finalCov, 0.05, deadline - evaluationMs);
  phase('final meal and break placement');
  const lines = new Map(m.people.map((p) => [p, p.kind === 'phone' ? phonePlan[p.index] : best[p.index]]));
  const searchObjective = new SearchState(m, m.people.map((p) => lines.get(p)!), finalCov, groupIndex).objective();
  const solved = withKept(toAssignments(m, lines), problem.kept);
  const activities = problem.center.activities.length > 0 ? placeActivitiesOf(m, problem, solved) : undefined;
  if (activities) phase(`activities placed (${activities.placed}, ${activities.unscheduled.length} unscheduled)`);
  const roster: Roster = { ...emptyRoster(problem), assignments: activities?.assignments ?? solved };
  const ev = evaluate(roster, ruleContextOf(problem, m.horizon.dates));
  roster.coverage = ev.coverage;
  roster.score = ev.score;
  roster.violations = ev.violations;
  bestScore = ev.score;
  phase('roster and evaluation');
  options.onBest?.(roster);
  return {
    roster,
    lowerBound: { understaffed: plan.lowerBound, method: 'LP relaxation of the month shift-design model (design/design-model.ts)', covers: BOUND_COVERS },
    feasibility,
    phases,
    cancelled: stopped(),
    objective: { search: searchObjective, rulebook: ev.objective },
    ...(activities ? { activities: { placed: activities.placed, unscheduled: activities.unscheduled, activityHours: activities.activityHours, addedUnderstaffed: activities.addedUnderstaffed } } : {}),
  };
}

/** TR1–TR4: the activities placed in the solved roster where they cost least; pinned person-days keep theirs. */
function placeActivitiesOf(m: SolverModel, problem: RosterProblem, assignments: Assignment[]) {
  const pinned = new Set(m.people.flatMap((p) => p.pinned.flatMap((x, d) => (x !== undefined ? [`${p.id}|${m.horizon.dates[d]}`] : []))));
  return placeActivities({ center: problem.center, month: problem.month, assignments, requirements: problem.requirements, isFixed: (agent, date) => pinned.has(`${agent}|${date}`) });
}
