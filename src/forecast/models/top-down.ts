/**
 * Top-down forecast: daily totals from exponential smoothing with weekly seasonality and a damped trend
 * (ets-daily.ts, Gardner & McKenzie 1985; Hyndman et al. 2008 ETS(A,Ad,M)), split over the day by the weekday's
 * smoothed intraday profile (intraday-profile.ts). The interday/intraday split is the standard call-center
 * decomposition (Gans, Koole & Mandelbaum 2003, §6.1; Shen & Huang 2008, §1).
 */
import type { ForecastModel, ModelInput } from '../types.ts';
import { emptyForecast } from './history-days.ts';
import { etsForecast, fitDailyEts } from './ets-daily.ts';
import { dailyTotals, intradayProfiles } from './intraday-profile.ts';

export const topDownEts: ForecastModel = {
  name: 'top-down-ets',
  method: 'daily totals by damped-trend Holt-Winters with weekly seasonality (Gardner & McKenzie 1985) × smoothed intraday profile per weekday',
  minHistoryDays: 7,
  extrapolatesTrend: true,
  forecast(input: ModelInput): Float64Array[] {
    const out = emptyForecast(input);
    const totals = dailyTotals(input);
    const horizon = input.lead + input.targetDates.length;
    const fit = fitDailyEts(totals, input.grid.weekdays.slice(0, input.trainEnd), Math.min(14, Math.ceil(horizon / 2)));
    if (!fit) return out;
    const profiles = intradayProfiles(input);
    input.targetWeekdays.forEach((w, t) => {
      const total = etsForecast(fit, input.lead + t + 1, w);
      const p = profiles[w];
      for (let s = 0; s < p.length; s++) out[t][s] = total * p[s];
    });
    return out;
  },
};
