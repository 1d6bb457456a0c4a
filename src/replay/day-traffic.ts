/**
 * The actual traffic of one queue and day as stored in the traffic table (history import or actuals sent
 * through the day), row by row: each row keeps its own length, so 5-minute actuals place calls within 5
 * minutes and not merely within the center's 30-minute interval. Rows are read by elapsed time from the day's
 * start (DST days have 23 or 25 hours).
 */
import type { Queryable } from '../db/db.ts';

export interface TrafficSpanRow {
  /** Seconds from the day's start. */
  startSeconds: number;
  seconds: number;
  offered: number;
  abandoned: number | null;
  handled: number | null;
  ahtSeconds: number | null;
}

export async function dayTraffic(db: Queryable, centerId: string, queue: string, dayStartMs: number, dayEndMs: number): Promise<TrafficSpanRow[]> {
  const r = await db.query<{ interval_start: Date; interval_minutes: number; offered: number; handled: number | null; abandoned: number | null; aht_seconds: number | null }>(
    `SELECT interval_start, interval_minutes, offered, handled, abandoned, aht_seconds FROM traffic
      WHERE center_id = $1 AND queue_id = $2 AND interval_start >= $3 AND interval_start < $4 ORDER BY interval_start`,
    [centerId, queue, new Date(dayStartMs), new Date(dayEndMs)],
  );
  return r.rows.map((row) => {
    const startSeconds = (new Date(row.interval_start).getTime() - dayStartMs) / 1000;
    return {
      startSeconds,
      // A row never reaches past the day's end.
      seconds: Math.min(row.interval_minutes * 60, (dayEndMs - dayStartMs) / 1000 - startSeconds),
      offered: row.offered, abandoned: row.abandoned, handled: row.handled, ahtSeconds: row.aht_seconds,
    };
  });
}
