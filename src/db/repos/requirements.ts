/** Requirement sets (from a forecast or an upload) and the newest requirement per queue and interval. */
import { DateTime } from 'luxon';
import type { RequirementPoint } from '../../formats/requirements-csv.ts';
import { isoWithOffset } from '../../time/local-day.ts';
import type { Queryable } from '../db.ts';

export interface RequirementSetMeta {
  id: number;
  centerId: string;
  forecastId: number | null;
  source: 'forecast' | 'upload';
  from: string;
  to: string;
  createdAt: string;
}

type Row = { id: number; center_id: string; forecast_id: number | null; source: 'forecast' | 'upload'; range_from: Date; range_to: Date; created_at: Date };
const toMeta = (r: Row): RequirementSetMeta => ({
  id: r.id, centerId: r.center_id, forecastId: r.forecast_id, source: r.source,
  from: new Date(r.range_from).toISOString(), to: new Date(r.range_to).toISOString(), createdAt: new Date(r.created_at).toISOString(),
});

export async function saveRequirementSet(
  tx: Queryable,
  s: { centerId: string; forecastId: number | null; source: 'forecast' | 'upload'; points: readonly RequirementPoint[]; intervalMinutes: number; createdBy: number | null; jobId?: string | null },
): Promise<RequirementSetMeta> {
  const times = s.points.map((p) => Date.parse(p.interval_start));
  const r = await tx.query<Row>(
    `INSERT INTO requirement_sets (center_id, forecast_id, source, range_from, range_to, created_by, job_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [s.centerId, s.forecastId, s.source, new Date(Math.min(...times)), new Date(Math.max(...times) + s.intervalMinutes * 60_000), s.createdBy, s.jobId ?? null],
  );
  const id = r.rows[0].id;
  for (let i = 0; i < s.points.length; i += 10_000) {
    const c = s.points.slice(i, i + 10_000);
    await tx.query(
      `INSERT INTO requirement_points (set_id, queue_id, interval_start, required) SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::real[])`,
      [id, c.map((p) => p.queue), c.map((p) => p.interval_start), c.map((p) => p.required)],
    );
  }
  return toMeta(r.rows[0]);
}

export async function listRequirementSets(db: Queryable, centerId: string): Promise<RequirementSetMeta[]> {
  const r = await db.query<Row>('SELECT id, center_id, forecast_id, source, range_from, range_to, created_at FROM requirement_sets WHERE center_id = $1 ORDER BY id DESC LIMIT 50', [centerId]);
  return r.rows.map(toMeta);
}

/** For each queue and interval in [from, to), the requirement of the newest set that has it. */
export async function currentRequirements(db: Queryable, centerId: string, zone: string, from: Date | string, to: Date | string, queues?: string[]): Promise<RequirementPoint[]> {
  const r = await db.query<{ queue_id: string; interval_start: Date; required: number }>(
    `SELECT DISTINCT ON (p.queue_id, p.interval_start) p.queue_id, p.interval_start, p.required
       FROM requirement_points p JOIN requirement_sets s ON s.id = p.set_id
      WHERE s.center_id = $1 AND p.interval_start >= $2 AND p.interval_start < $3 AND ($4::text[] IS NULL OR p.queue_id = ANY($4::text[]))
      ORDER BY p.queue_id, p.interval_start, s.id DESC`,
    [centerId, from, to, queues ?? null],
  );
  return r.rows.map((p) => ({ queue: p.queue_id, interval_start: isoWithOffset(DateTime.fromJSDate(new Date(p.interval_start), { zone })), required: p.required }));
}
