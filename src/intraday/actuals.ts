/**
 * Actual traffic as it happens: ingest (the traffic CSV of FORMATS.md or JSON, a batch or one interval; stored in
 * the same traffic table as history, upserted per interval so a resend is idempotent) and read back per center
 * interval. Actuals may arrive in finer rows than the center's interval (5-minute rows for a 30-minute center):
 * reading sums them per center interval and says how many minutes of the interval are reported, so a half-
 * reported interval is never mistaken for a quiet one.
 */
import type { Readable } from 'node:stream';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { ValidationError } from '../errors.ts';
import { readTrafficCsv, type TrafficRow } from '../formats/traffic-csv.ts';
import { importTraffic, jsonRowsAsCsv, type ImportResult } from '../services/traffic-import.ts';

export interface ActualInterval {
  offered: number;
  handled: number | null;
  abandoned: number | null;
  /** Handled-weighted AHT of the rows (null when none carries one). */
  ahtSeconds: number | null;
  /** Minutes of the center interval covered by reported rows (0…interval). */
  minutesReported: number;
}

export interface IngestOptions {
  /** Row length in minutes; default: inferred from the rows' spacing, or the center's interval for one row. */
  intervalMinutes?: number;
  defaultQueue?: string;
  userId?: number | null;
}

/** Parses CSV text/stream or JSON rows into traffic rows (same validation and error locations as the import). */
export async function parseActuals(center: Center, input: Readable | Array<Record<string, unknown>>, source: string, defaultQueue?: string): Promise<TrafficRow[]> {
  const stream = Array.isArray(input) ? jsonRowsAsCsv(input) : input;
  const rows: TrafficRow[] = [];
  for await (const batch of readTrafficCsv(stream, { zone: center.timezone, source, defaultQueue })) rows.push(...batch);
  return rows;
}

function rowsPerQueueAtMostOne(rows: readonly TrafficRow[]): boolean {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.queue)) return false;
    seen.add(r.queue);
  }
  return true;
}

/** Stores actual rows (all or nothing); a resent interval replaces its earlier values. */
export async function ingestActuals(db: Db, center: Center, rows: TrafficRow[], options: IngestOptions = {}): Promise<ImportResult> {
  if (rows.length === 0) throw new ValidationError('no actual traffic rows', [{ where: 'body', message: 'no rows' }]);
  const intervalMinutes = options.intervalMinutes ?? (rowsPerQueueAtMostOne(rows) ? center.intervalMinutes : undefined);
  return importTraffic(db, center, rows, { source: 'actuals', intervalMinutes, userId: options.userId ?? null, defaultQueue: options.defaultQueue });
}

/**
 * Actuals of one queue summed per center interval. `intervalStarts` are the center intervals (epoch ms, in
 * order, as dayIntervals gives them); rows are placed by elapsed time from the first interval, so DST days and
 * zones with odd offsets bucket correctly.
 */
export async function readActuals(
  db: Queryable, centerId: string, queue: string, intervalStarts: readonly number[], intervalMinutes: number,
): Promise<Array<ActualInterval | null>> {
  const out: Array<ActualInterval | null> = intervalStarts.map(() => null);
  if (intervalStarts.length === 0) return out;
  const step = intervalMinutes * 60_000;
  const first = intervalStarts[0];
  const end = intervalStarts[intervalStarts.length - 1] + step;
  const r = await db.query<{ interval_start: Date; interval_minutes: number; offered: number; handled: number | null; abandoned: number | null; aht_seconds: number | null }>(
    `SELECT interval_start, interval_minutes, offered, handled, abandoned, aht_seconds FROM traffic
      WHERE center_id = $1 AND queue_id = $2 AND interval_start >= $3 AND interval_start < $4 ORDER BY interval_start`,
    [centerId, queue, new Date(first), new Date(end)],
  );
  const index = new Map(intervalStarts.map((ms, i) => [ms, i]));
  const ahtWork = intervalStarts.map(() => ({ seconds: 0, calls: 0 }));
  for (const row of r.rows) {
    const ms = new Date(row.interval_start).getTime();
    const slot = first + Math.floor((ms - first) / step) * step;
    const i = index.get(slot);
    if (i === undefined) continue;
    const cur = (out[i] ??= { offered: 0, handled: null, abandoned: null, ahtSeconds: null, minutesReported: 0 });
    cur.offered += row.offered;
    if (row.handled !== null) cur.handled = (cur.handled ?? 0) + row.handled;
    if (row.abandoned !== null) cur.abandoned = (cur.abandoned ?? 0) + row.abandoned;
    cur.minutesReported = Math.min(intervalMinutes, cur.minutesReported + Math.min(row.interval_minutes, intervalMinutes));
    if (row.aht_seconds !== null) {
      const calls = row.handled ?? row.offered;
      ahtWork[i].seconds += row.aht_seconds * calls;
      ahtWork[i].calls += calls;
    }
  }
  out.forEach((cur, i) => {
    if (cur && ahtWork[i].calls > 0) cur.ahtSeconds = ahtWork[i].seconds / ahtWork[i].calls;
  });
  return out;
}

/** JSON body of POST /actuals: { rows: [...] } or one interval's row. */
export function actualsJsonRows(body: unknown): Array<Record<string, unknown>> {
  if (body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)) return (body as { rows: Array<Record<string, unknown>> }).rows;
  if (body && typeof body === 'object' && 'interval_start' in body) return [body as Record<string, unknown>];
  throw new ValidationError('send { "rows": [ … ] } or one interval { "queue", "interval_start", "offered", … }', [{ where: 'body', message: 'no rows' }]);
}
