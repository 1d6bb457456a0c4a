/**
 * Calendar regression of daily totals × intraday profile. The log of each day's total is regressed on weekday
 * indicators, a linear trend, and the day's position among the open days of its month (first, second,
 * second-to-last, last: the pay-day and statement-cycle peaks of banks and utilities), by recency-weighted
 * ridge least squares; the day is then split by the weekday's smoothed intraday profile.
 * Method: a multiplicative day-total × intraday-share model with a log-linear model of the day totals on
 * calendar covariates, as in L.D. Brown et al., "Statistical analysis of a telephone call center: a
 * queueing-science perspective", JASA 100(469), 2005, §4, and J. Weinberg, L.D. Brown, J.R. Stroud, "Bayesian
 * forecasting of an inhomogeneous Poisson process with applications to call center data", JASA 102(480), 2007
 * (day-of-week effects). The month-position terms are this project's addition; ridge (Hoerl & Kennard 1970)
 * keeps them near zero unless the history shows them. Holidays enter through the special-day calendar: closed
 * days are absent and count as not open, and the days after them are left out of training.
 */
import { ridgeRegression } from '../linalg.ts';
import type { ForecastModel, ModelInput } from '../types.ts';
import { dateOfDay, dayOfDate, weekdayOfDay } from '../zone-clock.ts';
import { emptyForecast } from './history-days.ts';
import { dailyTotals, intradayProfiles } from './intraday-profile.ts';

export interface CalendarRegressionOptions {
  name: string;
  /** Weeks of history used. */
  weeks: number;
  /** Weight of a day k days older than the newest: decay^k. */
  dailyDecay: number;
  /** Ridge penalties (log scale) of the trend (per year) and of each month-position term. */
  trendPenalty: number;
  positionPenalty: number;
}

const POSITION_TERMS = 4; // first, second, second-to-last, last open day of the month

/** Month-position indicators of a date, given which dates are open. */
function positionTerms(date: string, isOpen: (day: number) => boolean): number[] {
  const day = dayOfDate(date);
  const dom = Number(date.slice(8, 10));
  const monthStart = day - dom + 1;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const monthLength = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let before = 0;
  let after = 0;
  for (let d = monthStart; d < day; d++) if (isOpen(d)) before++;
  for (let d = day + 1; d < monthStart + monthLength; d++) if (isOpen(d)) after++;
  return [before === 0 ? 1 : 0, before === 1 ? 1 : 0, after === 1 ? 1 : 0, after === 0 ? 1 : 0];
}

export function calendarRegression(o: CalendarRegressionOptions): ForecastModel {
  return {
    name: o.name,
    extrapolatesTrend: o.trendPenalty < 1,
    method: `log-linear ridge regression of daily totals on weekday, trend (penalty ${o.trendPenalty}) and month position (Brown et al. 2005; Weinberg et al. 2007) × smoothed intraday profile`,
    minHistoryDays: 7,
    windowDays: 7 * o.weeks,
    forecast(input: ModelInput): Float64Array[] {
      const out = emptyForecast(input);
      const { grid, trainEnd } = input;
      const firstDay = dayOfDate(grid.dates[0]);
      const closed = input.closedDates ?? new Set<string>();
      const isOpen = (day: number) => {
        const i = day - firstDay;
        if (!grid.openDays[weekdayOfDay(day)] || closed.has(dateOfDay(day))) return false;
        // Inside the training history a day without any data was closed.
        if (i >= 0 && i < trainEnd) return grid.values[i].some((x) => !Number.isNaN(x));
        return true;
      };
      const openWeekdays = [1, 2, 3, 4, 5, 6, 7].filter((w) => grid.openDays[w]);
      const features = (date: string, weekday: number, index: number) => [
        ...openWeekdays.map((w) => (w === weekday ? 1 : 0)),
        (index - trainEnd) / 365,
        ...positionTerms(date, isOpen),
      ];
      const totals = dailyTotals(input);
      const x: number[][] = [];
      const y: number[] = [];
      const weights: number[] = [];
      for (let i = Math.max(0, trainEnd - 7 * o.weeks); i < trainEnd; i++) {
        if (!(totals[i] > 0)) continue;
        x.push(features(grid.dates[i], grid.weekdays[i], i));
        y.push(Math.log(totals[i]));
        weights.push(o.dailyDecay ** (trainEnd - 1 - i));
      }
      if (x.length === 0) return out;
      const penalty = [...openWeekdays.map(() => 0), o.trendPenalty, ...new Array<number>(POSITION_TERMS).fill(o.positionPenalty)];
      const beta = ridgeRegression(x, y, weights, penalty);
      const profiles = intradayProfiles(input);
      input.targetDates.forEach((date, t) => {
        const wd = input.targetWeekdays[t];
        if (!grid.openDays[wd]) return;
        const f = features(date, wd, trainEnd + input.lead + t);
        const total = Math.exp(f.reduce((acc, v, j) => acc + v * beta[j], 0));
        const p = profiles[wd];
        for (let s = 0; s < p.length; s++) out[t][s] = total * p[s];
      });
      return out;
    },
  };
}
