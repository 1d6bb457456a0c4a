/**
 * Settles job rows that no live worker will finish (BullMQ runner). Postgres holds the truth of every job;
 * Redis only its place in the line. Every few seconds, on every server and worker (each change is conditional
 * on the row's status, so many reconcilers agree):
 *  - a queued row that Redis no longer holds (Redis restarted: it keeps nothing on disk) is put back in line;
 *  - a row whose BullMQ job failed for good (thrown on its last attempt, or stalled too often — its worker
 *    kept dying) is failed with a reason a person can read;
 *  - a running row whose heartbeat stopped and that BullMQ no longer has active is put back in line while
 *    attempts remain, else failed; one BullMQ still has active without a lock (its worker died, no worker is
 *    up to notice) shows as queued until a worker takes it again;
 *  - a cancel requested for a row with no live attempt (no lock, or a silent heartbeat) is settled as cancelled.
 */
import type { Queue } from 'bullmq';
import type { Db } from '../db/db.ts';
import { log } from '../log.ts';
import { HEARTBEAT_STALE_MS } from './execute.ts';
import { settleJob } from './job-store.ts';

export interface ReconcileOptions {
  attempts: number;
  add(jobId: string, kind: string): Promise<void>;
}

type Row = { id: string; kind: string; status: 'queued' | 'running'; attempts: number; cancel_requested: boolean; stale: boolean; error: string | null };

/** BullMQ's reason, in words a user can act on. */
export const readableFailure = (reason: string | undefined, attempts: number) =>
  /stalled more than allowable limit/.test(reason ?? '')
    ? `the worker running it stopped answering ${attempts > 1 ? `on ${attempts} attempts` : ''} (killed or out of memory); given up`.replace('  ', ' ')
    : reason || 'failed';

/** Whether a live worker holds the job: BullMQ's lock key, renewed while the worker lives, gone soon after it dies. */
export async function workerHolds(queue: Queue, jobId: string): Promise<boolean> {
  return (await (await queue.getBackend().client).get(`${queue.toKey(jobId)}:lock`)) !== null;
}

export async function reconcileJobs(db: Db, queue: Queue, options: ReconcileOptions): Promise<number> {
  const r = await db.query<Row>(
    `SELECT id, kind, status, attempts, cancel_requested, error, (heartbeat_at IS NULL OR heartbeat_at < now() - ($1::int * interval '1 millisecond')) AS stale
       FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT 500`,
    [HEARTBEAT_STALE_MS],
  );
  let settled = 0;
  for (const row of r.rows) {
    const job = await queue.getJob(row.id);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') {
      if (await settleJob(db, row.id, 'failed', readableFailure(job?.failedReason, row.attempts))) {
        log.warn('job failed', { jobId: row.id, kind: row.kind, attempts: row.attempts, error: job?.failedReason, by: 'reconciler' });
        settled++;
      }
      continue;
    }
    const locked = state === 'active' && (await workerHolds(queue, row.id));
    const alive = locked && !(row.status === 'running' && row.stale);
    if (row.cancel_requested && !alive) {
      if (await settleJob(db, row.id, 'cancelled', null)) {
        await job?.remove().catch(() => undefined);
        log.info('job cancelled (no live attempt)', { jobId: row.id, kind: row.kind, by: 'reconciler' });
        settled++;
      }
      continue;
    }
    if (state === 'active' && !locked && row.status === 'running' && row.stale) {
      // Its worker died and no other worker is up to notice: the row says so until one takes it again.
      await db.query(`UPDATE jobs SET status = 'queued', error = $2 WHERE id = $1 AND status = 'running'`, [row.id, 'its worker stopped; waiting for a worker']);
      continue;
    }
    if (state !== 'missing' && !(state === 'completed' && row.status === 'running' && row.stale)) continue;
    // Redis lost it (or its worker completed nothing): back in line while attempts remain.
    if (row.status === 'running' && !row.stale) continue;
    if (row.attempts >= options.attempts) {
      if (await settleJob(db, row.id, 'failed', `the job was lost by the queue after ${row.attempts} attempt(s)${row.error ? `: ${row.error}` : ''}`)) settled++;
      continue;
    }
    await db.query(`UPDATE jobs SET status = 'queued' WHERE id = $1 AND status IN ('queued', 'running')`, [row.id]);
    await options.add(row.id, row.kind);
    log.warn('job put back in line', { jobId: row.id, kind: row.kind, attempts: row.attempts, by: 'reconciler', was: state });
  }
  return settled;
}
