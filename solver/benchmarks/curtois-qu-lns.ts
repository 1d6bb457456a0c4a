/**
 * Large-neighbourhood search for the Curtois & Qu benchmark with HiGHS as the repair operator (the
 * "fix-and-optimise" scheme of IP-based VNS, e.g. Rahimian, Akartunalı & Levine, EJOR 258, 2017): keep the
 * incumbent, free a neighbourhood — a few employees over the whole horizon, or a window of days for many
 * employees — fix everything else, and let the MIP re-optimise it exactly (warm-started with the incumbent,
 * so it never gets worse). Every staff rule involves one employee, so a solution made of individually
 * feasible rows is feasible: construction is best response by DP, or (when a DP is too large) one MIP per
 * employee against the cover left by those already placed. Neighbourhood sizes adapt: grow when sub-problems solve to optimality quickly
 * without improving, shrink when they hit their time cap.
 */
import type { Highs } from 'highs';
import { isLargeInstance, type CqInstance, type CqSolution } from './curtois-qu-instance.ts';
import { buildCqMip, columnsToRows, solutionColumns } from './curtois-qu-mip.ts';
import { cqObjective } from './curtois-qu-objective.ts';
import { solveMip } from './highs-mip.ts';
import { Random } from './random.ts';
import { bestResponse } from './curtois-qu-best-response.ts';
import { cqCosts } from './curtois-qu-costs.ts';
import { DpLimitError, employeeDp, trackLabelsFor, type EmployeeDp } from './curtois-qu-dp.ts';
import { aimedNeighbourhood, type Neighbourhood } from './curtois-qu-neighbourhoods.ts';
import { CqLocalSearch } from './curtois-qu-local-search.ts';
import { sharedFirstPass, type ConstructionBoard } from './construction-board.ts';

export interface IncumbentExchange {
  /** Offers an improved solution to the other searchers. */
  offer(objective: number, solution: CqSolution): void;
  /** A solution better than `objective` found elsewhere, if any. */
  take(objective: number): { objective: number; solution: CqSolution } | undefined;
  /** The incumbent is proven optimal: stop. */
  readonly solved: boolean;
}

export interface LnsOptions {
  /** Wall-clock deadline, ms since the epoch (Date.now()). */
  deadline: number;
  seed: number;
  initial?: CqSolution;
  exchange?: IncumbentExchange;
  /** Stop when this objective is reached (a known lower bound). */
  target?: number;
  log?: (line: string) => void;
  /** A first best-response pass shared with the other threads (large instances). */
  board?: ConstructionBoard;
}

/** Share of a large instance's neighbourhoods aimed at a short cover row (while one is short). */
const AIMED_SHARE = 0.5;
/**
 * Row checks of the local search after construction (5–10 M a second on one core; it stops sooner at its
 * local optimum, or after half the time left), and a hundredth after each improving sub-MIP (a quarter of
 * the time left at most). The wall-clock caps keep the sub-MIPs' share on a slow machine; the check counts
 * bound the work.
 */
const LOCAL_SEARCH_CHECKS = 1_000_000_000;
/** Employee × day × shift cells of a large instance's first whole-horizon sub-MIPs. */
const LARGE_SUBMIP_CELLS = 3000;

export interface LnsResult {
  solution: CqSolution;
  objective: number;
  feasible: boolean;
  iterations: number;
  improvements: number;
}

function coverCounts(instance: CqInstance, solution: CqSolution, leaveOut: Set<number>): Int32Array {
  const T = instance.shifts.length;
  const counts = new Int32Array(instance.horizon * T);
  solution.forEach((row, e) => {
    if (leaveOut.has(e)) return;
    row.forEach((t, d) => {
      if (t >= 0) counts[d * T + t]++;
    });
  });
  return counts;
}

