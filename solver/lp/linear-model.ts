/**
 * A solver-neutral linear (or mixed-integer) model: columns with bounds, costs and integrality, rows as sparse
 * lists with lower/upper activity bounds, minimized. Built once, handed to any LpBackend (HiGHS or
 * javascript-lp-solver), so the same model can be solved and compared on both.
 */

export interface LinearSolution {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'error';
  /** Objective of the returned point (NaN without one). */
  objective: number;
  values: Float64Array;
  /**
   * Best proven lower bound on the objective: a MIP's dual bound (also when it stopped at its optimality gap,
   * where the objective may lie above the optimum), the objective itself for an optimal LP.
   */
  bound: number;
  /** Stopped by a time limit or a cancel before proving optimality. */
  stopped: boolean;
  ms: number;
  /** Row duals of an optimal LP (HiGHS): the objective's rate of change per unit of each row's active bound. */
  rowDual?: Float64Array;
}

export interface SolveLimits {
  timeLimitMs?: number;
  /** Relative MIP gap at which to stop. */
  relGap?: number;
  /** Absolute MIP gap (objective units) at which to stop. */
  absGap?: number;
  /** Ignore integrality (solve the LP relaxation). */
  relax?: boolean;
  /** A starting point (MIP incumbent candidate). */
  start?: Float64Array;
  /**
   * LP method of the first (cold) solve where the backend has a choice: interior point (with crossover to a
   * basis) is 2–3× faster than simplex on the month design LP; later solves of a sequence stay on warm simplex.
   */
  lpMethod?: 'simplex' | 'ipm';
  shouldStop?: () => boolean;
}

export interface LpBackend {
  name: string;
  solve(model: LinearModel, limits?: SolveLimits): LinearSolution;
  /**
   * Solves the model once per cost vector, in order, each run warm-started from the previous one where the
   * backend can (HiGHS keeps its basis). The time limit covers the whole sequence; after a run that did not
   * reach its optimum the rest are not attempted (status "error").
   */
  solveSequence?(model: LinearModel, costs: readonly Float64Array[], limits?: SolveLimits): LinearSolution[];
}

/** solveSequence when the backend has one, else one cold solve per cost vector. */
export function solveEach(backend: LpBackend, model: LinearModel, costs: readonly Float64Array[], limits?: SolveLimits): LinearSolution[] {
  if (backend.solveSequence) return backend.solveSequence(model, costs, limits);
  const saved = model.colCost;
  try {
    return costs.map((c) => {
      model.colCost = Array.from(c);
      return backend.solve(model, limits);
    });
  } finally {
    model.colCost = saved;
  }
}

export class LinearModel {
  colLower: number[] = [];
  colUpper: number[] = [];
  colCost: number[] = [];
  integer: boolean[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  rowStarts: number[] = [0];
  rowIndex: number[] = [];
  rowValue: number[] = [];
  /** Objective constant. */
  offset = 0;

  get numCols(): number {
    return this.colCost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  get hasIntegers(): boolean {
    return this.integer.some(Boolean);
  }

  addVar(lower: number, upper: number, cost: number, integer = false): number {
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colCost.push(cost);
    this.integer.push(integer);
    return this.colCost.length - 1;
  }

  /** Adds Σ coef·x ∈ [lower, upper]; repeated indices are summed. Returns the row index. */
  addRow(index: readonly number[], value: readonly number[], lower: number, upper: number): number {
    const merged = new Map<number, number>();
    index.forEach((j, k) => merged.set(j, (merged.get(j) ?? 0) + value[k]));
    for (const [j, v] of merged) {
      if (v === 0) continue;
      this.rowIndex.push(j);
      this.rowValue.push(v);
    }
    this.rowStarts.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  /** Objective of a point, for checking a backend's answer. */
  objectiveOf(values: ArrayLike<number>): number {
    let z = this.offset;
    for (let j = 0; j < this.numCols; j++) z += this.colCost[j] * values[j];
    return z;
  }

  /** Largest violation of a bound or row by a point (0 = feasible). */
  infeasibilityOf(values: ArrayLike<number>): number {
    let worst = 0;
    for (let j = 0; j < this.numCols; j++) {
      worst = Math.max(worst, this.colLower[j] - values[j], values[j] - this.colUpper[j]);
    }
    for (let i = 0; i < this.numRows; i++) {
      let act = 0;
      for (let k = this.rowStarts[i]; k < this.rowStarts[i + 1]; k++) act += this.rowValue[k] * values[this.rowIndex[k]];
      worst = Math.max(worst, this.rowLower[i] - act, act - this.rowUpper[i]);
    }
    return worst;
  }
}
