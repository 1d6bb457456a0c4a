/**
 * Runs one attempt of a job, whichever runner picked it up: marks it running (the attempt number in its
 * progress detail), gives the handler a context with throttled progress, a checkpoint for its best result so
 * far and a cancellation signal (fed by the jobs table, so a cancel from any server reaches any worker), beats
 * a heartbeat while it runs (a row whose heartbeat stops has no live worker: src/jobs/reconcile.ts), and
 * records the outcome exactly once. One log line per event: taken, progress milestones, retried, failed,
 * cancelled, completed — each with the job id.
 */
import { hostname } from 'node:os';
import type { Db } from '../db/db.ts';
import { log } from '../log.ts';
import { cancelRequested, finishJob, getJob, heartbeat, loadCheckpoint, markRunning, recordProgress, requeueJob, saveCheckpoint, settleJob } from './job-store.ts';
import { jobHandler } from './registry.ts';

export interface AttemptOptions {
  /** Is this the last attempt the runner will make? Failure is then final. */
  lastAttempt: boolean;
  /** Attempts the runner makes at most (shown with the progress). */
  maxAttempts?: number;
  /** How often to look for a cancel request, ms. */
  cancelPollMs?: number;
  /** Minimum ms between progress writes. */
  progressEveryMs?: number;
  /** An outside signal (the in-process runner cancels directly). */
  signal?: AbortSignal;
  /** Who runs the attempt (host:pid), shown with the progress. */
  worker?: string;
}

/** This process, as the job's progress names it. */
export const thisWorker = () => `${hostname()}:${process.pid}`;

export type AttemptOutcome = 'completed' | 'failed' | 'cancelled' | 'retry' | 'skipped';

/** A running attempt's heartbeat period; the reconciler takes a row silent for HEARTBEAT_STALE_MS as orphaned. */
export const HEARTBEAT_MS = 2_000;
export const HEARTBEAT_STALE_MS = 15_000;
/** Progress milestones logged (fractions). */
const MILESTONES = [0.25, 0.5, 0.75];

export async function executeJob(db: Db, jobId: string, options: AttemptOptions): Promise<AttemptOutcome> {
  const job = await markRunning(db, jobId, options.maxAttempts, options.worker ?? thisWorker());
  if (!job) {
    // Final already, or cancelled while no worker had it: a cancel request is settled here.
    const row = await getJob(db, jobId);
    if (row && row.cancelRequested && (row.status === 'queued' || row.status === 'running')) {
      await settleJob(db, jobId, 'cancelled', null);
      log.info('job cancelled before its attempt began', { jobId, kind: row.kind });
    }
    return 'skipped';
  }
  log.info('job taken', { jobId, kind: job.kind, attempt: job.attempts, of: options.maxAttempts, resumed: job.attempts > 1 });
  const handler = jobHandler(job.kind);
  if (!handler) {
    await finishJob(db, jobId, 'failed', null, `no handler for job kind "${job.kind}" in this process`);
    log.warn('job failed', { jobId, kind: job.kind, error: 'no handler' });
    return 'failed';
  }
  const controller = new AbortController();
  const onOutside = () => controller.abort();
  options.signal?.addEventListener('abort', onOutside);
  const poll = setInterval(() => {
    cancelRequested(db, jobId).then((yes) => yes && controller.abort()).catch(() => undefined);
  }, options.cancelPollMs ?? 500);
  poll.unref?.();
  const attempt = job.attempts;
  const beat = setInterval(() => void heartbeat(db, jobId, attempt).catch(() => undefined), HEARTBEAT_MS);
  beat.unref?.();

  const every = options.progressEveryMs ?? 250;
  let lastWrite = 0;
  let milestone = 0;
  let pending: { fraction: number; detail?: Record<string, unknown> } | null = null;
  const flush = async () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    lastWrite = Date.now();
    if (await recordProgress(db, jobId, p.fraction, p.detail, attempt)) controller.abort();
  };
  const progress = async (fraction: number, detail?: Record<string, unknown>) => {
    pending = { fraction, detail: detail ?? pending?.detail };
    while (milestone < MILESTONES.length && fraction >= MILESTONES[milestone]) log.info('job progress', { jobId, kind: job.kind, progress: MILESTONES[milestone++] });
    if (Date.now() - lastWrite >= every) await flush();
  };

  try {
    const result = await handler({
      jobId, kind: job.kind, params: job.params, centerId: job.centerId, createdBy: job.createdBy, attempt: job.attempts,
      db, signal: controller.signal, progress,
      checkpoint: (value) => saveCheckpoint(db, jobId, value, attempt),
      resumeFrom: <T>() => loadCheckpoint<T>(db, jobId),
    });
    await flush();
    const status = controller.signal.aborted ? 'cancelled' : 'completed';
    if (!(await finishJob(db, jobId, status, result ?? null, null, attempt))) return superseded(jobId, job.kind, attempt);
    log.info(`job ${status}`, { jobId, kind: job.kind, attempt: job.attempts });
    return status;
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    if (controller.signal.aborted) {
      if (!(await finishJob(db, jobId, 'cancelled', null, null, attempt))) return superseded(jobId, job.kind, attempt);
      log.info('job cancelled', { jobId, kind: job.kind, attempt: job.attempts });
      return 'cancelled';
    }
    if (options.lastAttempt) {
      if (!(await finishJob(db, jobId, 'failed', null, message, attempt))) return superseded(jobId, job.kind, attempt);
      log.warn('job failed', { jobId, kind: job.kind, attempt: job.attempts, error: message });
      return 'failed';
    }
    await requeueJob(db, jobId, message, attempt);
    log.warn('job attempt failed; retried', { jobId, kind: job.kind, attempt: job.attempts, error: message });
    return 'retry';
  } finally {
    clearInterval(poll);
    clearInterval(beat);
    options.signal?.removeEventListener('abort', onOutside);
  }
}

/** An attempt that outlived its lock: a newer attempt (or a cancel) owns the job; this one's outcome is dropped. */
function superseded(jobId: string, kind: string, attempt: number): AttemptOutcome {
  log.warn('job attempt superseded: a newer attempt or a cancel owns the job; this outcome is dropped', { jobId, kind, attempt });
  return 'skipped';
}