/** Re-optimises one neighbourhood; returns the new rows of its employees, or undefined if HiGHS found nothing. */
function reoptimise(highs: Highs, instance: CqInstance, solution: CqSolution, n: Neighbourhood, seconds: number, seed: number, warm: boolean, feasibilityOnly = false) {
  const chosen = new Set(n.employees);
  const fixedCover = coverCounts(instance, solution, chosen);
  const fixDay = n.days ? (e: number, d: number) => (d < n.days![0] || d > n.days![1] ? solution[e][d] : undefined) : undefined;
  const mip = buildCqMip(instance, { employees: n.employees, fixedCover, fixDay });
  if (feasibilityOnly) {
    mip.colCost.fill(0);
    mip.offset = 0;
  }
  const start = warm ? solutionColumns(instance, mip, solution, fixedCover) : undefined;
  const result = solveMip(highs, mip, { timeLimitSeconds: seconds, start, seed });
  if (!result.feasible) return { rows: undefined, result };
  return { rows: columnsToRows(instance, mip, result.colValue), result };
}

export function lns(highs: Highs, instance: CqInstance, options: LnsOptions): LnsResult {
  const rng = new Random(options.seed);
  const E = instance.staff.length;
  const D = instance.horizon;
  const log = options.log ?? (() => {});
  const remaining = () => (options.deadline - Date.now()) / 1000;
  let solution: CqSolution = options.initial ? options.initial.map((r) => [...r]) : instance.staff.map(() => new Array<number>(D).fill(-1));
  const feasibleRow = new Array<boolean>(E).fill(options.initial !== undefined);
  let iterations = 0;
  let improvements = 0;

  // Construction (unless given a start or another searcher already has one): best response by DP when every
  // employee's DP fits; else each employee's own MIP against the cover of those already placed, with a short
  // time limit, and a pure feasibility MIP if that finds nothing.
  const ready = options.initial === undefined ? options.exchange?.take(Infinity) : undefined;
  if (ready) {
    solution = ready.solution;
    feasibleRow.fill(true);
  }
  if (!feasibleRow.every(Boolean)) {
    const dps = instance.staff.map((_, e) => employeeDp(instance, e, trackLabelsFor(E)));
    if (dps.every((dp) => dp !== undefined)) {
      try {
        // Passes until none changes a row (a few on instances 1–12), within a fifth of the time; each pass's
        // result goes to the exchange at once (generated Gen13: a pass takes seconds, the first gives 10 594).
        const offer = () => options.exchange?.offer(cqObjective(instance, solution).total, solution.map((r) => [...r]));
        // Large instances stop after the first pass: the local search below gains more per second than more
        // passes (Gen13: three passes 10 594 → 3 933 in 6 s; the local search 10 594 → 2 421 in 5 s).
        const until = isLargeInstance(instance) ? 0 : Date.now() + 0.2 * remaining() * 1000;
        // With a shared board (large instances, every thread on MIP LNS: curtois-qu-solver.ts), the threads split
        // the first pass (construction-board.ts); if it fails, the employees' own MIPs below construct.
        const board = options.board;
        const shared = board ? sharedFirstPass(instance, cqCosts(instance), dps as EmployeeDp[], board, options.deadline) : undefined;
        if (shared) {
          solution = shared;
          offer();
          feasibleRow.fill(true);
        } else if (!board) {
          bestResponse(instance, cqCosts(instance), dps as EmployeeDp[], solution, rng, 20, until, offer);
          feasibleRow.fill(true);
        }
      } catch (e) {
        if (!(e instanceof DpLimitError)) throw e;
      }
    }
  }
  for (const e of rng.shuffle(Array.from({ length: E }, (_, k) => k))) {
    if (feasibleRow[e] || remaining() <= 0) continue;
    const share = Math.min(5, Math.max(0.2, (0.5 * remaining()) / E));
    let { rows } = reoptimise(highs, instance, solution, { employees: [e] }, Math.min(remaining(), share), options.seed, false);
    if (!rows) ({ rows } = reoptimise(highs, instance, solution, { employees: [e] }, Math.min(remaining(), 10), options.seed, false, true));
    iterations++;
    if (!rows) continue;
    solution[e] = rows[0];
    feasibleRow[e] = true;
  }
  const allFeasible = () => feasibleRow.every(Boolean);
  let objective = allFeasible() ? cqObjective(instance, solution).total : Infinity;
  log(`start: ${objective} (${iterations} construction sub-MIPs), ${remaining().toFixed(1)} s left`);
  if (allFeasible()) options.exchange?.offer(objective, solution);

  // Improvement. Large instances first run the fast local search to its local optimum (generated Gen13: the
  // best-response start 10 594 → about 500 in 25 s, where sub-MIPs repair one short cover unit each), and
  // again, briefly, after every sub-MIP that improves.
  const large = isLargeInstance(instance);
  const search = large ? new CqLocalSearch(instance) : undefined;
  const polish = (maxChecks: number, patience: number, share: number) => {
    if (!search || !allFeasible()) return;
    const until = Date.now() + share * remaining() * 1000;
    const onImprove = () => options.exchange?.offer(cqObjective(instance, solution).total, solution.map((row) => [...row]));
    const r = search.improve(solution, rng, { maxChecks, patience, until, onImprove });
    if (r.delta >= 0) return;
    objective = cqObjective(instance, solution).total;
    log(`local search: ${objective} (${r.moves} moves, ${r.checks} row checks)`);
  };
  polish(LOCAL_SEARCH_CHECKS, 2, 0.5);
  // Large instances start from sub-MIPs of about LARGE_SUBMIP_CELLS employee-day-shift cells, shrink them by
  // 30% when they hit their cap, and free day windows more often: on the generated Gen13 (120 staff) E / 8
  // employees over the whole horizon hit the 3 s cap nine times in a row without improving (30 s), while
  // windows of 5 days improved in 0.5–1 s. Each sub-MIP is thus bounded in size, whatever staff × days.
  let size = large
    ? Math.max(2, Math.min(Math.round(E / 8), Math.round(LARGE_SUBMIP_CELLS / (D * instance.shifts.length))))
    : Math.max(2, Math.min(E, Math.round(E / 8)));
  let window = Math.min(D, 7);
  const cap = 3;
  while (remaining() > 0.05 && (options.target === undefined || objective > options.target) && !options.exchange?.solved) {
    const shared = options.exchange?.take(objective);
    if (shared) {
      solution = shared.solution;
      objective = shared.objective;
      feasibleRow.fill(true);
    }
    if (!allFeasible()) {
      const employees = feasibleRow.flatMap((f, e) => (f ? [] : [e]));
      const { rows } = reoptimise(highs, instance, solution, { employees }, Math.min(remaining(), 30), options.seed, false);
      if (!rows) break;
      employees.forEach((e, i) => {
        solution[e] = rows[i];
        feasibleRow[e] = true;
      });
      objective = cqObjective(instance, solution).total;
      continue;
    }
    const byDays = D > 7 && rng.next() < (large ? 0.6 : 0.35);
    // Half of the neighbourhoods of a large instance aim at a short cover row (curtois-qu-neighbourhoods.ts).
    const aimed = large && rng.next() < AIMED_SHARE ? aimedNeighbourhood(instance, solution, rng, size, window, byDays) : undefined;
    const n: Neighbourhood = aimed ?? (byDays
      ? (() => {
          const first = rng.int(D - window + 1);
          const m = Math.min(E, size * 3);
          return { employees: rng.sample(E, m), days: [first, first + window - 1] as [number, number] };
        })()
      : { employees: rng.sample(E, size) });
    const { rows, result } = reoptimise(highs, instance, solution, n, Math.min(remaining(), cap), rng.int(1 << 30), true);
    iterations++;
    if (rows) {
      const candidate = solution.map((r) => r);
      n.employees.forEach((e, i) => (candidate[e] = rows[i]));
      const value = cqObjective(instance, candidate).total;
      if (value <= objective) {
        const improved = value < objective;
        if (improved) {
          improvements++;
          log(`${iterations}: ${objective} → ${value} (${aimed ? 'aimed, ' : ''}${byDays ? `days ${n.days}` : 'employees'} ×${n.employees.length}, ${result.seconds.toFixed(2)} s)`);
          options.exchange?.offer(value, candidate);
        }
        solution = candidate;
        objective = value;
        if (improved) polish(LOCAL_SEARCH_CHECKS / 100, 1, 0.25);
      }
    }
    if (!result.optimal) {
      if (byDays) window = Math.max(3, window - 1);
      else size = Math.max(2, large ? Math.floor(0.7 * size) : size - 1);
    } else if (result.seconds < cap / 6) {
      if (byDays) window = Math.min(D, window + 1);
      else size = Math.min(E, size + 1);
    }
  }
  return { solution, objective, feasible: allFeasible(), iterations, improvements };
}
