/** Forecast snapshots: parameters, the report (backtest table, chosen model) and the points, never changed. */
import { applyOverrides, type AdjustedPoint, type ForecastOverride } from '../../domain/forecast-override.ts';
import { DateTime } from 'luxon';
import type { ForecastPoint } from '../../formats/forecast-csv.ts';
import { isoWithOffset } from '../../time/local-day.ts';
import type { Queryable } from '../db.ts';

export interface ForecastMeta {
  id: number;
  centerId: string;
  jobId: string | null;
  params: Record<string, unknown>;
  report: Record<string, unknown>;
  createdBy: number | null;
  createdAt: string;
}

type Row = { id: number; center_id: string; job_id: string | null; params: Record<string, unknown>; report: Record<string, unknown>; created_by: number | null; created_at: Date };
const toMeta = (r: Row): ForecastMeta => ({
  id: r.id, centerId: r.center_id, jobId: r.job_id, params: r.params, report: r.report, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(),
});

/** Stores a forecast once per job: a retried job finds the one already stored. */
export async function saveForecast(
  tx: Queryable,
  f: { centerId: string; jobId: string | null; params: unknown; report: unknown; points: readonly ForecastPoint[]; createdBy: number | null },
): Promise<ForecastMeta> {
  if (f.jobId) {
    const existing = await tx.query<Row>('SELECT * FROM forecasts WHERE job_id = $1', [f.jobId]);
    if (existing.rows[0]) return toMeta(existing.rows[0]);
  }
  const r = await tx.query<Row>(
    'INSERT INTO forecasts (center_id, job_id, params, report, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [f.centerId, f.jobId, JSON.stringify(f.params), JSON.stringify(f.report), f.createdBy],
  );
  const id = r.rows[0].id;
  const pts = f.points;
  for (let i = 0; i < pts.length; i += 10_000) {
    const c = pts.slice(i, i + 10_000);
    await tx.query(
      `INSERT INTO forecast_points (forecast_id, queue_id, interval_start, offered, aht_seconds, lower, upper, model)
       SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::real[], $5::real[], $6::real[], $7::real[], $8::text[])`,
      [id, c.map((p) => p.queue), c.map((p) => p.intervalStart), c.map((p) => p.offered), c.map((p) => p.ahtSeconds), c.map((p) => p.lower), c.map((p) => p.upper), c.map((p) => p.model)],
    );
  }
  return toMeta(r.rows[0]);
}

export async function getForecastMeta(db: Queryable, id: number): Promise<ForecastMeta | null> {
  const r = await db.query<Row>('SELECT * FROM forecasts WHERE id = $1', [id]);
  return r.rows[0] ? toMeta(r.rows[0]) : null;
}

export async function listForecasts(db: Queryable, centerId: string, limit = 50): Promise<ForecastMeta[]> {
  const r = await db.query<Row>('SELECT * FROM forecasts WHERE center_id = $1 ORDER BY id DESC LIMIT $2', [centerId, limit]);
  return r.rows.map(toMeta);
}

/**
 * A forecast's points, with the analysts' overrides applied (src/domain/forecast-override.ts) unless `raw`:
 * requirements, the intraday view and the replay all follow an override.
 */
export async function getForecastPoints(db: Queryable, id: number, zone: string, q: { queue?: string; from?: string; to?: string; raw?: boolean } = {}): Promise<AdjustedPoint[]> {
  const r = await db.query<{ queue_id: string; interval_start: Date; offered: number; aht_seconds: number; lower: number; upper: number; model: string }>(
    `SELECT queue_id, interval_start, offered, aht_seconds, lower, upper, model FROM forecast_points
      WHERE forecast_id = $1 AND ($2::text IS NULL OR queue_id = $2)
        AND ($3::timestamptz IS NULL OR interval_start >= $3) AND ($4::timestamptz IS NULL OR interval_start < $4)
      ORDER BY queue_id, interval_start`,
    [id, q.queue ?? null, q.from ?? null, q.to ?? null],
  );
  const points = r.rows.map((p) => ({
    queue: p.queue_id, intervalStart: isoWithOffset(DateTime.fromJSDate(new Date(p.interval_start), { zone })), offered: p.offered,
    ahtSeconds: p.aht_seconds, lower: p.lower, upper: p.upper, model: p.model,
  }));
  if (q.raw) return points;
  const overrides = await activeOverrides(db, id);
  return overrides.length > 0 ? applyOverrides(points, overrides) : points;
}

/** The overrides of a forecast still in force, in the order they were made. */
export async function activeOverrides(db: Queryable, forecastId: number): Promise<ForecastOverride[]> {
  const r = await db.query<{ id: number; queue_id: string; from_at: Date; to_at: Date; percent: number | null; total: number | null }>(
    'SELECT id, queue_id, from_at, to_at, percent, total FROM forecast_overrides WHERE forecast_id = $1 AND revoked_at IS NULL ORDER BY id', [forecastId]);
  return r.rows.map((o) => ({
    id: Number(o.id), queue: o.queue_id, fromMs: new Date(o.from_at).getTime(), toMs: new Date(o.to_at).getTime(),
    percent: o.percent === null ? null : Number(o.percent), total: o.total === null ? null : Number(o.total),
  }));
}

/** The newest forecast of a center whose points cover an instant range (for requirements and intraday). */
export async function latestForecastCovering(db: Queryable, centerId: string, from: string, to: string): Promise<ForecastMeta | null> {
  const r = await db.query<Row>(
    `SELECT f.* FROM forecasts f WHERE f.center_id = $1
        AND EXISTS (SELECT 1 FROM forecast_points p WHERE p.forecast_id = f.id AND p.interval_start >= $2 AND p.interval_start < $3)
      ORDER BY f.id DESC LIMIT 1`,
    [centerId, from, to],
  );
  return r.rows[0] ? toMeta(r.rows[0]) : null;
}
