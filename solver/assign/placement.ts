/**
 * Meal and break placement for a day (R7, R8, R9), by exact coordinate descent: each shift in turn is lifted
 * off the coverage and put back with the meal position and break slots that fit the coverage best, until a
 * pass changes nothing. The cost per interval is convex in the agents on the phones (understaffing and
 * overstaffing are linear on either side of the requirement) plus a tiny tie-break toward the interval with
 * the most spare agents, so breaks spread out (staggered) instead of piling into one interval.
 */
import type { CoverageState, Placed } from '../search/coverage-state.ts';

/** Re-places one shift; returns the new placement and the cost change (≤ 0). */
export function replace(cov: CoverageState, placed: Placed): { placed: Placed; delta: number } {
  const before = cov.removalDelta(placed);
  cov.apply(placed, -1);
  const best = cov.bestPlacement(placed.option, placed.q);
  const delta = before + best.delta;
  if (delta < -1e-9) {
    cov.apply(best.placed, 1);
    return { placed: best.placed, delta };
  }
  cov.apply(placed, 1);
  return { placed, delta: 0 };
}

export function improveDayPlacement(cov: CoverageState, plan: (Placed | null)[][], d: number, maxPasses = 4): number {
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let gained = 0;
    for (const line of plan) {
      const placed = line[d];
      if (!placed) continue;
      const r = replace(cov, placed);
      line[d] = r.placed;
      gained += r.delta;
    }
    total += gained;
    if (gained > -1e-9) break;
  }
  return total;
}
