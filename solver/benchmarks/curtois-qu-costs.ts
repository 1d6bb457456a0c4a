/**
 * The benchmark objective split per employee, for the DP: an employee working shift t on day d pays the
 * off-request weight and saves the on-request weight of (d, t); the on-request weights form a constant.
 * Cover enters through marginal costs (best response: one more employee on (d, t) removes one unit short or
 * adds one unit over) or through the master LP's duals (pricing).
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';

export interface CqCosts {
  days: number;
  shifts: number;
  /** Per employee, at d·T + t: off-request weight − on-request weight. */
  request: Float64Array[];
  /** Per employee: the sum of its on-request weights (paid when none is granted). */
  onConstant: Float64Array;
  /** Cover row index at d·T + t, or -1. */
  cover: Int32Array;
}

export function cqCosts(instance: CqInstance): CqCosts {
  const D = instance.horizon;
  const T = instance.shifts.length;
  const request = instance.staff.map(() => new Float64Array(D * T));
  const onConstant = new Float64Array(instance.staff.length);
  for (const r of instance.onRequests) {
    request[r.employee][r.day * T + r.shift] -= r.weight;
    onConstant[r.employee] += r.weight;
  }
  for (const r of instance.offRequests) request[r.employee][r.day * T + r.shift] += r.weight;
  const cover = new Int32Array(D * T).fill(-1);
  instance.cover.forEach((c, i) => (cover[c.day * T + c.shift] = i));
  return { days: D, shifts: T, request, onConstant, cover };
}

/** The request part of the objective for one employee's row. */
export function rowRequestCost(costs: CqCosts, e: number, row: readonly number[]): number {
  let c = costs.onConstant[e];
  row.forEach((t, d) => {
    if (t >= 0) c += costs.request[e][d * costs.shifts + t];
  });
  return c;
}

/** Cover counts at d·T + t of a solution, leaving out one employee (or none with -1). */
export function coverCounts(costs: CqCosts, solution: CqSolution, leaveOut = -1): Int32Array {
  const counts = new Int32Array(costs.days * costs.shifts);
  solution.forEach((row, e) => {
    if (e === leaveOut) return;
    row.forEach((t, d) => {
      if (t >= 0) counts[d * costs.shifts + t]++;
    });
  });
  return counts;
}

/** Exact change of the objective when employee e works (d, t), given the others' cover counts. */
export function marginalCosts(instance: CqInstance, costs: CqCosts, e: number, others: Int32Array): Float64Array {
  const out = Float64Array.from(costs.request[e]);
  for (let k = 0; k < out.length; k++) {
    const i = costs.cover[k];
    if (i < 0) continue;
    const c = instance.cover[i];
    out[k] += others[k] < c.requirement ? -c.underWeight : c.overWeight;
  }
  return out;
}
