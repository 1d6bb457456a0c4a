/**
 * Rolling-origin backtest (L.J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * IJF 16(4), 2000): an origin every day of the last K weeks; from each, every model forecasts the next E days
 * (E = the requested horizon, shortened only when the history is too short) using only the days before the
 * origin, and is scored on the observed intervals of usable days (special days, gaps and closed hours are not
 * scored). Daily origins give many scores at the horizon asked, so a choice rests on evidence rather than on
 * one or two lucky weeks. Also scores combinations — the level-profile ensemble (equal weights over its
 * level half-lives), and the median and the inverse-error-weighted mean of the best model of each family —
 * the "forecast combination" that so often beats its members (R.T. Clemen, "Combining forecasts: a review and
 * annotated bibliography", IJF 5(4), 1989; pointwise medians: Hyndman & Athanasopoulos 2021, §13.4).
 */
import { ErrorAccumulator } from './metrics.ts';
import { modelFamily, LEVEL_PROFILE, LEVEL_PROFILE_MEMBERS, SEASONAL_NAIVE } from './models/registry.ts';
import type { BacktestRow, DayGrid, ForecastModel, SkippedModel } from './types.ts';

/** Fewest days of training before the earliest origin. */
export const MIN_TRAINING_DAYS = 7;

export interface BacktestSetup {
  horizonDays: number;
  /** Weeks of daily origins. */
  weeks: number;
  closedDates: ReadonlySet<string>;
}

export interface Combination {
  name: string;
  /** 'mean': Σ weight × member; 'median': the pointwise median of the members (weights equal). */
  how: 'mean' | 'median';
  members: Array<{ model: string; weight: number }>;
}

