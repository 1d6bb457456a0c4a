/**
 * Double-seasonal Holt-Winters on the interval series: J.W. Taylor, "Short-term electricity demand forecasting
 * using double seasonal exponential smoothing", J. Operational Research Society 54(8), 2003, pp. 799–805.
 * Multiplicative within-day (period = one day) and within-week (period = one week) seasonal indices, a level,
 * an optional damped trend (damping set per day, so it means the same at any interval length), and Taylor's first-order autocorrelation adjustment of the residual.
 *
 *   ŷ(t+h) = (l + Σ_{i≤h} φ^i T) · d(slot) · w(weekday, slot) + λ^h e(t)
 *   l ← α y/(d w) + (1−α)(l + φT);  T ← γ(l − l_prev) + (1−γ)φT
 *   d ← δ y/(l w) + (1−δ) d;         w ← ω y/(l d) + (1−ω) w
 *
 * Time steps are the observed open intervals in order (closed nights, weekends, holidays and gaps are skipped,
 * not read as zero); the seasonal indices are looked up by wall-clock slot, so a closed period keeps them.
 * A slot whose seasonal product is below 0.1 (a near-empty night interval) does not move the level.
 * Parameters: grid search on the in-sample squared error of forecasts made `lag` steps earlier, where `lag` is
 * the open intervals of half the horizon (at most two weeks): the model is used month-ahead, and one-step
 * fitting picks a level that chases the last few hours.
 */
import type { ForecastModel, ModelInput } from '../types.ts';
import { emptyForecast } from './history-days.ts';

interface Params {
  alpha: number;
  delta: number;
  omega: number;
  gamma: number;
  phi: number;
}

const ALPHAS = [0.01, 0.03, 0.1, 0.2];
const DELTAS = [0.05, 0.15, 0.3];
const OMEGAS = [0.05, 0.15, 0.3];
/** Trend options: none, damped by φ per day of open intervals (φ per step = φ_day^(1/steps a day)), or Taylor's
 *  undamped trend. */
const TRENDS = [
  { gamma: 0, phiDay: 0 },
  { gamma: 0.01, phiDay: 0.95 },
  { gamma: 0.01, phiDay: 1 },
];
const MIN_SEASONAL_FOR_LEVEL = 0.1;
const INIT_DAYS = 14;

interface Series {
  y: Float64Array;
  slot: Int32Array;
  weekSlot: Int32Array;
}

function observedSeries(input: ModelInput): Series {
  const { grid, trainEnd } = input;
  const y: number[] = [];
  const slot: number[] = [];
  const weekSlot: number[] = [];
  for (let i = 0; i < trainEnd; i++) {
    if (!grid.usable[i]) continue;
    const w = grid.weekdays[i];
    const v = grid.values[i];
    for (let s = 0; s < grid.slots; s++) {
      if (!grid.openSlots[w][s] || Number.isNaN(v[s])) continue;
      y.push(v[s]);
      slot.push(s);
      weekSlot.push((w - 1) * grid.slots + s);
    }
  }
  return { y: Float64Array.from(y), slot: Int32Array.from(slot), weekSlot: Int32Array.from(weekSlot) };
}

interface State {
  level: number;
  trend: number;
  d: Float64Array;
  w: Float64Array;
}

function initialState(input: ModelInput, series: Series): State | null {
  const { grid } = input;
  const S = grid.slots;
  const firstDay = grid.usable.findIndex((u, i) => u && i < input.trainEnd);
  if (firstDay < 0 || series.y.length === 0) return null;
  let count = 0;
  let sum = 0;
  const slotSum = new Float64Array(S);
  const slotN = new Float64Array(S);
  const weekSum = new Float64Array(7 * S);
  const weekN = new Float64Array(7 * S);
  const weekMeans = [0, 0];
  const weekCounts = [0, 0];
  for (let i = firstDay; i < Math.min(firstDay + INIT_DAYS, input.trainEnd); i++) {
    if (!grid.usable[i]) continue;
    const wd = grid.weekdays[i];
    for (let s = 0; s < S; s++) {
      const x = grid.values[i][s];
      if (!grid.openSlots[wd][s] || Number.isNaN(x)) continue;
      sum += x;
      count++;
      slotSum[s] += x;
      slotN[s]++;
      weekSum[(wd - 1) * S + s] += x;
      weekN[(wd - 1) * S + s]++;
      const half = i - firstDay < 7 ? 0 : 1;
      weekMeans[half] += x;
      weekCounts[half]++;
    }
  }
  const level = sum / count;
  if (!(level > 0)) return null;
  const d = new Float64Array(S).fill(1);
  for (let s = 0; s < S; s++) if (slotN[s] > 0) d[s] = slotSum[s] / slotN[s] / level;
  const w = new Float64Array(7 * S).fill(1);
  for (let k = 0; k < 7 * S; k++) if (weekN[k] > 0 && d[k % S] > 0) w[k] = weekSum[k] / weekN[k] / (level * d[k % S]);
  const perWeek = weekCounts[0];
  const trend = weekCounts[1] > 0 && perWeek > 0 ? (weekMeans[1] / weekCounts[1] - weekMeans[0] / perWeek) / perWeek : 0;
  return { level, trend, d, w };
}

