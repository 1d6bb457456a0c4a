/**
 * Weighted historical index: each target interval is the mean (or median) of the same weekday and interval
 * over the last N observed weeks, with recency weights (equal, linear N…1, or geometric decay). The classic
 * workforce-management method of "same day last N weeks" (G. Koole, "Call Center Optimization", MG Books 2013,
 * chapter on forecasting; N. Gans, G. Koole, A. Mandelbaum, "Telephone call centers: tutorial, review, and
 * research prospects", MSOM 5(2), 2003, §6). Several variants compete in the backtest.
 */
import { median } from 'simple-statistics';
import type { ForecastModel, ModelInput } from '../types.ts';
import { emptyForecast, recencyWeight, recentDays, type Weighting } from './history-days.ts';

export interface WeightedIndexOptions {
  weeks: number;
  statistic: 'mean' | 'median';
  weighting: Weighting;
}

function variantName(o: WeightedIndexOptions): string {
  const w = o.weighting === 'equal' ? '' : o.weighting === 'linear' ? '-linear' : `-decay${o.weighting.decay}`;
  return `whi-${o.statistic}${w}-${o.weeks}w`;
}

/** One slot's statistic over days (newest first); NaN if none observed. */
function slotStatistic(values: Float64Array[], days: number[], s: number, o: WeightedIndexOptions): number {
  if (o.statistic === 'median') {
    const xs = days.map((i) => values[i][s]).filter((x) => !Number.isNaN(x));
    return xs.length ? median(xs) : NaN;
  }
  let sum = 0;
  let weight = 0;
  days.forEach((i, k) => {
    const x = values[i][s];
    if (Number.isNaN(x)) return;
    const w = recencyWeight(o.weighting, k, days.length);
    sum += w * x;
    weight += w;
  });
  return weight > 0 ? sum / weight : NaN;
}

export function weightedIndex(o: WeightedIndexOptions): ForecastModel {
  return {
    name: variantName(o),
    method: `weighted historical index: ${o.statistic} of the last ${o.weeks} same weekdays, ${typeof o.weighting === 'string' ? o.weighting : `decay ${o.weighting.decay}`} weights (Koole 2013; Gans, Koole & Mandelbaum 2003)`,
    minHistoryDays: 7,
    windowDays: 7 * o.weeks,
    forecast(input: ModelInput): Float64Array[] {
      const out = emptyForecast(input);
      const byWeekday = new Map<number, Float64Array>();
      input.targetWeekdays.forEach((w, t) => {
        let row = byWeekday.get(w);
        if (!row) {
          const days = recentDays(input, w, o.weeks);
          row = new Float64Array(input.grid.slots);
          for (let s = 0; s < row.length; s++) {
            const x = slotStatistic(input.grid.values, days, s, o);
            row[s] = Number.isNaN(x) ? 0 : x;
          }
          byWeekday.set(w, row);
        }
        out[t].set(row);
      });
      return out;
    },
  };
}

/** The variants the backtest compares. */
export const WEIGHTED_INDEX_VARIANTS: WeightedIndexOptions[] = [
  { weeks: 4, statistic: 'mean', weighting: 'equal' },
  { weeks: 6, statistic: 'mean', weighting: 'linear' },
  { weeks: 8, statistic: 'mean', weighting: { decay: 0.8 } },
  { weeks: 5, statistic: 'median', weighting: 'equal' },
  { weeks: 12, statistic: 'mean', weighting: { decay: 0.9 } },
];
