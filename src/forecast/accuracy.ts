/**
 * accuracy(): a forecast against the traffic that actually came, per queue and for all queues together, at
 * four levels: interval, day, week (ISO week) and the whole period, plus tables by day, by week and by time of
 * day, and the share of actuals inside the prediction interval. Measures in metrics.ts.
 *
 * Matching: actual rows are summed into the forecast's intervals in the center's zone (5-minute actuals against
 * a 30-minute forecast are fine). Only forecast dates and queues are judged. A forecast interval with no actual
 * row is left out (counted in `unmatched`); calls in an interval the forecast had as closed count against a
 * forecast of 0. Day and week totals sum the judged intervals only, so a gap in the actuals never reads as an
 * error. MASE scales by the seasonal-naive (one week earlier) error at the same level (weeks: only those
 * with as many days of data as the fullest), measured on `options.history` when given, else on the actual rows.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../errors.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import type { TrafficRow } from '../formats/traffic-csv.ts';
import { formatClock } from '../time/clock.ts';
import { ErrorAccumulator, seasonalNaiveScale, type ErrorMetrics } from './metrics.ts';
import { INTERVALS } from './series.ts';
import { ZoneClock } from './zone-clock.ts';

export interface AccuracyOptions {
  zone: string;
  /** The forecast's interval; inferred from the spacing of its points when omitted. */
  intervalMinutes?: number;
  /** Traffic before the forecast period, for the MASE scale. */
  history?: readonly TrafficRow[];
}

export interface PeriodRow {
  period: string;
  forecast: number;
  actual: number;
  /** wMAPE and bias of the period's intervals. */
  wMAPE: number | null;
  bias: number | null;
}

export interface QueueAccuracy {
  queue: string;
  models: string[];
  levels: { interval: ErrorMetrics; day: ErrorMetrics; week: ErrorMetrics; total: ErrorMetrics };
  /** Share of judged intervals whose actual lies within [lower, upper]. */
  intervalCoverage: number | null;
  byDay: PeriodRow[];
  byWeek: PeriodRow[];
  byTimeOfDay: PeriodRow[];
  unmatched: { forecastWithoutActual: number; actualOutsideForecast: number; callsOutsideForecast: number };
}

export interface AccuracyReport {
  zone: string;
  intervalMinutes: number;
  from: string;
  to: string;
  /** One table per queue, then "(all queues)" when there are several. */
  queues: QueueAccuracy[];
}

interface Cell {
  queue: string;
  ms: number;
  forecast: number;
  lower: number;
  upper: number;
  actual: number | undefined;
  date: string;
  week: string;
  minute: number;
}

export const ALL_QUEUES = '(all queues)';

function inferInterval(points: readonly ForecastPoint[]): number {
  const times = [...new Set(points.map((p) => Date.parse(p.intervalStart)))].sort((a, b) => a - b);
  let best = Infinity;
  for (let i = 1; i < times.length; i++) best = Math.min(best, (times[i] - times[i - 1]) / 60_000);
  return Number.isFinite(best) ? best : 60;
}

/** Sums rows into interval buckets: key queue|bucketMs → calls. */
function bucketRows(rows: readonly TrafficRow[], clock: ZoneClock, interval: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const { minute } = clock.local(r.startMs);
    const key = `${r.queue}|${r.startMs - (minute % interval) * 60_000}`;
    out.set(key, (out.get(key) ?? 0) + r.offered);
  }
  return out;
}

const weekKey = (ms: number, zone: string) => {
  const dt = DateTime.fromMillis(ms, { zone });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
};

function periodRows(cells: readonly Cell[], key: (c: Cell) => string): PeriodRow[] {
  const groups = new Map<string, ErrorAccumulator>();
  for (const c of cells) {
    if (c.actual === undefined) continue;
    const k = key(c);
    let acc = groups.get(k);
    if (!acc) groups.set(k, (acc = new ErrorAccumulator()));
    acc.add(c.actual, c.forecast);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([period, acc]) => {
    const m = acc.result();
    return { period, forecast: m.forecast, actual: m.actual, wMAPE: m.wMAPE, bias: m.bias };
  });
}

/** Seasonal-naive scales at interval, day and week level from a set of actual buckets. */
function scales(buckets: Map<number, number>, clock: ZoneClock) {
  const week = 7 * 86_400_000;
  const days = new Map<number, number>();
  for (const [ms, y] of buckets) {
    const { day } = clock.local(ms);
    days.set(day, (days.get(day) ?? 0) + y);
  }
  // Weeks: only those with as many days of data as the fullest week (a partial week is not a week).
  const weekDays = new Map<number, number[]>();
  for (const day of days.keys()) {
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    weekDays.set(monday, [...(weekDays.get(monday) ?? []), day]);
  }
  const fullest = Math.max(0, ...[...weekDays.values()].map((d) => d.length));
  const weeks = new Map<number, number>();
  for (const [monday, list] of weekDays) if (list.length === fullest) weeks.set(monday, list.reduce((a, d) => a + days.get(d)!, 0));
  // A repeated DST hour shifts the instant a week apart by an hour: match by instant ± one hour.
  const lagInterval = (ms: number) => (buckets.has(ms - week) ? ms - week : buckets.has(ms - week + 3_600_000) ? ms - week + 3_600_000 : ms - week - 3_600_000);
  return {
    interval: seasonalNaiveScale(buckets, lagInterval),
    day: seasonalNaiveScale(days, (d) => d - 7),
    week: seasonalNaiveScale(weeks, (w) => w - 7),
  };
}

