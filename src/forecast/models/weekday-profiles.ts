/**
 * Intraday profiles: each open weekday's share of the day per slot, the recency-weighted mean of its complete
 * days, pulled toward the profile pooled over all weekdays by the James–Stein factor of that weekday (the
 * squared distance of its profile from the pooled one against the sampling variance of its shares): a weekday
 * whose shape really differs keeps it, one whose difference is noise takes the pooled shape (shrinkage.ts).
 */
import type { DayGrid } from '../types.ts';
import type { TrainingDay } from './daily-effects.ts';
import { shrinkFactor, WeightedMoments } from './shrinkage.ts';

export function weekdayProfiles(grid: DayGrid, days: readonly TrainingDay[], prior: number): (weekday: number) => Float64Array {
  const S = grid.slots;
  const pooled = Array.from({ length: S }, () => new WeightedMoments());
  const own = new Map<number, WeightedMoments[]>();
  for (const d of days) {
    const v = grid.values[d.i];
    const mine = own.get(d.weekday) ?? Array.from({ length: S }, () => new WeightedMoments());
    own.set(d.weekday, mine);
    for (let s = 0; s < S; s++) {
      if (!grid.openSlots[d.weekday][s]) continue;
      mine[s].add(v[s] / d.total, d.weight);
      pooled[s].add(v[s] / d.total, d.weight);
    }
  }
  const cache = new Map<number, Float64Array>();
  return (w: number) => {
    const hit = cache.get(w);
    if (hit) return hit;
    const mine = own.get(w);
    const open = grid.openSlots[w];
    let spread = 0;
    let noise: number | null = 0;
    if (mine) {
      for (let s = 0; s < S; s++) {
        if (!open[s]) continue;
        spread += (mine[s].mean - pooled[s].mean) ** 2;
        const v = mine[s].varianceOfMean;
        noise = v === null || noise === null ? null : noise + v;
      }
    }
    const n = mine ? Math.max(...mine.map((m) => m.n)) : 0;
    const k = mine ? shrinkFactor(spread, noise, n, prior) : 0;
    const prof = new Float64Array(S);
    let sum = 0;
    for (let s = 0; s < S; s++) {
      if (!open[s]) continue;
      prof[s] = k * (mine ? mine[s].mean : 0) + (1 - k) * pooled[s].mean;
      sum += prof[s];
    }
    if (sum > 0) for (let s = 0; s < S; s++) prof[s] /= sum;
    cache.set(w, prof);
    return prof;
  };
}
