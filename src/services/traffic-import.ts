/**
 * Traffic import: a CSV or JSON rows into a center, all or nothing (one transaction), upserting intervals that
 * exist (re-import never duplicates). Streams the CSV in batches, so a 50 MB file never sits in memory whole.
 */
import { Readable } from 'node:stream';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { upsertTraffic } from '../db/repos/traffic.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { readTrafficCsv, type TrafficRow } from '../formats/traffic-csv.ts';

export interface ImportResult {
  center: string;
  rows: number;
  inserted: number;
  updated: number;
  queues: string[];
  intervalMinutes: number;
  from: string | null;
  to: string | null;
  milliseconds: number;
}

export interface ImportOptions {
  source: string;
  /** Queue for rows without a queue column. */
  defaultQueue?: string;
  /** Interval length; inferred from the first rows' spacing when absent. */
  intervalMinutes?: number;
  userId?: number | null;
}

const ALLOWED_INTERVALS = [5, 10, 15, 30, 60];

/** The spacing of the first rows per queue: the smallest positive gap within a day. */
function inferInterval(rows: readonly TrafficRow[], source: string): number {
  const byQueue = new Map<string, number[]>();
  for (const r of rows) (byQueue.get(r.queue) ?? byQueue.set(r.queue, []).get(r.queue)!).push(r.startMs);
  let best = Infinity;
  for (const times of byQueue.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] - times[i - 1]) / 60_000;
      if (gap > 0 && gap < 24 * 60) best = Math.min(best, gap);
    }
  }
  if (!Number.isFinite(best)) return 30; // a single row per queue: assume the common half hour
  if (!ALLOWED_INTERVALS.includes(best)) {
    throw new ValidationError(`${source}: rows are ${best} minutes apart; the interval must be 5, 10, 15, 30 or 60 minutes`, [
      { where: `${source}:interval_start`, message: `spacing of ${best} minutes` },
    ]);
  }
  return best;
}

export async function importTraffic(db: Db, center: Center, input: Readable | TrafficRow[], options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  if (options.intervalMinutes !== undefined && !ALLOWED_INTERVALS.includes(options.intervalMinutes)) {
    throw new ValidationError(`the interval must be 5, 10, 15, 30 or 60 minutes, not ${options.intervalMinutes}`, [{ where: 'interval', message: `${options.intervalMinutes} minutes` }]);
  }
  const queues = new Set(center.queues.map((q) => q.id));
  const seenQueues = new Set<string>();
  let interval = options.intervalMinutes;
  const totals = { rows: 0, inserted: 0, updated: 0, from: Infinity, to: -Infinity };
  const batches: AsyncIterable<TrafficRow[]> | Iterable<TrafficRow[]> = Array.isArray(input)
    ? Array.from({ length: Math.ceil(input.length / 5000) }, (_, i) => input.slice(i * 5000, (i + 1) * 5000))
    : readTrafficCsv(input, { zone: center.timezone, source: options.source, defaultQueue: options.defaultQueue, queues });

  await db.transaction(async (tx) => {
    for await (const batch of batches) {
      const problems: ProblemItem[] = [];
      for (const r of batch) {
        if (!queues.has(r.queue)) problems.push({ where: `${options.source}:${r.line}:queue`, message: `unknown queue "${r.queue}" (center has ${[...queues].join(', ')})` });
      }
      interval ??= inferInterval(batch, options.source);
      for (const r of batch) {
        if (Math.round(r.startMs / 60_000) % interval !== 0) {
          problems.push({ where: `${options.source}:${r.line}:interval_start`, message: `${r.intervalStart} is not on a ${interval}-minute boundary (mixed interval lengths?)` });
        }
        if (problems.length >= 50) break;
      }
      if (problems.length > 0) throw new ValidationError(`${options.source}: ${problems.length} bad row(s); nothing was imported`, problems);
      const counts = await upsertTraffic(tx, center.id, batch, interval);
      totals.rows += batch.length;
      totals.inserted += counts.inserted;
      totals.updated += counts.updated;
      for (const r of batch) {
        seenQueues.add(r.queue);
        totals.from = Math.min(totals.from, r.startMs);
        totals.to = Math.max(totals.to, r.startMs);
      }
    }
    if (totals.rows === 0) throw new ValidationError(`${options.source}: no rows to import`, [{ where: options.source, message: 'no rows' }]);
    await audit(tx, {
      userId: options.userId ?? null, centerId: center.id, action: 'traffic.import', objectKind: 'traffic', objectId: center.id,
      detail: { source: options.source, rows: totals.rows, inserted: totals.inserted, updated: totals.updated },
    });
  });
  return {
    center: center.id,
    rows: totals.rows,
    inserted: totals.inserted,
    updated: totals.updated,
    queues: [...seenQueues].sort(),
    intervalMinutes: interval ?? 0,
    from: Number.isFinite(totals.from) ? new Date(totals.from).toISOString() : null,
    to: Number.isFinite(totals.to) ? new Date(totals.to).toISOString() : null,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** JSON rows (the API's alternative to CSV) as a stream of the same CSV reader, for identical validation. */
export function jsonRowsAsCsv(rows: Array<Record<string, unknown>>): Readable {
  const cols = ['queue', 'interval_start', 'offered', 'handled', 'abandoned', 'aht_seconds'];
  // A quote, comma or line break in a value would start another cell or row: each becomes a space.
  const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace(/[",\r\n]/g, ' '));
  const lines = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))];
  return Readable.from([lines.join('\n') + '\n']);
}
