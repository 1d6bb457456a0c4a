/**
 * forecast(): traffic history in, forecast points and a JSON report out. Pure and synchronous: no I/O, no
 * clock, no randomness; the same input gives the same output. Per queue: build the local-calendar grid at the
 * requested interval (open hours, gaps, missing days learned from the history), leave special days out of
 * training, backtest every model that has enough history, pick the lowest wMAPE (a single model or a
 * combination) unless a model is named, forecast the horizon, apply the special-day calendar, add prediction
 * intervals from the backtest errors and the AHT forecast, and map slots to the real intervals of each date.
 */
import { ValidationError, type ProblemItem } from '../errors.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import type { TrafficRow } from '../formats/traffic-csv.ts';
import { dayIntervals } from '../time/local-day.ts';
import { DEFAULT_AHT_SECONDS, forecastAht } from './aht.ts';
import { combineValues, levelProfileEnsemble, runBacktest } from './backtest.ts';
import { choose, type Choice } from './selection.ts';
import { buildQueueHistory, type QueueHistory } from './grid.ts';
import { LEVEL_PROFILE, MODELS, modelByName } from './models/registry.ts';
import { defaultAhtFor, parseForecastOptions, type ParsedOptions } from './options.ts';
import { bandAt, intervalBands } from './prediction-intervals.ts';
import { assertAggregatable, buildSourceSeries, groupByQueue, type SourceSeries } from './series.ts';
import { applySpecialDays, excludeFromTraining, specialCalendar, type SpecialCalendar } from './special-days.ts';
import { inferHolidays } from './inferred-holidays.ts';
import type { ForecastModel, ForecastOptions, ForecastReport, QueueReport, SkippedModel } from './types.ts';
import { dateOfDay, dayOfDate, weekdayOfDay, ZoneClock } from './zone-clock.ts';

export interface ForecastResult {
  points: ForecastPoint[];
  report: ForecastReport;
  /** With options.allModels: every runnable model's points for the horizon (no intervals: lower = upper = offered). */
  byModel?: Record<string, ForecastPoint[]>;
}

const MIN_HISTORY_DAYS = 7;

/** The rows of a model or combination (members may be the level-profile ensemble, itself a combination). */
function forecastRows(history: QueueHistory, choice: Pick<Choice, 'how' | 'members'>, targetDates: string[], closed: ReadonlySet<string>): Float64Array[] {
  const input = { grid: history.grid, trainEnd: history.grid.dates.length, lead: 0, closedDates: closed, targetDates, targetWeekdays: targetDates.map((d) => weekdayOfDay(dayOfDate(d))) };
  const rowsOf = (name: string): Float64Array[] => {
    const model = modelByName(name);
    if (model) return model.forecast(input);
    const ensemble = levelProfileEnsemble(new Set(MODELS.map((m) => m.name)))!;
    return forecastRows(history, ensemble, targetDates, closed);
  };
  const parts = choice.members.map(({ model }) => rowsOf(model));
  const combination = { name: '', how: choice.how, members: choice.members };
  return targetDates.map((_, t) => Float64Array.from(parts[0][t], (_, s) => combineValues(combination, parts.map((p) => p[t][s]))));
}

