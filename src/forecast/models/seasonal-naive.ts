/**
 * Seasonal naive: every target day repeats the most recent observed day of the same weekday, interval by
 * interval (a slot missing there is taken from the week before). The baseline every report compares against.
 * Method: the seasonal naive forecast ŷ(t+h) = y(t+h−m·k) with season m = one week; Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice" (3rd ed., 2021), §5.2.
 */
import type { ForecastModel, ModelInput } from '../types.ts';
import { emptyForecast, recentDays } from './history-days.ts';

/** How many weeks back a missing slot may be filled from. */
const LOOKBACK_WEEKS = 8;

export const seasonalNaive: ForecastModel = {
  name: 'seasonal-naive',
  method: 'seasonal naive, last observed same weekday (Hyndman & Athanasopoulos 2021, §5.2)',
  minHistoryDays: 7,
  windowDays: 7,
  forecast(input: ModelInput): Float64Array[] {
    const out = emptyForecast(input);
    const cache = new Map<number, Float64Array>();
    input.targetWeekdays.forEach((w, t) => {
      let row = cache.get(w);
      if (!row) {
        row = new Float64Array(input.grid.slots).fill(NaN);
        for (const i of recentDays(input, w, LOOKBACK_WEEKS)) {
          const v = input.grid.values[i];
          for (let s = 0; s < row.length; s++) if (Number.isNaN(row[s]) && !Number.isNaN(v[s])) row[s] = v[s];
        }
        for (let s = 0; s < row.length; s++) if (Number.isNaN(row[s])) row[s] = 0;
        cache.set(w, row);
      }
      out[t].set(row);
    });
    return out;
  },
};
