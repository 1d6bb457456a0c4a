/** Traffic rows (history and actuals): batch upsert and range queries. */
import type { TrafficRow } from '../../formats/traffic-csv.ts';
import { isoWithOffset } from '../../time/local-day.ts';
import { DateTime } from 'luxon';
import type { Queryable } from '../db.ts';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** Inserts or updates one batch; returns how many rows were new and how many replaced earlier values. */
export async function upsertTraffic(tx: Queryable, centerId: string, rows: readonly TrafficRow[], intervalMinutes: number): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const r = await tx.query<{ inserted: boolean }>(
    `INSERT INTO traffic (center_id, queue_id, interval_start, interval_minutes, offered, handled, abandoned, aht_seconds, updated_at)
     SELECT $1, u.q, u.ts, $2, u.o, u.h, u.a, u.aht, now()
       FROM unnest($3::text[], $4::timestamptz[], $5::int[], $6::int[], $7::int[], $8::real[]) AS u(q, ts, o, h, a, aht)
     ON CONFLICT (center_id, queue_id, interval_start) DO UPDATE SET
       interval_minutes = EXCLUDED.interval_minutes, offered = EXCLUDED.offered, handled = EXCLUDED.handled,
       abandoned = EXCLUDED.abandoned, aht_seconds = EXCLUDED.aht_seconds, updated_at = now()
     RETURNING (xmax = 0) AS inserted`,
    [
      centerId,
      intervalMinutes,
      rows.map((r) => r.queue),
      rows.map((r) => r.intervalStart),
      rows.map((r) => r.offered),
      rows.map((r) => r.handled ?? null),
      rows.map((r) => r.abandoned ?? null),
      rows.map((r) => r.ahtSeconds ?? null),
    ],
  );
  const inserted = r.rows.filter((x) => x.inserted).length;
  return { inserted, updated: r.rows.length - inserted };
}

export interface TrafficQuery {
  queues?: string[];
  /** Inclusive start, ISO or Date. */
  from?: string | Date;
  /** Exclusive end. */
  to?: string | Date;
}

type Row = { queue_id: string; interval_start: Date; offered: number; handled: number | null; abandoned: number | null; aht_seconds: number | null };

/** Traffic rows in time order, with timestamps rendered in the center's zone. */
export async function queryTraffic(db: Queryable, centerId: string, zone: string, q: TrafficQuery = {}): Promise<TrafficRow[]> {
  const r = await db.query<Row>(
    `SELECT queue_id, interval_start, offered, handled, abandoned, aht_seconds FROM traffic
      WHERE center_id = $1 AND ($2::text[] IS NULL OR queue_id = ANY($2::text[]))
        AND ($3::timestamptz IS NULL OR interval_start >= $3) AND ($4::timestamptz IS NULL OR interval_start < $4)
      ORDER BY queue_id, interval_start`,
    [centerId, q.queues ?? null, q.from ?? null, q.to ?? null],
  );
  return r.rows.map((row, i) => {
    const ms = new Date(row.interval_start).getTime();
    const out: TrafficRow = {
      queue: row.queue_id,
      intervalStart: isoWithOffset(DateTime.fromMillis(ms, { zone })),
      startMs: ms,
      offered: row.offered,
      line: i + 1,
    };
    if (row.handled !== null) out.handled = row.handled;
    if (row.abandoned !== null) out.abandoned = row.abandoned;
    if (row.aht_seconds !== null) out.ahtSeconds = row.aht_seconds;
    return out;
  });
}

export interface TrafficSummary {
  queue: string;
  rows: number;
  from: string | null;
  to: string | null;
  offered: number;
}

export async function summarizeTraffic(db: Queryable, centerId: string): Promise<TrafficSummary[]> {
  const r = await db.query<{ queue_id: string; n: number; first: Date | null; last: Date | null; offered: number }>(
    `SELECT queue_id, count(*)::int AS n, min(interval_start) AS first, max(interval_start) AS last, sum(offered)::bigint AS offered
       FROM traffic WHERE center_id = $1 GROUP BY queue_id ORDER BY queue_id`,
    [centerId],
  );
  return r.rows.map((x) => ({
    queue: x.queue_id, rows: x.n, offered: Number(x.offered),
    from: x.first ? new Date(x.first).toISOString() : null, to: x.last ? new Date(x.last).toISOString() : null,
  }));
}