function queueTable(queue: string, cells: Cell[], scaleBuckets: Map<number, number>, clock: ZoneClock, unmatched: QueueAccuracy['unmatched'], models: string[]): QueueAccuracy {
  const judged = cells.filter((c) => c.actual !== undefined);
  const interval = new ErrorAccumulator();
  let inside = 0;
  for (const c of judged) {
    interval.add(c.actual!, c.forecast);
    if (c.actual! >= c.lower && c.actual! <= c.upper) inside++;
  }
  const sums = (key: (c: Cell) => string) => {
    const acc = new ErrorAccumulator();
    for (const row of periodRows(judged, key)) acc.add(row.actual, row.forecast);
    return acc;
  };
  const s = scales(scaleBuckets, clock);
  const total = new ErrorAccumulator();
  const t = interval.result();
  if (t.n > 0) total.add(t.actual, t.forecast);
  const hasBands = judged.some((c) => c.lower !== c.forecast || c.upper !== c.forecast);
  return {
    queue,
    models,
    levels: { interval: interval.result(s.interval), day: sums((c) => c.date).result(s.day), week: sums((c) => c.week).result(s.week), total: total.result() },
    intervalCoverage: judged.length > 0 && hasBands ? inside / judged.length : null,
    byDay: periodRows(judged, (c) => c.date),
    byWeek: periodRows(judged, (c) => c.week),
    byTimeOfDay: periodRows(judged, (c) => formatClock(c.minute)),
    unmatched,
  };
}

export function accuracy(forecast: readonly ForecastPoint[], actual: readonly TrafficRow[], options: AccuracyOptions): AccuracyReport {
  const clock = new ZoneClock(options.zone);
  if (forecast.length === 0) throw new ValidationError('the forecast is empty', [{ where: 'forecast', message: 'no forecast points to judge' }]);
  const interval = options.intervalMinutes ?? inferInterval(forecast);
  if (!(INTERVALS as readonly number[]).includes(interval)) {
    throw new ValidationError(`forecast interval of ${interval} minutes`, [{ where: 'forecast', message: `points are ${interval} minutes apart; expected 5, 10, 15, 30 or 60` }]);
  }
  const actualBuckets = bucketRows(actual, clock, interval);
  const cells: Cell[] = [];
  const forecastKeys = new Set<string>();
  const dates = new Set<string>();
  const queues = [...new Set(forecast.map((p) => p.queue))].sort();
  for (const p of forecast) {
    const ms = Date.parse(p.intervalStart);
    const { day, minute } = clock.local(ms);
    const key = `${p.queue}|${ms}`;
    forecastKeys.add(key);
    const date = clock.dateText(day);
    dates.add(date);
    cells.push({ queue: p.queue, ms, forecast: p.offered, lower: p.lower, upper: p.upper, actual: actualBuckets.get(key), date, week: weekKey(ms, options.zone), minute });
  }
  const outside = new Map(queues.map((q) => [q, { forecastWithoutActual: 0, actualOutsideForecast: 0, callsOutsideForecast: 0 }]));
  for (const c of cells) if (c.actual === undefined) outside.get(c.queue)!.forecastWithoutActual++;
  for (const [key, calls] of actualBuckets) {
    if (forecastKeys.has(key)) continue;
    const [queue, msText] = key.split('|');
    const ms = Number(msText);
    const { day, minute } = clock.local(ms);
    const date = clock.dateText(day);
    if (!outside.has(queue) || !dates.has(date)) continue;
    const u = outside.get(queue)!;
    u.actualOutsideForecast++;
    u.callsOutsideForecast += calls;
    cells.push({ queue, ms, forecast: 0, lower: 0, upper: 0, actual: calls, date, week: weekKey(ms, options.zone), minute });
  }
  const scaleRows = options.history ?? actual;
  const scaleBuckets = bucketRows(scaleRows, clock, interval);
  const perQueueScale = (q: string | null) => {
    const m = new Map<number, number>();
    for (const [key, y] of scaleBuckets) {
      const [queue, ms] = key.split('|');
      if (q !== null && queue !== q) continue;
      if (q === null && !outside.has(queue)) continue;
      m.set(Number(ms), (m.get(Number(ms)) ?? 0) + y);
    }
    return m;
  };
  const modelsOf = (q: string | null) => [...new Set(forecast.filter((p) => q === null || p.queue === q).map((p) => p.model))].sort();
  const tables = queues.map((q) => queueTable(q, cells.filter((c) => c.queue === q), perQueueScale(q), clock, outside.get(q)!, modelsOf(q)));
  if (queues.length > 1) {
    const merged = new Map<number, Cell>();
    for (const c of cells) {
      const m = merged.get(c.ms);
      // Quantiles do not add up across queues: the all-queues table has no interval coverage.
      if (!m) merged.set(c.ms, { ...c, queue: ALL_QUEUES, lower: c.forecast, upper: c.forecast });
      else {
        m.forecast += c.forecast;
        m.lower = m.upper = m.forecast;
        m.actual = m.actual === undefined || c.actual === undefined ? undefined : m.actual + c.actual;
      }
    }
    const u = { forecastWithoutActual: 0, actualOutsideForecast: 0, callsOutsideForecast: 0 };
    for (const t of tables) for (const k of Object.keys(u) as Array<keyof typeof u>) u[k] += t.unmatched[k];
    tables.push(queueTable(ALL_QUEUES, [...merged.values()], perQueueScale(null), clock, u, modelsOf(null)));
  }
  const sortedDates = [...dates].sort();
  return { zone: options.zone, intervalMinutes: interval, from: sortedDates[0], to: sortedDates[sortedDates.length - 1], queues: tables };
}
