/**
 * The jobs table: the durable state of every job. Final writes are guarded by status, so a job's result is
 * written exactly once even if a stalled job was picked up by a second worker.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import type { EnqueueOptions, JobRecord, JobStatus } from './types.ts';

type Row = {
  id: string; center_id: string | null; kind: string; status: JobStatus; params: Record<string, unknown>; progress: number;
  progress_detail: Record<string, unknown>; result: unknown; error: string | null; attempts: number; cancel_requested: boolean;
  created_by: number | null; created_at: Date; started_at: Date | null; finished_at: Date | null;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toRecord(r: Row): JobRecord {
  return {
    id: r.id, centerId: r.center_id, kind: r.kind, status: r.status, params: r.params, progress: r.progress,
    progressDetail: r.progress_detail, result: r.result, error: r.error, attempts: r.attempts, cancelRequested: r.cancel_requested,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, startedAt: iso(r.started_at), finishedAt: iso(r.finished_at),
  };
}

export async function insertJob(db: Queryable, kind: string, params: Record<string, unknown>, options: EnqueueOptions = {}): Promise<JobRecord> {
  const r = await db.query<Row>(
    `INSERT INTO jobs (id, center_id, kind, params, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [randomUUID(), options.centerId ?? null, kind, JSON.stringify(params), options.createdBy ?? null],
  );
  return toRecord(r.rows[0]);
}

export async function getJob(db: Queryable, id: string): Promise<JobRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await db.query<Row>('SELECT * FROM jobs WHERE id = $1', [id]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

export async function listJobs(db: Queryable, filter: { centerId?: string; kind?: string; statuses?: JobStatus[]; limit?: number }): Promise<JobRecord[]> {
  const r = await db.query<Row>(
    `SELECT * FROM jobs WHERE ($1::text IS NULL OR center_id = $1) AND ($2::text IS NULL OR kind = $2)
       AND ($3::text[] IS NULL OR status = ANY($3::text[])) ORDER BY created_at DESC LIMIT $4`,
    [filter.centerId ?? null, filter.kind ?? null, filter.statuses ?? null, filter.limit ?? 50],
  );
  return r.rows.map(toRecord);
}

/**
 * Marks a job running for a new attempt; returns null when it is already final (or cancelled). The progress is
 * kept (a resumed attempt goes on from it, the bar never goes back); the detail says which attempt this is.
 */
export async function markRunning(db: Queryable, id: string, maxAttempts?: number, worker?: string): Promise<JobRecord | null> {
  const r = await db.query<Row>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now(), error = NULL,
        progress_detail = jsonb_build_object('attempt', attempts + 1) || CASE WHEN $2::int IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('of', GREATEST($2::int, attempts + 1)) END
          || CASE WHEN $3::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('worker', $3::text) END
          || CASE WHEN attempts > 0 THEN jsonb_build_object('resumed', checkpoint IS NOT NULL, 'previousError', error) ELSE '{}'::jsonb END
      WHERE id = $1 AND status IN ('queued', 'running') AND NOT cancel_requested RETURNING *`,
    [id, maxAttempts ?? null, worker ?? null],
  );
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

/**
 * Writes of a running attempt carry its number as a fence: an attempt taken for dead (its lock lapsed while it
 * still ran) and superseded by a newer one can no longer write progress, checkpoints or the outcome.
 */
const fence = (attempt: number | undefined, n: number) => (attempt === undefined ? '' : ` AND attempts = $${n}`);
const fenced = (params: unknown[], attempt: number | undefined) => (attempt === undefined ? params : [...params, attempt]);

/** A running attempt is alive: its heartbeat. */
export async function heartbeat(db: Queryable, id: string, attempt?: number): Promise<void> {
  await db.query(`UPDATE jobs SET heartbeat_at = now() WHERE id = $1 AND status = 'running'${fence(attempt, 2)}`, fenced([id], attempt));
}

/** Keeps a job's best result so far (a roster solve's best roster), for a retried attempt to resume from. */
export async function saveCheckpoint(db: Queryable, id: string, checkpoint: unknown, attempt?: number): Promise<void> {
  await db.query(`UPDATE jobs SET checkpoint = $2, heartbeat_at = now() WHERE id = $1 AND status = 'running'${fence(attempt, 3)}`, fenced([id, JSON.stringify(checkpoint)], attempt));
}

export async function loadCheckpoint<T>(db: Queryable, id: string): Promise<T | null> {
  const r = await db.query<{ checkpoint: T | null }>('SELECT checkpoint FROM jobs WHERE id = $1', [id]);
  return r.rows[0]?.checkpoint ?? null;
}

/** Records progress; returns whether cancellation was requested. */
export async function recordProgress(db: Queryable, id: string, fraction: number, detail?: Record<string, unknown>, attempt?: number): Promise<boolean> {
  // Never backwards: a resumed attempt's own fraction may start below where the last one stopped.
  const r = await db.query<{ cancel_requested: boolean }>(
    `UPDATE jobs SET progress = GREATEST(progress, $2), heartbeat_at = now(),
        progress_detail = CASE WHEN $3::jsonb IS NULL THEN progress_detail
          ELSE $3::jsonb || jsonb_strip_nulls(jsonb_build_object('attempt', progress_detail->'attempt', 'of', progress_detail->'of', 'resumed', progress_detail->'resumed', 'worker', progress_detail->'worker')) END
      WHERE id = $1 AND status = 'running'${fence(attempt, 4)} RETURNING cancel_requested`,
    fenced([id, Math.max(0, Math.min(1, fraction)), detail ? JSON.stringify(detail) : null], attempt),
  );
  return r.rows[0]?.cancel_requested ?? false;
}

export async function cancelRequested(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query<{ cancel_requested: boolean }>('SELECT cancel_requested FROM jobs WHERE id = $1', [id]);
  return r.rows[0]?.cancel_requested ?? false;
}

/** Final write of a finished attempt; only a running job can finish (exactly-once result). */
export async function finishJob(db: Queryable, id: string, status: 'completed' | 'failed' | 'cancelled', result: unknown, error: string | null, attempt?: number): Promise<boolean> {
  const r = await db.query(
    `UPDATE jobs SET status = $2, result = $3, error = $4, finished_at = now(), progress = CASE WHEN $2 = 'completed' THEN 1 ELSE progress END
      WHERE id = $1 AND status = 'running'${fence(attempt, 5)}`,
    fenced([id, status, result === undefined ? null : JSON.stringify(result), error], attempt),
  );
  return r.rowCount === 1;
}

/** An attempt failed but the job will be retried. */
export async function requeueJob(db: Queryable, id: string, error: string, attempt?: number): Promise<void> {
  await db.query(`UPDATE jobs SET status = 'queued', error = $2 WHERE id = $1 AND status = 'running'${fence(attempt, 3)}`, fenced([id, error], attempt));
}

/** Finishes a job whose attempt is gone (reconciler, or a cancel of a job with no live worker). */
export async function settleJob(db: Queryable, id: string, status: 'failed' | 'cancelled', error: string | null): Promise<boolean> {
  const r = await db.query(
    `UPDATE jobs SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, status, error],
  );
  return r.rowCount === 1;
}

/** Flags cancellation; a job still queued is cancelled at once. Returns the record after the change. */
export async function requestCancel(db: Queryable, id: string): Promise<JobRecord | null> {
  await db.query(
    `UPDATE jobs SET cancel_requested = true,
       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
       finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [id],
  );
  return getJob(db, id);
}
