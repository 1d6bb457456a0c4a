/**
 * Best response for the benchmark: each employee in turn gets its exact best row (curtois-qu-dp.ts) against
 * the others' cover (marginal cover costs), until a pass changes nothing — coordinate descent, the fast
 * construction and repair step of the searchers.
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { coverCounts, marginalCosts, type CqCosts } from './curtois-qu-costs.ts';
import type { EmployeeDp } from './curtois-qu-dp.ts';
import type { Random } from './random.ts';

/**
 * Best-response passes: each employee in turn gets its best row against the others' cover. After the first
 * pass (which gives every employee a feasible row), stops at `until` (ms since the epoch); `onPass` is called
 * after every completed pass. A DP that priced a limit (inexact) may return a row no better than the
 * employee's: after the first pass such a row is taken only when cheaper, so passes never make things worse.
 */
export function bestResponse(
  instance: CqInstance,
  costs: CqCosts,
  dps: EmployeeDp[],
  solution: CqSolution,
  rng: Random,
  passes: number,
  until = Infinity,
  onPass?: () => void,
): void {
  const T = costs.shifts;
  const counts = coverCounts(costs, solution);
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const e of rng.shuffle(instance.staff.map((_, i) => i))) {
      if (pass > 0 && Date.now() >= until) return;
      solution[e].forEach((t, d) => t >= 0 && counts[d * T + t]--);
      const marginal = marginalCosts(instance, costs, e, counts);
      const [best] = dps[e].solve(marginal);
      const worse = () => pass > 0 && best.cost >= solution[e].reduce((c, t, d) => (t >= 0 ? c + marginal[d * T + t] : c), 0) - 1e-9;
      if (best && best.row.join() !== solution[e].join() && (dps[e].exact || !worse())) {
        solution[e] = best.row;
        changed = true;
      }
      solution[e].forEach((t, d) => t >= 0 && counts[d * T + t]++);
    }
    onPass?.();
    if (!changed) return;
  }
}

