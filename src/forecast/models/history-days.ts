/**
 * Helpers the models share for picking training days off the grid: the most recent usable days of a weekday,
 * and recency weights.
 */
import type { ModelInput } from '../types.ts';

/** Indices of the most recent usable training days of `weekday`, newest first (at most `count`). */
export function recentDays(input: ModelInput, weekday: number, count: number, opts: { complete?: boolean } = {}): number[] {
  const { grid, trainEnd } = input;
  const out: number[] = [];
  for (let i = trainEnd - 1; i >= 0 && out.length < count; i--) {
    if (grid.weekdays[i] !== weekday || !grid.usable[i]) continue;
    if (opts.complete && !grid.complete[i]) continue;
    out.push(i);
  }
  return out;
}

/** Indices of every usable (and complete, if asked) training day, oldest first. */
export function trainingDays(input: ModelInput, opts: { complete?: boolean; since?: number } = {}): number[] {
  const { grid, trainEnd } = input;
  const out: number[] = [];
  for (let i = Math.max(0, opts.since ?? 0); i < trainEnd; i++) {
    if (grid.usable[i] && (!opts.complete || grid.complete[i])) out.push(i);
  }
  return out;
}

export type Weighting = 'equal' | 'linear' | { decay: number };

/** Weight of the k-th most recent of n observations (k = 0 newest). */
export function recencyWeight(weighting: Weighting, k: number, n: number): number {
  if (weighting === 'equal') return 1;
  if (weighting === 'linear') return n - k;
  return weighting.decay ** k;
}

/** Sum of a day's open slots, or NaN if any open slot is unobserved. */
export function dayTotal(values: Float64Array, open: readonly boolean[]): number {
  let sum = 0;
  for (let s = 0; s < values.length; s++) {
    if (!open[s]) continue;
    if (Number.isNaN(values[s])) return NaN;
    sum += values[s];
  }
  return sum;
}

/** A horizon row per target date, filled with zeros. */
export function emptyForecast(input: ModelInput): Float64Array[] {
  return input.targetDates.map(() => new Float64Array(input.grid.slots));
}