function forecastQueue(series: SourceSeries, o: ParsedOptions, clock: ZoneClock) {
  const horizonEnd = dateOfDay(dayOfDate(o.from) + o.days - 1);
  const inferred = o.specialDays.length > 0 ? { days: [], note: 'the center declares its special days' } : inferHolidays(series, o.zone, horizonEnd, o.specialDays);
  const specialDays = [...o.specialDays, ...inferred.days];
  const specialDates = new Set(specialDays.map((d) => d.date));
  const closedDates = new Set(specialDays.filter((d) => d.closed).map((d) => d.date));
  const history = buildQueueHistory(series, clock, o.intervalMinutes, specialDates, closedDates);
  const { grid } = history;
  const cal: SpecialCalendar = specialCalendar(specialDays, grid.openDays);
  excludeFromTraining(grid, cal);
  const n = grid.dates.length;
  const fromDay = dayOfDate(o.from);
  const lead = fromDay - series.lastDay - 1;
  const targetDates = Array.from({ length: lead + o.days }, (_, k) => dateOfDay(series.lastDay + 1 + k));

  // History days up to the forecast's start (a weekday center's last week ends on a Friday).
  const historyDays = n + Math.max(0, lead);
  const skipped: SkippedModel[] = [];
  const eligible = MODELS.filter((m) => {
    if (m.minHistoryDays <= historyDays) return true;
    skipped.push({ model: m.name, reason: `needs ${m.minHistoryDays} days of history, has ${historyDays}` });
    return false;
  });
  if (o.model !== 'auto' && o.model !== LEVEL_PROFILE && !eligible.some((m) => m.name === o.model)) {
    const m = modelByName(o.model)!;
    throw new ValidationError(`model ${o.model} needs more history`, [
      { where: 'model', message: `${o.model} needs ${m.minHistoryDays} days of history; queue "${series.queue}" has ${historyDays}` },
    ]);
  }
  const backtest = runBacktest(grid, eligible, { horizonDays: lead + o.days, weeks: o.backtestWeeks, closedDates: cal.closed });
  skipped.push(...backtest.skipped);
  const choice = choose(o.model, backtest, new Set(eligible.map((m) => m.name)), historyDays);
  const rows = forecastRows(history, choice, targetDates, cal.closed);
  const { treatments, closedTargets } = applySpecialDays(grid, cal, targetDates, rows);
  const chosenPred = backtest.predictions.get(choice.name);
  const bands = intervalBands(o.coverage, chosenPred ? { ahead: backtest.cellAhead, origin: backtest.cellOrigin, actual: backtest.actual, pred: chosenPred } : undefined);
  const aht = forecastAht(history, defaultAhtFor(o, series.queue, DEFAULT_AHT_SECONDS));

  const toPoints = (dayRows: Float64Array[], model: string, withBands: boolean): ForecastPoint[] => {
    const points: ForecastPoint[] = [];
    for (let t = lead; t < targetDates.length; t++) {
      const date = targetDates[t];
      const w = weekdayOfDay(dayOfDate(date));
      if (closedTargets.has(date) || !grid.openDays[w]) continue;
      for (const iv of dayIntervals(date, o.zone, o.intervalMinutes)) {
        const s = Math.floor(iv.minuteOfDay / o.intervalMinutes);
        if (!grid.openSlots[w][s]) continue;
        const f = Math.max(0, dayRows[t][s]);
        const band = withBands ? bandAt(bands, t, f) : { lower: f, upper: f };
        points.push({ queue: series.queue, intervalStart: iv.start, offered: f, ahtSeconds: aht.seconds[w][s], lower: band.lower, upper: band.upper, model });
      }
    }
    return points;
  };

  const points = toPoints(rows, choice.name, true);
  let byModel: Record<string, ForecastPoint[]> | undefined;
  if (o.allModels) {
    byModel = {};
    for (const m of eligible) {
      const r = forecastRows(history, { how: 'mean', members: [{ model: m.name, weight: 1 }] }, targetDates, cal.closed);
      applySpecialDays(grid, cal, targetDates, r);
      byModel[m.name] = toPoints(r, m.name, false);
    }
    for (const c of backtest.combinations) {
      const r = forecastRows(history, c, targetDates, cal.closed);
      applySpecialDays(grid, cal, targetDates, r);
      byModel[c.name] = toPoints(r, c.name, false);
    }
  }

  const report: QueueReport = {
    queue: series.queue,
    sourceIntervalMinutes: series.baseMinutes,
    history: { from: grid.dates[0], to: grid.dates[n - 1], days: n, usableDays: grid.usable.filter(Boolean).length, rows: series.rows },
    openHours: history.openHours,
    missingDays: history.missingDays,
    gaps: history.gaps,
    backtest: { origins: backtest.origins, horizonDays: backtest.horizonDays, rows: backtest.rows, ...(backtest.note ? { note: backtest.note } : {}) },
    skipped,
    windows: eligible.map((m) => ({ model: m.name, days: Math.min(m.windowDays ?? historyDays, historyDays), windowDays: m.windowDays ?? null })),
    chosen: { model: choice.name, ...(choice.members.length > 1 ? { members: choice.members } : {}), reason: choice.reason },
    specialDays: treatments,
    holidays: inferred.note,
    aht: { source: aht.source, meanSeconds: Math.round(aht.meanSeconds * 10) / 10 },
    intervals: { coverage: o.coverage, method: bands.method },
  };
  return { points, report, byModel };
}

/** Forecasts every queue of the history (or options.queues). Throws ValidationError on bad input. */
export function forecast(history: readonly TrafficRow[], options: ForecastOptions): ForecastResult {
  const o = parseForecastOptions(options);
  if (history.length === 0) throw new ValidationError('the history is empty', [{ where: 'history', message: 'no rows: at least 7 days of traffic are needed' }]);
  const clock = new ZoneClock(o.zone);
  const byQueue = groupByQueue(history);
  const queues = o.queues ?? [...byQueue.keys()].sort();
  const unknown = queues.filter((q) => !byQueue.has(q));
  if (unknown.length > 0) {
    throw new ValidationError(`no history for queue(s) ${unknown.join(', ')}`, unknown.map((q) => ({ where: 'queues', message: `queue "${q}" has no rows in the history (it has: ${[...byQueue.keys()].join(', ')})` })));
  }
  const series = queues.map((q) => buildSourceSeries(q, byQueue.get(q)!, clock));
  const problems: ProblemItem[] = [];
  const fromDay = dayOfDate(o.from);
  for (const s of series) {
    // The history's days run up to the forecast's start (closed days at its end count: a weekday center's week
    // of history ends on a Friday).
    const span = Math.max(s.lastDay, fromDay - 1) - s.firstDay + 1;
    const range = `${dateOfDay(s.firstDay)} to ${dateOfDay(Math.max(s.lastDay, fromDay - 1))}`;
    if (span < MIN_HISTORY_DAYS) {
      problems.push({ where: `history, queue "${s.queue}"`, message: `covers ${span} day(s) (${range}); at least ${MIN_HISTORY_DAYS} days (one full week) are needed, ${Math.max(...MODELS.map((m) => m.minHistoryDays))} for every model, and more for a backtest` });
    }
    if (fromDay <= s.lastDay) {
      problems.push({ where: 'from', message: `the forecast starts on ${o.from} but the history of queue "${s.queue}" runs to ${dateOfDay(s.lastDay)}; start on ${dateOfDay(s.lastDay + 1)} or later, or cut the history before ${o.from}` });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems[0].message, problems);
  for (const s of series) assertAggregatable(s, o.intervalMinutes);

  const results = series.map((s) => forecastQueue(s, o, clock));
  const report: ForecastReport = { zone: o.zone, intervalMinutes: o.intervalMinutes, from: o.from, days: o.days, queues: results.map((r) => r.report) };
  const points = results.flatMap((r) => r.points);
  if (!o.allModels) return { points, report };
  const byModel: Record<string, ForecastPoint[]> = {};
  for (const r of results) for (const [name, pts] of Object.entries(r.byModel ?? {})) (byModel[name] ??= []).push(...pts);
  return { points, report, byModel };
}
