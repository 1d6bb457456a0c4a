/**
 * LpBackend on HiGHS (npm `highs`, WebAssembly; Huangfu & Hall's dual simplex and branch-and-cut). Loading the
 * WASM module is asynchronous, solving is synchronous: call from a worker thread when an event loop must stay
 * responsive (see solver/thread/). Time limits and cancel reach inside a solve through HiGHS's interrupt
 * callbacks.
 */
import * as highsModule from 'highs';
import type { LinearModel, LinearSolution, LpBackend, SolveLimits } from './linear-model.ts';

// The package ships ESM at run time but CommonJS-flavoured types: take the loader from the namespace.
type Loader = typeof highsModule.default.default;
const loadHighs: Loader = (highsModule as unknown as { default: Loader }).default;
type Highs = Awaited<ReturnType<Loader>>;

let loading: Promise<Highs> | undefined;

/** The HiGHS runtime of this thread, loaded once. */
export function loadHighsRuntime(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

export async function createHighsBackend(): Promise<LpBackend> {
  const highs = await loadHighsRuntime();
  return {
    name: 'HiGHS',
    solve: (model, limits) => solveWithHighs(highs, model, limits ?? {}, [Float64Array.from(model.colCost)])[0],
    solveSequence: (model, costs, limits) => solveWithHighs(highs, model, limits ?? {}, costs),
  };
}

function solveWithHighs(highs: Highs, lp: LinearModel, limits: SolveLimits, costs: readonly Float64Array[]): LinearSolution[] {
  const inf = highs.infinity;
  const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const mip = lp.hasIntegers && !limits.relax;
  const created = performance.now();
  const model = highs.createModel({
    numCols: lp.numCols,
    numRows: lp.numRows,
    offset: lp.offset,
    colCost: costs[0],
    colLower: Float64Array.from(lp.colLower, clamp),
    colUpper: Float64Array.from(lp.colUpper, clamp),
    rowLower: Float64Array.from(lp.rowLower, clamp),
    rowUpper: Float64Array.from(lp.rowUpper, clamp),
    matrix: {
      format: 'csr',
      numRows: lp.numRows,
      numCols: lp.numCols,
      starts: Int32Array.from(lp.rowStarts),
      indices: Int32Array.from(lp.rowIndex),
      values: Float64Array.from(lp.rowValue),
    },
    ...(mip ? { integrality: Int32Array.from(lp.integer, (b) => (b ? 1 : 0)) } : {}),
  });
  const results: LinearSolution[] = [];
  try {
    model.options.set({ output_flag: false });
    if (!mip && limits.lpMethod) model.options.set({ solver: limits.lpMethod });
    if (limits.timeLimitMs !== undefined) model.options.set({ time_limit: Math.max(0.05, limits.timeLimitMs / 1000) });
    if (mip && limits.relGap !== undefined) model.options.set({ mip_rel_gap: limits.relGap });
    if (mip && limits.absGap !== undefined) model.options.set({ mip_abs_gap: limits.absGap });
    if (mip && limits.start) model.setSolution({ colValue: limits.start });
    for (let c = 0; c < costs.length; c++) {
      const t0 = c === 0 ? created : performance.now();
      if (c > 0) {
        // The time limit covers the whole sequence; a run that did not reach its optimum ends it.
        const left = limits.timeLimitMs === undefined ? Infinity : limits.timeLimitMs - (t0 - created);
        if (results[c - 1].status !== 'optimal' || left < 50 || limits.shouldStop?.()) {
          results.push({ status: 'error', objective: NaN, values: new Float64Array(lp.numCols), bound: -Infinity, stopped: true, ms: 0 });
          continue;
        }
        model.changeColsCost({ kind: 'range', from: 0, to: lp.numCols - 1 }, costs[c]);
        // Re-optimizing from the previous run's basis (after interior point's crossover).
        if (!mip && limits.lpMethod) model.options.set({ solver: 'simplex' });
        if (Number.isFinite(left)) model.options.set({ time_limit: left / 1000 });
        model.zeroAllClocks();
      }
      const stop = limits.shouldStop;
      const interrupt = stop
        ? (e: { interrupt(): void }): undefined => {
            if (stop()) e.interrupt();
            return undefined;
          }
        : undefined;
      model.run(
        interrupt
          ? {
              [highs.constants.callbackType.simplexInterrupt]: interrupt,
              [highs.constants.callbackType.ipmInterrupt]: interrupt,
              [highs.constants.callbackType.mipInterrupt]: interrupt,
            }
          : undefined,
      );
      const status = model.getModelStatus();
      const S = highs.constants.modelStatus;
      let primal = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
      const values = primal ? Float64Array.from(model.getSolution().colValue) : new Float64Array(lp.numCols);
      // A MIP stopped before its first incumbent may still expose a fractional relaxation point: not a solution.
      if (primal && mip && lp.integer.some((int, j) => int && Math.abs(values[j] - Math.round(values[j])) > 1e-6)) primal = false;
      const objective = primal ? model.getObjectiveValue() : NaN;
      if (!primal) values.fill(0);
      let bound = -Infinity;
      if (mip) {
        const b = Number(model.info.get('mip_dual_bound'));
        if (Number.isFinite(b)) bound = status === S.optimal && primal ? Math.min(b, objective) : b;
        else if (status === S.optimal) bound = objective;
      } else if (status === S.optimal) bound = objective;
      const verdict: LinearSolution['status'] =
        status === S.optimal ? 'optimal'
        : status === S.infeasible ? 'infeasible'
        : status === S.unbounded || status === S.unboundedOrInfeasible ? 'unbounded'
        : primal ? 'feasible'
        : 'error';
      const duals = !mip && status === S.optimal ? Float64Array.from(model.getSolution().rowDual ?? []) : undefined;
      results.push({ status: verdict, objective, values, bound, stopped: status !== S.optimal && primal, ms: performance.now() - t0, ...(duals?.length ? { rowDual: duals } : {}) });
    }
    return results;
  } finally {
    model.dispose();
  }
}