function run(series: Series, start: State, p: Params, lag: number, residuals?: Float64Array) {
  let level = start.level;
  let trend = p.gamma > 0 ? start.trend : 0;
  const d = start.d.slice();
  const w = start.w.slice();
  let sse = 0;
  const { y, slot, weekSlot } = series;
  const pastLevel = new Float64Array(lag);
  const pastTrend = new Float64Array(lag);
  const damp = p.phi === 1 ? lag : p.phi > 0 ? (p.phi * (1 - p.phi ** lag)) / (1 - p.phi) : 0;
  for (let t = 0; t < y.length; t++) {
    const s = slot[t];
    const k = weekSlot[t];
    const seasonal = d[s] * w[k];
    const base = level + p.phi * trend;
    const err = y[t] - base * seasonal;
    if (residuals) residuals[t] = err;
    if (t >= lag) {
      const far = y[t] - (pastLevel[t % lag] + damp * pastTrend[t % lag]) * seasonal;
      sse += far * far;
    }
    pastLevel[t % lag] = level;
    pastTrend[t % lag] = trend;
    if (seasonal >= MIN_SEASONAL_FOR_LEVEL) {
      const newLevel = p.alpha * (y[t] / seasonal) + (1 - p.alpha) * base;
      trend = p.gamma * (newLevel - level) + (1 - p.gamma) * p.phi * trend;
      level = newLevel;
    }
    if (level > 0) {
      if (w[k] > 0) d[s] = p.delta * (y[t] / (level * w[k])) + (1 - p.delta) * d[s];
      if (d[s] > 0) w[k] = p.omega * (y[t] / (level * d[s])) + (1 - p.omega) * w[k];
    }
  }
  return { level, trend, d, w, sse };
}

export const taylorDoubleSeasonal: ForecastModel = {
  name: 'taylor-dshw',
  method: 'double-seasonal Holt-Winters, daily and weekly cycles, AR(1) residual adjustment (Taylor 2003, JORS 54:799)',
  minHistoryDays: 7,
  forecast(input: ModelInput): Float64Array[] {
    const out = emptyForecast(input);
    const series = observedSeries(input);
    const start = initialState(input, series);
    if (!start) return out;
    const { grid } = input;
    const horizonDays = input.lead + input.targetDates.length;
    const openPerDay = grid.openSlots.reduce((acc, o) => acc + o.filter(Boolean).length, 0) / Math.max(1, grid.openDays.filter(Boolean).length);
    const lag = Math.max(1, Math.round(Math.min(14, Math.ceil(horizonDays / 2)) * openPerDay * (grid.openDays.filter(Boolean).length / 7)));
    let best: { p: Params; sse: number } | null = null;
    for (const alpha of ALPHAS)
      for (const delta of DELTAS)
        for (const omega of OMEGAS)
          for (const { gamma, phiDay } of TRENDS) {
            const p = { alpha, delta, omega, gamma, phi: phiDay ** (1 / openPerDay) };
            const { sse } = run(series, start, p, lag);
            if (!best || sse < best.sse) best = { p, sse };
          }
    const residuals = new Float64Array(series.y.length);
    const fit = run(series, start, best!.p, lag, residuals);
    let num = 0;
    let den = 0;
    for (let t = 1; t < residuals.length; t++) {
      num += residuals[t] * residuals[t - 1];
      den += residuals[t - 1] ** 2;
    }
    const lambda = den > 0 ? Math.min(0.99, Math.max(0, num / den)) : 0;
    const lastError = residuals.length ? residuals[residuals.length - 1] : 0;
    const S = grid.slots;
    const { phi } = best!.p;
    let h = 0;
    let damp = 0;
    const step = () => {
      h++;
      damp += phi ** h;
    };
    for (let i = 0; i < input.lead; i++) {
      const wd = (((grid.weekdays[input.trainEnd - 1] ?? 1) + i) % 7) + 1;
      for (let s = 0; s < S; s++) if (grid.openSlots[wd][s]) step();
    }
    input.targetWeekdays.forEach((wd, t) => {
      for (let s = 0; s < S; s++) {
        if (!grid.openSlots[wd][s]) continue;
        step();
        const base = fit.level + (fit.trend === 0 ? 0 : damp * fit.trend);
        out[t][s] = Math.max(0, base * fit.d[s] * fit.w[(wd - 1) * S + s] + lambda ** h * lastError);
      }
    });
    return out;
  },
};
