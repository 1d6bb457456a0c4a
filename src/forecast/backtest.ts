/**
 * Rolling-origin backtest (L.J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * IJF 16(4), 2000): origins one week apart over the last K weeks; from each, every model forecasts the next E
 * days (E = the requested horizon, shortened only when the history is too short) using only the days before
 * the origin, and is scored on the observed intervals of usable days (special days, gaps and closed hours are
 * not scored). Also scores combinations of the best model of each family (weights ∝ 1 / wMAPE), the "forecast
 * combination" that so often beats its members (R.T. Clemen, "Combining forecasts: a review and annotated
 * bibliography", IJF 5(4), 1989).
 */
import { ErrorAccumulator } from './metrics.ts';
import { modelFamily, SEASONAL_NAIVE } from './models/registry.ts';
import type { BacktestRow, DayGrid, ForecastModel, SkippedModel } from './types.ts';

/** Fewest days of training before the earliest origin. */
export const MIN_TRAINING_DAYS = 14;

export interface BacktestSetup {
  horizonDays: number;
  weeks: number;
  closedDates: ReadonlySet<string>;
}

export interface Combination {
  name: string;
  members: Array<{ model: string; weight: number }>;
}

export interface Backtest {
  origins: string[];
  horizonDays: number;
  note?: string;
  rows: BacktestRow[];
  skipped: SkippedModel[];
  /** Scored cells: slot of day and actual calls; predictions are aligned with them. */
  slots: Int32Array;
  actual: Float64Array;
  predictions: Map<string, Float64Array>;
  combinations: Combination[];
}

function scoreRow(model: string, actual: Float64Array, pred: Float64Array, members?: Combination['members']): BacktestRow {
  const acc = new ErrorAccumulator();
  for (let c = 0; c < actual.length; c++) acc.add(actual[c], pred[c]);
  const m = acc.result();
  return { model, wMAPE: m.wMAPE ?? NaN, mape: m.mape, bias: m.bias ?? NaN, rmse: m.rmse ?? NaN, ratioToSeasonalNaive: null, ...(members ? { members } : {}) };
}

export function combine(predictions: Map<string, Float64Array>, members: Combination['members']): Float64Array {
  const first = predictions.get(members[0].model)!;
  const out = new Float64Array(first.length);
  for (const { model, weight } of members) {
    const p = predictions.get(model)!;
    for (let c = 0; c < out.length; c++) out[c] += weight * p[c];
  }
  return out;
}

export function runBacktest(grid: DayGrid, models: readonly ForecastModel[], setup: BacktestSetup): Backtest {
  const n = grid.dates.length;
  const horizon = Math.min(setup.horizonDays, n - MIN_TRAINING_DAYS);
  const empty = (note: string): Backtest => ({
    origins: [], horizonDays: Math.max(0, horizon), note, rows: [], skipped: [], slots: new Int32Array(), actual: new Float64Array(),
    predictions: new Map(), combinations: [],
  });
  if (setup.weeks <= 0) return empty('backtest turned off');
  if (horizon < 1) return empty(`history of ${n} days is too short to backtest (needs more than ${MIN_TRAINING_DAYS} days)`);
  const origins: number[] = [];
  for (let j = setup.weeks - 1; j >= 0; j--) {
    const o = n - horizon - 7 * j;
    if (o >= MIN_TRAINING_DAYS) origins.push(o);
  }
  const earliest = origins[0];
  const skipped: SkippedModel[] = [];
  const runnable = models.filter((m) => {
    if (m.minHistoryDays <= earliest) return true;
    skipped.push({ model: m.name, reason: `needs ${m.minHistoryDays} days of history before the first backtest origin ${grid.dates[earliest]}, has ${earliest}` });
    return false;
  });

  const cellFold: number[] = [];
  const cellDay: number[] = [];
  const cellSlot: number[] = [];
  const cellActual: number[] = [];
  origins.forEach((o, f) => {
    for (let t = 0; t < horizon; t++) {
      const i = o + t;
      if (!grid.usable[i]) continue;
      const open = grid.openSlots[grid.weekdays[i]];
      for (let s = 0; s < grid.slots; s++) {
        if (!open[s] || Number.isNaN(grid.values[i][s])) continue;
        cellFold.push(f);
        cellDay.push(t);
        cellSlot.push(s);
        cellActual.push(grid.values[i][s]);
      }
    }
  });
  if (cellActual.length === 0) return { ...empty('no observed interval on a usable day in the backtest windows'), skipped };
  const actual = Float64Array.from(cellActual);
  const predictions = new Map<string, Float64Array>();
  for (const model of runnable) {
    const pred = new Float64Array(actual.length);
    let c = 0;
    origins.forEach((o, f) => {
      const rows = model.forecast({
        grid, trainEnd: o, lead: 0, closedDates: setup.closedDates,
        targetDates: grid.dates.slice(o, o + horizon), targetWeekdays: grid.weekdays.slice(o, o + horizon),
      });
      for (; c < actual.length && cellFold[c] === f; c++) pred[c] = rows[cellDay[c]][cellSlot[c]];
    });
    predictions.set(model.name, pred);
  }
  const rows = runnable.map((m) => scoreRow(m.name, actual, predictions.get(m.name)!));

  // Combinations of the best model of each family: the top two and the top three.
  const bestOfFamily = new Map<string, BacktestRow>();
  for (const r of [...rows].sort((a, b) => a.wMAPE - b.wMAPE)) if (!bestOfFamily.has(modelFamily(r.model)) && r.wMAPE > 0) bestOfFamily.set(modelFamily(r.model), r);
  const leaders = [...bestOfFamily.values()];
  const combinations: Combination[] = [];
  for (const size of [2, 3]) {
    if (leaders.length < size) continue;
    const picked = leaders.slice(0, size);
    const inv = picked.map((r) => 1 / r.wMAPE);
    const total = inv.reduce((a, b) => a + b, 0);
    const members = picked.map((r, k) => ({ model: r.model, weight: Math.round((inv[k] / total) * 1000) / 1000 }));
    const drift = 1 - members.reduce((a, m) => a + m.weight, 0);
    members[0].weight = Math.round((members[0].weight + drift) * 1000) / 1000;
    const name = `combo(${picked.map((r) => r.model).join('+')})`;
    combinations.push({ name, members });
    const pred = combine(predictions, members);
    predictions.set(name, pred);
    rows.push(scoreRow(name, actual, pred, members));
  }

  const naive = rows.find((r) => r.model === SEASONAL_NAIVE)?.wMAPE;
  for (const r of rows) r.ratioToSeasonalNaive = naive && naive > 0 ? r.wMAPE / naive : null;
  rows.sort((a, b) => a.wMAPE - b.wMAPE);
  return { origins: origins.map((o) => grid.dates[o]), horizonDays: horizon, rows, skipped, slots: Int32Array.from(cellSlot), actual, predictions, combinations };
}
