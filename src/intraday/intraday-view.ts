/**
 * Today's picture for one queue: per interval the forecast, the actual calls so far, the reforecast of the rest
 * of the day, agents required (plan and reforecast, src/staffing), agents scheduled by the published roster,
 * and the gap in agents; plus the callout windows where the gap reaches a threshold (O1, R3), and the windows
 * with agents to spare for voluntary time off (surplus-windows.ts).
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { ValidationError } from '../errors.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import { computeRequirements } from '../staffing/index.ts';
import { addDays, dayIntervals, isoWithOffset } from '../time/local-day.ts';
import { readActuals } from './actuals.ts';
import { scheduledAgents, timed } from './coverage.ts';
import { getForecastPoints, latestForecastCovering } from '../db/repos/forecasts.ts';
import { currentRequirements } from '../db/repos/requirements.ts';
import { gapWindows, type GapWindow } from './gap-windows.ts';
import { publishedAssignments, type StoredAssignment } from './published-assignments.ts';
import { reforecastDay, type ReforecastOptions, type ReforecastResult } from './reforecast.ts';
import { surplusWindows, type SurplusOptions, type SurplusWindow } from './surplus-windows.ts';

export type IntervalStatus = 'past' | 'in-progress' | 'remaining';

export interface IntradayInterval {
  interval_start: string;
  /** Calls forecast (the stored forecast snapshot). */
  forecast: number;
  /** Calls reported so far (null = nothing reported). */
  actual: number | null;
  actualMinutes: number;
  /** Calls: the actual where observed, the reforecast elsewhere. */
  reforecast: number;
  /** AHT behind reforecastRequired: the reported one where the interval has it, else the forecast's. */
  ahtSeconds: number | null;
  /** Agents required by the plan's forecast. */
  required: number;
  /** Agents required by the reforecast (the actual traffic where observed). */
  reforecastRequired: number;
  /** Agents on the phones per the published roster (breaks removed). */
  scheduled: number;
  /** reforecastRequired − scheduled: agents short (> 0) or over (< 0). */
  gap: number;
  status: IntervalStatus;
}

export interface QueueDay {
  queue: string;
  kind: 'inbound' | 'outbound';
  intervals: IntradayInterval[];
  reforecast: Pick<ReforecastResult, 'ratio' | 'method' | 'options'>;
  totals: { forecast: number; actualSoFar: number; reforecast: number };
  proposals: GapWindow[];
  /** Windows not yet started where the reforecast needs fewer agents than scheduled (VTO offers). */
  surplus: SurplusWindow[];
}

export interface IntradayView {
  center: string;
  date: string;
  intervalMinutes: number;
  asOf: string;
  rosterId: number | null;
  /** The stored forecast snapshot used (the newest covering the day). */
  forecastId: number | null;
  queues: QueueDay[];
}

