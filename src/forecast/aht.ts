/**
 * Average handle time forecast per weekday and slot: the call-weighted mean of the history's aht_seconds over the
 * recent usable days (Σ aht × handled ÷ Σ handled; offered stands in where handled is absent), i.e. total handle
 * time over calls, which is what Erlang staffing needs. Falls back to the slot over all weekdays, then the
 * queue's overall mean, then the default (the queue's `ahtSeconds`) when the history has no handle times.
 */
import type { QueueHistory } from './grid.ts';

export const AHT_WEEKS = 8;
export const DEFAULT_AHT_SECONDS = 180;

export interface AhtForecast {
  source: 'history' | 'default';
  meanSeconds: number;
  /** seconds[weekday][slot], weekday 1..7. */
  seconds: Float64Array[];
}

export function forecastAht(history: QueueHistory, defaultSeconds: number): AhtForecast {
  const { grid } = history;
  const S = grid.slots;
  const flat = () => Array.from({ length: 8 }, () => new Float64Array(S).fill(defaultSeconds));
  if (!history.hasAht) return { source: 'default', meanSeconds: defaultSeconds, seconds: flat() };
  const sum = Array.from({ length: 8 }, () => new Float64Array(S));
  const weight = Array.from({ length: 8 }, () => new Float64Array(S));
  const n = grid.dates.length;
  for (let i = Math.max(0, n - 7 * AHT_WEEKS); i < n; i++) {
    if (!grid.usable[i]) continue;
    const w = grid.weekdays[i];
    for (let s = 0; s < S; s++) {
      sum[w][s] += history.ahtSum[i][s];
      weight[w][s] += history.ahtWeight[i][s];
    }
  }
  const slotSum = new Float64Array(S);
  const slotWeight = new Float64Array(S);
  let allSum = 0;
  let allWeight = 0;
  for (let w = 1; w <= 7; w++) {
    for (let s = 0; s < S; s++) {
      slotSum[s] += sum[w][s];
      slotWeight[s] += weight[w][s];
    }
  }
  for (let s = 0; s < S; s++) {
    allSum += slotSum[s];
    allWeight += slotWeight[s];
  }
  if (!(allWeight > 0)) return { source: 'default', meanSeconds: defaultSeconds, seconds: flat() };
  const mean = allSum / allWeight;
  const seconds = Array.from({ length: 8 }, (_, w) =>
    Float64Array.from({ length: S }, (_, s) => (weight[w][s] > 0 ? sum[w][s] / weight[w][s] : slotWeight[s] > 0 ? slotSum[s] / slotWeight[s] : mean)),
  );
  return { source: 'history', meanSeconds: mean, seconds };
}