export interface Backtest {
  origins: string[];
  horizonDays: number;
  note?: string;
  rows: BacktestRow[];
  skipped: SkippedModel[];
  /** Scored cells: origin, day ahead (0 = the origin's day), slot of day and actual calls; predictions aligned. */
  cellOrigin: Int32Array;
  cellAhead: Int32Array;
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

/** The combined value of one cell from its members' values. */
export function combineValues(c: Combination, values: readonly number[]): number {
  if (c.how === 'mean') return values.reduce((s, v, k) => s + c.members[k].weight * v, 0);
  const xs = [...values].sort((a, b) => a - b);
  const h = xs.length >> 1;
  return xs.length % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
}

export function combine(predictions: Map<string, Float64Array>, c: Combination): Float64Array {
  const parts = c.members.map((m) => predictions.get(m.model)!);
  return Float64Array.from(parts[0], (_, k) => combineValues(c, parts.map((p) => p[k])));
}

/** wMAPE of each origin's cells (NaN for an origin with no actual calls). */
export function wmapeByOrigin(origins: number, cellOrigin: Int32Array, actual: Float64Array, pred: Float64Array): Float64Array {
  const abs = new Float64Array(origins);
  const tot = new Float64Array(origins);
  for (let c = 0; c < actual.length; c++) {
    abs[cellOrigin[c]] += Math.abs(actual[c] - pred[c]);
    tot[cellOrigin[c]] += actual[c];
  }
  return Float64Array.from(abs, (a, f) => (tot[f] > 0 ? a / tot[f] : NaN));
}

function familyCombinations(rows: readonly BacktestRow[]): Combination[] {
  const bestOfFamily = new Map<string, BacktestRow>();
  for (const r of [...rows].sort((a, b) => a.wMAPE - b.wMAPE)) if (!bestOfFamily.has(modelFamily(r.model)) && r.wMAPE > 0) bestOfFamily.set(modelFamily(r.model), r);
  const leaders = [...bestOfFamily.values()];
  const out: Combination[] = [];
  if (leaders.length >= 3) {
    const picked = leaders.slice(0, 3);
    out.push({ name: `median(${picked.map((r) => r.model).join('+')})`, how: 'median', members: picked.map((r) => ({ model: r.model, weight: 1 / 3 })) });
  }
  for (const size of [2, 3]) {
    if (leaders.length < size) continue;
    const picked = leaders.slice(0, size);
    const inv = picked.map((r) => 1 / r.wMAPE);
    const total = inv.reduce((a, b) => a + b, 0);
    const members = picked.map((r, k) => ({ model: r.model, weight: Math.round((inv[k] / total) * 1000) / 1000 }));
    const drift = 1 - members.reduce((a, m) => a + m.weight, 0);
    members[0].weight = Math.round((members[0].weight + drift) * 1000) / 1000;
    out.push({ name: `combo(${picked.map((r) => r.model).join('+')})`, how: 'mean', members });
  }
  return out;
}

/** The level-profile ensemble, when every member can run. */
export function levelProfileEnsemble(names: ReadonlySet<string>): Combination | null {
  if (!LEVEL_PROFILE_MEMBERS.every((m) => names.has(m))) return null;
  return { name: LEVEL_PROFILE, how: 'mean', members: LEVEL_PROFILE_MEMBERS.map((model) => ({ model, weight: 1 / LEVEL_PROFILE_MEMBERS.length })) };
}

export function runBacktest(grid: DayGrid, models: readonly ForecastModel[], setup: BacktestSetup): Backtest {
  const n = grid.dates.length;
  const horizon = Math.min(setup.horizonDays, n - MIN_TRAINING_DAYS);
  const empty = (note: string): Backtest => ({
    origins: [], horizonDays: Math.max(0, horizon), note, rows: [], skipped: [], cellOrigin: new Int32Array(), cellAhead: new Int32Array(),
    slots: new Int32Array(), actual: new Float64Array(), predictions: new Map(), combinations: [],
  });
  if (setup.weeks <= 0) return empty('backtest turned off');
  if (horizon < 1) return empty(`history of ${n} days is too short to backtest (needs more than ${MIN_TRAINING_DAYS} days)`);
  const origins: number[] = [];
  for (let o = Math.max(MIN_TRAINING_DAYS, n - horizon - 7 * setup.weeks + 1); o <= n - horizon; o++) origins.push(o);
  const earliest = origins[0];
  const skipped: SkippedModel[] = [];
  const runnable = models.filter((m) => {
    if (m.minHistoryDays <= earliest) return true;
    skipped.push({ model: m.name, reason: `needs ${m.minHistoryDays} days of history before the first backtest origin ${grid.dates[earliest]}, has ${earliest}` });
    return false;
  });

  const cellOrigin: number[] = [];
  const cellAhead: number[] = [];
  const cellSlot: number[] = [];
  const cellActual: number[] = [];
  origins.forEach((o, f) => {
    for (let t = 0; t < horizon; t++) {
      const i = o + t;
      if (!grid.usable[i]) continue;
      const open = grid.openSlots[grid.weekdays[i]];
      for (let s = 0; s < grid.slots; s++) {
        if (!open[s] || Number.isNaN(grid.values[i][s])) continue;
        cellOrigin.push(f);
        cellAhead.push(t);
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
      for (; c < actual.length && cellOrigin[c] === f; c++) pred[c] = rows[cellAhead[c]][cellSlot[c]];
    });
    predictions.set(model.name, pred);
  }
  const rows = runnable.map((m) => scoreRow(m.name, actual, predictions.get(m.name)!));
  const combinations: Combination[] = [];
  const add = (c: Combination) => {
    const pred = combine(predictions, c);
    predictions.set(c.name, pred);
    rows.push(scoreRow(c.name, actual, pred, c.members));
    combinations.push(c);
  };
  const ensemble = levelProfileEnsemble(new Set(predictions.keys()));
  if (ensemble) add(ensemble);
  // Families compete through their best member; the level-profile family through its ensemble.
  for (const c of familyCombinations(rows.filter((r) => !LEVEL_PROFILE_MEMBERS.includes(r.model)))) add(c);
  const naive = rows.find((r) => r.model === SEASONAL_NAIVE)?.wMAPE;
  for (const r of rows) r.ratioToSeasonalNaive = naive && naive > 0 ? r.wMAPE / naive : null;
  rows.sort((a, b) => a.wMAPE - b.wMAPE);
  return {
    origins: origins.map((o) => grid.dates[o]), horizonDays: horizon, rows, skipped, cellOrigin: Int32Array.from(cellOrigin), cellAhead: Int32Array.from(cellAhead),
    slots: Int32Array.from(cellSlot), actual, predictions, combinations,
  };
}
