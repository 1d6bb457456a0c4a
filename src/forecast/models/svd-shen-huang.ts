/**
 * Low-rank day × interval model after H. Shen and J.Z. Huang, "Interday forecasting and intraday updating of
 * call center arrivals", Manufacturing & Service Operations Management 10(3), 2008, pp. 391–410.
 *
 * The matrix X of recent complete days (rows) by open slots (columns) is reduced by SVD to K intraday shapes
 * f_k (right singular vectors) and one score series per shape, β_k(d) = X_d · f_k. Each score series is
 * forecast as in the paper's interday model: a weekday-dependent mean plus an AR(1) deviation,
 * β̂_k(d+h) = a_k(weekday) + ρ_k^h e_k(d). The weekday means are recency-weighted (decay per week), so level
 * shifts are followed. The forecast day is Σ_k β̂_k f_k: every day shares the K shapes, which pools the whole
 * history into a denoised intraday profile. A weekly pattern of rank ≤ K is reproduced exactly.
 */
import { rightSingularVectors } from '../linalg.ts';
import type { ForecastModel, ModelInput } from '../types.ts';
import { emptyForecast, trainingDays } from './history-days.ts';

export interface SvdOptions {
  components: number;
  /** Weeks of history in the matrix. */
  weeks: number;
  /** Weight of a weekday's score k weeks back: decay^k. */
  decay: number;
}

export function svdShenHuang(o: SvdOptions): ForecastModel {
  return {
    name: `svd-k${o.components}`,
    method: `SVD of the day × interval matrix, ${o.components} components, weekday means + AR(1) on the scores (Shen & Huang 2008, MSOM 10:391)`,
    minHistoryDays: 7,
    windowDays: 7 * o.weeks,
    forecast(input: ModelInput): Float64Array[] {
      const out = emptyForecast(input);
      const { grid } = input;
      const cols: number[] = [];
      for (let s = 0; s < grid.slots; s++) if (grid.openSlots.some((o2) => o2[s])) cols.push(s);
      const days = trainingDays(input, { complete: true, since: input.trainEnd - 7 * o.weeks });
      if (days.length === 0 || cols.length === 0) return out;
      // Slots closed on a day's weekday read as 0, so a short day is a row like any other.
      const rows = days.map((i) => {
        const w = grid.weekdays[i];
        return Float64Array.from(cols, (s) => (grid.openSlots[w][s] && !Number.isNaN(grid.values[i][s]) ? grid.values[i][s] : 0));
      });
      const k = Math.min(o.components, cols.length, rows.length);
      const shapes = rightSingularVectors(rows, k);
      const scores = shapes.map((f) => rows.map((r) => r.reduce((acc, x, j) => acc + x * f[j], 0)));
      const lastDay = days[days.length - 1];
      const forecasts = scores.map((beta) => {
        const mean = new Array<number>(8).fill(0);
        const weight = new Array<number>(8).fill(0);
        days.forEach((i, n) => {
          const wd = grid.weekdays[i];
          const weeksBack = Math.floor((lastDay - i) / 7);
          const wt = o.decay ** weeksBack;
          mean[wd] += wt * beta[n];
          weight[wd] += wt;
        });
        for (let wd = 1; wd <= 7; wd++) mean[wd] = weight[wd] > 0 ? mean[wd] / weight[wd] : 0;
        const dev = days.map((i, n) => beta[n] - mean[grid.weekdays[i]]);
        let num = 0;
        let den = 0;
        for (let n = 1; n < dev.length; n++) {
          num += dev[n] * dev[n - 1];
          den += dev[n - 1] ** 2;
        }
        const rho = den > 0 ? Math.max(0, Math.min(0.95, num / den)) : 0;
        return { mean, rho, last: dev[dev.length - 1] };
      });
      // Open days from the last matrix day to each target date count as the AR steps.
      let steps = 0;
      for (let i = lastDay + 1; i < input.trainEnd + input.lead; i++) {
        const wd = ((grid.weekdays[lastDay] + (i - lastDay) - 1) % 7) + 1;
        if (grid.openDays[wd]) steps++;
      }
      input.targetWeekdays.forEach((wd, t) => {
        if (grid.openDays[wd]) steps++;
        const row = out[t];
        forecasts.forEach((fc, a) => {
          const beta = fc.mean[wd] + fc.rho ** steps * fc.last;
          const f = shapes[a];
          cols.forEach((s, j) => (row[s] += beta * f[j]));
        });
        for (let s = 0; s < row.length; s++) row[s] = grid.openSlots[wd][s] ? Math.max(0, row[s]) : 0;
      });
      return out;
    },
  };
}