export interface IntradayOptions {
  date: string;
  queues?: string[];
  /** The moment the view is for (default now): intervals before it are past, the rest remaining. */
  asOf?: string | Date;
  /** Gap (agents) from which a window is proposed for a callout; default 1. */
  threshold?: number;
  reforecast?: ReforecastOptions;
  /** Surplus from which, and minutes for which, a window is proposed for VTO (defaults 1 agent, 60 minutes). */
  surplus?: SurplusOptions;
  /** Assignments to use instead of the published roster's (floating re-placement previews). */
  assignments?: StoredAssignment[];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Requirements per interval for a series of calls (zeros where no forecast exists). */
function requiredFor(center: Center, queue: string, starts: string[], calls: number[], aht: number[], has: boolean[]): number[] {
  const points: ForecastPoint[] = [];
  const index: number[] = [];
  starts.forEach((s, i) => {
    if (!has[i]) return;
    points.push({ queue, intervalStart: s, offered: calls[i], ahtSeconds: aht[i], lower: calls[i], upper: calls[i], model: 'reforecast' });
    index.push(i);
  });
  const out = starts.map(() => 0);
  if (points.length === 0) return out;
  const req = computeRequirements(points, center);
  req.points.forEach((p, k) => (out[index[k]] = p.required));
  return out;
}

export async function intradayView(db: Queryable, center: Center, options: IntradayOptions): Promise<IntradayView> {
  const queueIds = options.queues ?? center.queues.map((q) => q.id);
  for (const q of queueIds) {
    if (!center.queues.some((x) => x.id === q)) {
      throw new ValidationError(`unknown queue "${q}" (center has ${center.queues.map((x) => x.id).join(', ')})`, [{ where: 'query.queue', message: 'unknown queue' }]);
    }
  }
  const zone = center.timezone;
  const step = center.intervalMinutes * 60_000;
  const intervals = dayIntervals(options.date, zone, center.intervalMinutes);
  const starts = intervals.map((i) => i.startMs);
  const dayStartMs = starts[0];
  const dayEndMs = starts[starts.length - 1] + step;
  const asOfMs = Math.min(dayEndMs, Math.max(dayStartMs, options.asOf ? new Date(options.asOf).getTime() : Date.now()));
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));

  const dayFrom = new Date(dayStartMs).toISOString();
  const dayTo = new Date(dayEndMs).toISOString();
  const snapshot = await latestForecastCovering(db, center.id, dayFrom, dayTo);
  const forecast = snapshot ? await getForecastPoints(db, snapshot.id, zone, { from: dayFrom, to: dayTo }) : [];
  const planned = await currentRequirements(db, center.id, zone, dayFrom, dayTo, queueIds);
  let rosterId: number | null = null;
  let assignments = options.assignments;
  if (!assignments) {
    const plan = await publishedAssignments(db, center, addDays(options.date, -1), options.date);
    assignments = plan.assignments;
    rosterId = plan.rosters.get(options.date.slice(0, 7))?.id ?? null;
  }
  const timedAll = assignments.map(timed);

  const queues: QueueDay[] = [];
  for (const queueId of queueIds) {
    const queue = center.queues.find((q) => q.id === queueId)!;
    const fc = starts.map(() => 0);
    const aht = starts.map(() => (queue.kind === 'inbound' ? queue.ahtSeconds : Number.NaN));
    const has = starts.map(() => false);
    for (const p of forecast) {
      if (p.queue !== queueId) continue;
      const i = Math.floor((Date.parse(p.intervalStart) - dayStartMs) / step);
      if (i < 0 || i >= starts.length) continue;
      fc[i] = p.offered;
      if (Number.isFinite(p.ahtSeconds) && p.ahtSeconds > 0) aht[i] = p.ahtSeconds;
      has[i] = true;
    }
    const actual = await readActuals(db, center.id, queueId, starts, center.intervalMinutes);
    const rf = reforecastDay(
      { forecast: fc, actual: actual.map((a) => a?.offered ?? null), reported: actual.map((a) => (a ? a.minutesReported / center.intervalMinutes : 0)) },
      options.reforecast,
    );
    const withActual = starts.map((_, i) => has[i] || actual[i] !== null);
    const isoStarts = intervals.map((i) => i.start);
    // The plan's requirement: the stored requirement set the roster was built from, else staffing on the forecast.
    const required = requiredFor(center, queueId, isoStarts, fc, aht, has);
    for (const p of planned) {
      if (p.queue !== queueId) continue;
      const i = Math.floor((Date.parse(p.interval_start) - dayStartMs) / step);
      if (i >= 0 && i < required.length) required[i] = p.required;
    }
    const usedAht = aht.map((x, i) => (actual[i]?.ahtSeconds && actual[i]!.minutesReported >= center.intervalMinutes ? actual[i]!.ahtSeconds! : x));
    const reforecastRequired = requiredFor(center, queueId, isoStarts, rf.values, usedAht, withActual);
    const scheduled = scheduledAgents(timedAll, queueId, starts, step);

    const rows: IntradayInterval[] = [];
    starts.forEach((ms, i) => {
      if (!withActual[i] && scheduled[i] === 0) return;
      const status: IntervalStatus = ms + step <= asOfMs ? 'past' : ms < asOfMs ? 'in-progress' : 'remaining';
      rows.push({
        interval_start: isoStarts[i], forecast: round(fc[i]), actual: actual[i]?.offered ?? null, actualMinutes: actual[i]?.minutesReported ?? 0,
        reforecast: round(rf.values[i]), ahtSeconds: Number.isFinite(usedAht[i]) ? round(usedAht[i], 1) : null, required: required[i], reforecastRequired: reforecastRequired[i], scheduled: round(scheduled[i], 3),
        gap: round(reforecastRequired[i] - scheduled[i]), status,
      });
    });
    const remaining = rows
      .map((r) => ({ start: r.interval_start, startMs: Date.parse(r.interval_start), gap: r.gap }))
      .filter((r) => r.startMs + step > asOfMs);
    queues.push({
      queue: queueId, kind: queue.kind, intervals: rows,
      reforecast: { ratio: rf.ratio, method: rf.method, options: rf.options },
      totals: {
        forecast: round(fc.reduce((s, x) => s + x, 0)),
        actualSoFar: actual.reduce((s, a) => s + (a?.offered ?? 0), 0),
        reforecast: round(rf.values.reduce((s, x) => s + x, 0)),
      },
      proposals: gapWindows(queueId, remaining, center.intervalMinutes, options.threshold ?? 1, render),
      surplus: surplusWindows(queueId, remaining, center.intervalMinutes, asOfMs, render, options.surplus),
    });
  }
  return {
    center: center.id, date: options.date, intervalMinutes: center.intervalMinutes, asOf: render(asOfMs), rosterId,
    forecastId: snapshot?.id ?? null, queues,
  };
}
