/**
 * The whole-instance MIP as a searcher: HiGHS branch-and-cut on the complete model (curtois-qu-mip.ts), fed the
 * shared incumbent through its user-solution callback whenever another searcher improves it, publishing its
 * own improving solutions and its proven lower bound. On small instances it proves optimality and ends the
 * run; on larger ones its bound tells how far the incumbent can be from optimal, and the LNS incumbents let it
 * prune. (Hybrid of exact and heuristic search as in Rahimian, Akartunalı & Levine, EJOR 258, 2017.)
 * With `allow`, the same search runs on a restricted model (e.g. the support of an LP solution): its
 * solutions are valid, its bound is not a global one.
 */
import type { Highs } from 'highs';
import type { CqInstance } from './curtois-qu-instance.ts';
import { buildCqMip, columnsToRows, solutionColumns } from './curtois-qu-mip.ts';
import { cqObjective } from './curtois-qu-objective.ts';
import type { LnsResult } from './curtois-qu-lns.ts';
import type { SharedIncumbent } from './incumbent-exchange.ts';

export interface FullMipOptions {
  deadline: number;
  exchange: SharedIncumbent;
  seed: number;
  log?: (line: string) => void;
  /** Restricts each employee's choices per day (shift -1 = off); absent = the whole model. */
  allow?: (employee: number, day: number, shift: number) => boolean;
  /** Label for the log. */
  label?: string;
}

export interface FullMipResult extends LnsResult {
  /** The search ended by proving its best solution optimal (within its restriction, if any). */
  proved: boolean;
}

export function fullMipSearch(highs: Highs, instance: CqInstance, options: FullMipOptions): FullMipResult {
  const { exchange } = options;
  const log = options.log ?? (() => {});
  const label = options.label ?? 'full MIP';
  const restricted = options.allow !== undefined;
  const mip = buildCqMip(instance, { allow: options.allow });
  const model = highs.createModel({
    numCols: mip.numCols,
    numRows: mip.numRows,
    offset: mip.offset,
    colCost: mip.colCost,
    colLower: mip.colLower,
    colUpper: mip.colUpper,
    rowLower: mip.rowLower,
    rowUpper: mip.rowUpper,
    matrix: { format: 'csr', numRows: mip.numRows, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
    integrality: mip.integrality,
  });
  let best = { objective: Infinity, solution: instance.staff.map(() => new Array<number>(instance.horizon).fill(-1)) };
  let injected = -1;
  let improvements = 0;
  let proved = false;
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, (options.deadline - Date.now()) / 1000),
      mip_abs_gap: 0.999,
      mip_rel_gap: 0,
      random_seed: options.seed,
    });
    const start = exchange.take(Infinity);
    if (start) {
      model.setSolution({ colValue: solutionColumns(instance, mip, start.solution) });
      injected = exchange.version;
    }
    const cb = highs.constants.callbackType;
    const { modelStatus } = model.run({
      [cb.mipUserSolution](event) {
        if (exchange.version === injected || exchange.objective >= best.objective) return;
        const shared = exchange.take(best.objective);
        injected = exchange.version;
        if (shared) event.setSolution(solutionColumns(instance, mip, shared.solution));
      },
      [cb.mipImprovingSolution](event) {
        const cols = event.data.mip_solution;
        if (!cols) return;
        const solution = columnsToRows(instance, mip, cols);
        const objective = cqObjective(instance, solution).total;
        if (objective < best.objective) {
          best = { objective, solution };
          improvements++;
          exchange.offer(objective, solution);
          log(`${label} incumbent ${objective}`);
        }
      },
      [cb.mipInterrupt](event) {
        const bound = event.data.mip_dual_bound;
        if (!restricted && bound !== undefined && Number.isFinite(bound)) exchange.raiseBound(bound);
        if (exchange.solved || Date.now() >= options.deadline) event.interrupt();
      },
    });
    if (modelStatus === highs.constants.modelStatus.optimal) {
      proved = true;
      const solution = columnsToRows(instance, mip, model.getSolution().colValue);
      const objective = cqObjective(instance, solution).total;
      if (objective < best.objective) best = { objective, solution };
      exchange.offer(objective, solution);
      if (!restricted) exchange.raiseBound(objective);
      log(`${label} proved ${objective} optimal${restricted ? ' within its restriction' : ''}`);
    } else {
      log(`${label} stopped (status ${modelStatus}) at ${best.objective}, lower bound ${exchange.bound}`);
    }
  } finally {
    model.dispose();
  }
  return { solution: best.solution, objective: best.objective, feasible: Number.isFinite(best.objective), iterations: 1, improvements, proved };
}
