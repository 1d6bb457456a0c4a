/**
 * Exponential smoothing of daily totals with a damped additive trend and multiplicative weekly seasonality:
 * Holt-Winters with Gardner & McKenzie's damped trend (E.S. Gardner, E. McKenzie, "Forecasting trends in time
 * series", Management Science 31(10), 1985; Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential
 * Smoothing", Springer 2008, model ETS(A,Ad,M)).
 *
 * Time runs in calendar days; a closed or unusable day is a missing observation: the state moves on
 * (l ← l + φb, b ← φb) without an update, so holidays and weekends cost nothing. Smoothing parameters come from
 * a grid search minimising the in-sample squared errors of forecasts made `lag` days earlier (after a two-week
 * warm-up), so a month-ahead forecast is not tuned to chase yesterday.
 */

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface EtsFit {
  params: EtsParams;
  level: number;
  trend: number;
  /** seasonal[weekday], 1..7. */
  seasonal: number[];
}

const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5];
const BETAS = [0, 0.02, 0.05, 0.1];
const GAMMAS = [0.02, 0.05, 0.1, 0.2, 0.3];
const PHIS = [0.8, 0.9, 0.95, 0.98, 1];
const WARM_UP_DAYS = 14;

interface Start {
  level: number;
  trend: number;
  seasonal: number[];
}

function initialState(y: Float64Array, weekdays: readonly number[]): Start | null {
  const week = (from: number) => {
    const xs: number[] = [];
    for (let i = from; i < Math.min(from + 7, y.length); i++) if (!Number.isNaN(y[i])) xs.push(y[i]);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
  };
  const first = week(0);
  if (!(first > 0)) return null;
  const second = week(7);
  const sums = new Array<number>(8).fill(0);
  const counts = new Array<number>(8).fill(0);
  for (let i = 0; i < Math.min(WARM_UP_DAYS, y.length); i++) {
    if (Number.isNaN(y[i])) continue;
    sums[weekdays[i]] += y[i];
    counts[weekdays[i]]++;
  }
  const level = Number.isNaN(second) ? first : (first + second) / 2;
  const seasonal = sums.map((s, w) => (counts[w] > 0 ? s / counts[w] / level : 1));
  return { level, trend: Number.isNaN(second) ? 0 : (second - first) / 7, seasonal };
}

/** Runs the recursion; returns the final state and the sum of squared one-step errors after warm-up. */
function run(y: Float64Array, weekdays: readonly number[], p: EtsParams, start: Start, lag: number) {
  let level = start.level;
  let trend = start.trend;
  const seasonal = start.seasonal.slice();
  let sse = 0;
  const pastLevel = new Float64Array(y.length);
  const pastTrend = new Float64Array(y.length);
  const damp = p.phi === 1 ? lag : (p.phi * (1 - p.phi ** lag)) / (1 - p.phi);
  for (let i = 0; i < y.length; i++) {
    const w = weekdays[i];
    pastLevel[i] = level;
    pastTrend[i] = trend;
    const base = level + p.phi * trend;
    const obs = y[i];
    if (Number.isNaN(obs)) {
      level = base;
      trend *= p.phi;
      continue;
    }
    const s = seasonal[w];
    if (i >= WARM_UP_DAYS && i - lag + 1 >= 0) {
      const err = obs - (pastLevel[i - lag + 1] + damp * pastTrend[i - lag + 1]) * s;
      sse += err * err;
    }
    const newLevel = s > 0 ? p.alpha * (obs / s) + (1 - p.alpha) * base : base;
    trend = p.beta * (newLevel - level) + (1 - p.beta) * p.phi * trend;
    level = newLevel;
    if (level > 0) seasonal[w] = p.gamma * (obs / level) + (1 - p.gamma) * s;
  }
  return { level, trend, seasonal, sse };
}

/** Fits the model to a daily series (NaN = missing). Returns null when the first week has no data. */
export function fitDailyEts(series: Float64Array, allWeekdays: readonly number[], lag = 1): EtsFit | null {
  const first = series.findIndex((x) => !Number.isNaN(x));
  if (first < 0) return null;
  const y = series.subarray(first);
  const weekdays = allWeekdays.slice(first);
  const start = initialState(y, weekdays);
  if (!start) return null;
  let best: (EtsFit & { sse: number }) | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const gamma of GAMMAS)
        for (const phi of PHIS) {
          const params = { alpha, beta, gamma, phi };
          const r = run(y, weekdays, params, start, lag);
          if (!best || r.sse < best.sse) best = { params, level: r.level, trend: r.trend, seasonal: r.seasonal, sse: r.sse };
        }
  return best && { params: best.params, level: best.level, trend: best.trend, seasonal: best.seasonal };
}

/** Forecast h ≥ 1 days after the last fitted day, for weekday w. */
export function etsForecast(fit: EtsFit, h: number, weekday: number): number {
  const { phi } = fit.params;
  const damp = phi === 1 ? h : (phi * (1 - phi ** h)) / (1 - phi);
  return Math.max(0, (fit.level + damp * fit.trend) * fit.seasonal[weekday]);
}
