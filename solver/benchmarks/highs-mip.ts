/**
 * One MIP solve on HiGHS (npm `highs`, WebAssembly, single-threaded and synchronous) from a CqMip's sparse
 * rows, with an optional MIP start and a time limit. Each call owns a fresh native model and disposes it.
 */
import highsModule, { type Highs } from 'highs';
import type { CqMip } from './curtois-qu-mip.ts';

type Loader = () => Promise<Highs>;
// The package ships CommonJS typings for an ES module build: under NodeNext, TypeScript sees the default import
// as the CommonJS namespace while Node's ESM loader gives the loader function itself. Accept both shapes.
const loadHighs = ((highsModule as unknown as { default?: Loader }).default ?? highsModule) as unknown as Loader;

let runtime: Promise<Highs> | undefined;

/** The HiGHS runtime of this thread (loaded once). */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export interface MipResult {
  /** A feasible solution was found (or the start was kept). */
  feasible: boolean;
  /** Optimality was proved (within an absolute gap below 1, the objective being integral). */
  optimal: boolean;
  objective: number;
  bound: number;
  colValue: Float64Array;
  seconds: number;
}

export interface MipOptions {
  timeLimitSeconds: number;
  start?: Float64Array;
  seed?: number;
  /** Stop as soon as an incumbent reaches this objective. */
  target?: number;
}

export function solveMip(highs: Highs, mip: CqMip, options: MipOptions): MipResult {
  const began = performance.now();
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
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitSeconds),
      mip_abs_gap: 0.999,
      mip_rel_gap: 0,
      random_seed: options.seed ?? 0,
    });
    if (options.target !== undefined) model.options.set({ objective_target: options.target });
    if (options.start) model.setSolution({ colValue: options.start });
    const { modelStatus } = model.run();
    const status = highs.constants.modelStatus;
    const objective = model.getObjectiveValue();
    const feasible = Number.isFinite(objective) && modelStatus !== status.infeasible && Number(model.info.get('primal_solution_status')) === 2;
    return {
      feasible,
      optimal: modelStatus === status.optimal,
      objective,
      bound: Number(model.info.get('mip_dual_bound')),
      colValue: feasible ? model.getSolution().colValue : new Float64Array(0),
      seconds: (performance.now() - began) / 1000,
    };
  } finally {
    model.dispose();
  }
}
