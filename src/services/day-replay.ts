/**
 * Replays a roster against a day of actual calls (src/replay): the published plan of the day or a given roster
 * version, the traffic stored for the day (history import or actuals sent through the day) and the newest
 * forecast covering it (what the staffing promised). Each inbound queue with calls or agents is replayed in a
 * worker thread, so a replay never holds the API's event loop.
 */
import type { Center, InboundQueue } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { getForecastPoints, latestForecastCovering } from '../db/repos/forecasts.ts';
import type { RosterMeta } from '../db/repos/rosters.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { runInThread } from '../jobs/thread-runner.ts';
import { dayTraffic } from '../replay/day-traffic.ts';
import { onPhoneWindows } from '../replay/on-phone-windows.ts';
import type { QueueReplay, QueueReplayInput } from '../replay/replay-queue-day.ts';
import { publishedSource, rosterVersionSource } from '../replay/roster-source.ts';
import { dayIntervals } from '../time/local-day.ts';

export interface ReplayOptions {
  date: string;
  /** A roster version; default the published plan of the day. */
  roster?: RosterMeta;
  queue?: string;
  runs: number;
  seed: number;
  /** Mean patience in seconds, overriding the queue's (0 or absent: the queue's; none = callers never hang up). */
  patienceSeconds?: number;
}

export interface DayReplay {
  center: string;
  date: string;
  rosterId: number;
  rosterVersion: number;
  rosterStatus: string;
  forecastId: number | null;
  queues: QueueReplay[];
}

export async function replayDay(db: Queryable, center: Center, options: ReplayOptions): Promise<DayReplay> {
  const inbound = center.queues.filter((q): q is InboundQueue => q.kind === 'inbound');
  if (options.queue && !inbound.some((q) => q.id === options.queue)) {
    throw new ValidationError(`no inbound queue "${options.queue}" in center ${center.id} (it has ${inbound.map((q) => q.id).join(', ')})`, [{ where: 'query.queue', message: 'unknown inbound queue' }]);
  }
  const source = options.roster
    ? await rosterVersionSource(db, center, options.roster, options.date)
    : await publishedSource(db, center, options.date);
  if (!source) throw new NotFoundError(`no roster is published for ${options.date}; pass roster= to replay a draft`);

  const intervals = dayIntervals(options.date, center.timezone, center.intervalMinutes);
  const step = center.intervalMinutes * 60;
  const dayStartMs = intervals[0].startMs;
  const dayEndMs = intervals[intervals.length - 1].startMs + step * 1000;
  const from = new Date(dayStartMs).toISOString();
  const to = new Date(dayEndMs).toISOString();
  const snapshot = await latestForecastCovering(db, center.id, from, to);
  const forecast = snapshot ? await getForecastPoints(db, snapshot.id, center.timezone, { from, to }) : [];

  const queues: QueueReplay[] = [];
  for (const queue of inbound.filter((q) => !options.queue || q.id === options.queue)) {
    const traffic = await dayTraffic(db, center.id, queue.id, dayStartMs, dayEndMs);
    const windows = onPhoneWindows(source.assignments, queue.id, dayStartMs).map((a) => a.windows);
    if (traffic.length === 0 && windows.length === 0) continue;
    const forecastCalls: Array<number | null> = intervals.map(() => null);
    const forecastAht = intervals.map(() => queue.ahtSeconds);
    for (const p of forecast) {
      if (p.queue !== queue.id) continue;
      const i = Math.floor((Date.parse(p.intervalStart) - dayStartMs) / 1000 / step);
      if (i < 0 || i >= intervals.length) continue;
      forecastCalls[i] = p.offered;
      if (Number.isFinite(p.ahtSeconds) && p.ahtSeconds > 0) forecastAht[i] = p.ahtSeconds;
    }
    // The actual calls' handle time: the reported AHT, call-weighted over the interval's rows, else the forecast's.
    const handled = intervals.map(() => ({ calls: 0, seconds: 0 }));
    for (const row of traffic) {
      const i = Math.floor(row.startSeconds / step);
      if (row.ahtSeconds && row.ahtSeconds > 0 && row.offered > 0 && i >= 0 && i < intervals.length) {
        handled[i].calls += row.offered;
        handled[i].seconds += row.offered * row.ahtSeconds;
      }
    }
    const patience = options.patienceSeconds ?? queue.patienceSeconds ?? Infinity;
    const input: QueueReplayInput = {
      queue: queue.id, intervalSeconds: step, intervalStarts: intervals.map((i) => i.start), agents: windows,
      counts: traffic.map((r) => ({ startSeconds: r.startSeconds, seconds: r.seconds, offered: r.offered })),
      ahtSeconds: handled.map((h, i) => (h.calls > 0 ? h.seconds / h.calls : forecastAht[i])),
      forecastCalls, forecastAhtSeconds: forecastAht, patienceSeconds: patience,
      answerWithinSeconds: queue.serviceLevel.seconds, serviceLevelTarget: queue.serviceLevel.target,
      runs: options.runs, seed: options.seed,
    };
    queues.push(await runInThread<QueueReplayInput, QueueReplay>({
      moduleUrl: new URL('../replay/replay-queue-day.ts', import.meta.url).href, exportName: 'replayQueueDay', input,
    }));
  }
  return {
    center: center.id, date: options.date, rosterId: source.rosterId, rosterVersion: source.rosterVersion,
    rosterStatus: source.rosterStatus, forecastId: snapshot?.id ?? null, queues,
  };
}
