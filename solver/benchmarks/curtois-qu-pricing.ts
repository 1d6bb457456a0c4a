/**
 * Pricing for the column generation, with dual smoothing (Wentges, 1997): the employees' DPs are priced at a
 * convex combination of the duals that gave the best Lagrangian bound so far (the stability centre) and the
 * restricted master's current duals. The master's duals swing from one solve to the next; priced at them,
 * the root dive's late steps crawled through 50 master solves each (generated Gen14). A schedule is added only
 * if it prices out at the master's own duals; when none does at the smoothed duals (a mispricing), the round is
 * priced again at the master's duals, so convergence is never lost. Every Lagrangian bound computed (at any
 * duals within the slacks' weights) is valid, and the best one is kept.
 */
import type { CqInstance } from './curtois-qu-instance.ts';
import { rowRequestCost, type CqCosts } from './curtois-qu-costs.ts';
import type { EmployeeDp } from './curtois-qu-dp.ts';
import type { Master, MasterSolution } from './curtois-qu-master.ts';

const EPS = 1e-6;
/** Weight of the stability centre in the smoothed duals. */
export const SMOOTHING = 0.8;

export interface PricingRound {
  /** Lagrangian bound of the master at the duals priced: Σ π·rhs + each employee's least schedule cost at π. */
  bound: number;
  /** Cover duals priced at. */
  duals: Float64Array;
  /** Schedules with a negative reduced cost at the master's own duals. */
  columns: Array<{ employee: number; row: number[] }>;
}

/** Prices every open employee of the master at cover duals `pi`; columns are judged at the LP's duals. */
export function priceAt(instance: CqInstance, costs: CqCosts, dp: readonly EmployeeDp[], master: Master, lp: MasterSolution, pi: Float64Array, stop: () => boolean): PricingRound | undefined {
  const T = costs.shifts;
  let bound = 0;
  pi.forEach((v, i) => (bound += v * master.coverRhs[i]));
  const columns: PricingRound['columns'] = [];
  const workedDuals = (row: readonly number[], duals: (i: number) => number) => {
    let sum = 0;
    row.forEach((t, d) => {
      const i = t >= 0 ? costs.cover[d * T + t] : -1;
      if (i >= 0) sum += duals(i);
    });
    return sum;
  };
  const lpDual = (i: number) => lp.dual[master.coverRow(i)];
  for (const e of master.employees) {
    if (stop()) return undefined;
    if (master.fixed[e] >= 0) {
      const row = master.column(master.fixed[e]).row;
      bound += rowRequestCost(costs, e, row) - workedDuals(row, (i) => pi[i]);
      continue;
    }
    const cost = Float64Array.from(costs.request[e]);
    for (let k = 0; k < cost.length; k++) if (costs.cover[k] >= 0) cost[k] -= pi[costs.cover[k]];
    const rows = dp[e].solve(cost, 2);
    // The least schedule cost at π, or a lower bound on it when the DP priced a limit (inexact).
    bound += dp[e].lowerBound + costs.onConstant[e];
    for (const r of rows) {
      const reduced = rowRequestCost(costs, e, r.row) - workedDuals(r.row, lpDual) - lp.dual[master.convexityRow(e)];
      if (reduced < -EPS) columns.push({ employee: e, row: r.row });
    }
  }
  return { bound, duals: pi, columns };
}

/** The smoothed duals α·centre + (1 − α)·current. */
export function smoothDuals(centre: Float64Array, current: Float64Array, alpha: number): Float64Array {
  return centre.map((c, i) => alpha * c + (1 - alpha) * current[i]);
}
