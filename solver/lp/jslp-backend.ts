/**
 * LpBackend on javascript-lp-solver (pure JavaScript simplex with branch-and-cut). Much slower than HiGHS on
 * large models (DESIGN.md), kept as a second backend for small models and as a cross-check: the benchmark
 * solves the per-day shift-design model on both.
 */
import * as jsLpModule from 'javascript-lp-solver';
import type { Model } from 'javascript-lp-solver';

type JsLp = typeof jsLpModule.default.default;
const solver = (jsLpModule as unknown as { default: JsLp }).default;
import type { LinearModel, LinearSolution, LpBackend, SolveLimits } from './linear-model.ts';

export function createJsLpBackend(): LpBackend {
  return { name: 'javascript-lp-solver', solve: (model, limits) => solveWithJsLp(model, limits ?? {}) };
}

function solveWithJsLp(lp: LinearModel, limits: SolveLimits): LinearSolution {
  const t0 = performance.now();
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  for (let j = 0; j < lp.numCols; j++) {
    const v: Record<string, number> = { cost: lp.colCost[j] };
    variables[`x${j}`] = v;
    const lo = lp.colLower[j];
    const hi = lp.colUpper[j];
    if (lo === -Infinity) unrestricted[`x${j}`] = 1;
    if (lo !== 0 && lo !== -Infinity) {
      constraints[`l${j}`] = { min: lo };
      v[`l${j}`] = 1;
    }
    if (hi !== Infinity) {
      constraints[`u${j}`] = { max: hi };
      v[`u${j}`] = 1;
    }
    if (lp.integer[j] && !limits.relax) ints[`x${j}`] = 1;
  }
  for (let i = 0; i < lp.numRows; i++) {
    const bound: { min?: number; max?: number; equal?: number } = {};
    const lo = lp.rowLower[i];
    const hi = lp.rowUpper[i];
    if (lo === hi) bound.equal = lo;
    else {
      if (lo !== -Infinity) bound.min = lo;
      if (hi !== Infinity) bound.max = hi;
    }
    constraints[`r${i}`] = bound;
    for (let k = lp.rowStarts[i]; k < lp.rowStarts[i + 1]; k++) variables[`x${lp.rowIndex[k]}`][`r${i}`] = lp.rowValue[k];
  }
  const model: Model = {
    optimize: 'cost',
    opType: 'min',
    constraints,
    variables,
    ints,
    unrestricted,
    ...(limits.timeLimitMs !== undefined ? { timeout: limits.timeLimitMs } : {}),
    ...(limits.relGap !== undefined ? { options: { tolerance: limits.relGap } } : {}),
  };
  const result = solver.Solve(model) as { feasible: boolean; bounded?: boolean; result: number; [k: string]: unknown };
  const values = new Float64Array(lp.numCols);
  for (let j = 0; j < lp.numCols; j++) {
    const v = result[`x${j}`];
    values[j] = typeof v === 'number' ? v : 0;
  }
  const ms = performance.now() - t0;
  if (!result.feasible) return { status: 'infeasible', objective: NaN, values, bound: -Infinity, stopped: false, ms };
  if (result.bounded === false) return { status: 'unbounded', objective: NaN, values, bound: -Infinity, stopped: false, ms };
  const objective = lp.objectiveOf(values);
  const timedOut = limits.timeLimitMs !== undefined && ms >= limits.timeLimitMs;
  return { status: timedOut ? 'feasible' : 'optimal', objective, values, bound: timedOut ? -Infinity : objective, stopped: timedOut, ms };
}
