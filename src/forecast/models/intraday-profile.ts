/**
 * Intraday profile per weekday: the share of the day's calls that falls in each slot, smoothed over weeks by an
 * exponentially weighted mean of the recent complete days of that weekday (newest weight 1, then decay^k). A
 * weekday without complete days borrows the profile pooled over all weekdays, restricted to its open slots.
 * The "top-down" half of the daily-total × profile decomposition (Gans, Koole & Mandelbaum 2003, §6.1; Koole
 * 2013).
 */
import type { ModelInput } from '../types.ts';
import { dayTotal, recentDays } from './history-days.ts';

export interface ProfileOptions {
  weeks: number;
  decay: number;
}

export const DEFAULT_PROFILE: ProfileOptions = { weeks: 8, decay: 0.85 };

function normalize(row: Float64Array, open: readonly boolean[]): boolean {
  let sum = 0;
  for (let s = 0; s < row.length; s++) {
    if (!open[s]) row[s] = 0;
    sum += row[s];
  }
  if (!(sum > 0)) return false;
  for (let s = 0; s < row.length; s++) row[s] /= sum;
  return true;
}

/** profiles[weekday] (1..7): shares summing to 1 over the weekday's open slots (all zero for a closed weekday). */
export function intradayProfiles(input: ModelInput, o: ProfileOptions = DEFAULT_PROFILE): Float64Array[] {
  const { grid } = input;
  const profiles: Float64Array[] = [new Float64Array(grid.slots)];
  const pooled = new Float64Array(grid.slots);
  const missing: number[] = [];
  for (let w = 1; w <= 7; w++) {
    const row = new Float64Array(grid.slots);
    profiles.push(row);
    if (!grid.openDays[w]) continue;
    const days = recentDays(input, w, o.weeks, { complete: true });
    let weight = 0;
    days.forEach((i, k) => {
      const total = dayTotal(grid.values[i], grid.openSlots[w]);
      if (!(total > 0)) return;
      const wk = o.decay ** k;
      const v = grid.values[i];
      for (let s = 0; s < row.length; s++) if (grid.openSlots[w][s]) row[s] += (wk * v[s]) / total;
      weight += wk;
    });
    if (weight > 0) {
      for (let s = 0; s < row.length; s++) pooled[s] += row[s] / weight;
      normalize(row, grid.openSlots[w]);
    } else missing.push(w);
  }
  for (const w of missing) {
    const row = profiles[w];
    row.set(pooled);
    if (!normalize(row, grid.openSlots[w])) {
      const open = grid.openSlots[w].filter(Boolean).length;
      for (let s = 0; s < row.length; s++) row[s] = grid.openSlots[w][s] ? 1 / open : 0;
    }
  }
  return profiles;
}

/** Daily totals of the training days, NaN where a day is unusable or has a gap. */
export function dailyTotals(input: ModelInput): Float64Array {
  const { grid, trainEnd } = input;
  const totals = new Float64Array(trainEnd).fill(NaN);
  for (let i = 0; i < trainEnd; i++) {
    if (grid.usable[i] && grid.complete[i]) totals[i] = dayTotal(grid.values[i], grid.openSlots[grid.weekdays[i]]);
  }
  return totals;
}
