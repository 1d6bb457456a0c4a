/**
 * Runs one attempt of a job, whichever runner picked it up: marks it running, gives the handler a context with
 * throttled progress and a cancellation signal (fed by the jobs table, so a cancel from any server reaches any
 * worker), and records the outcome exactly once.
 */
import type { Db } from '../db/db.ts';
import { log } from '../log.ts';
import { cancelRequested, finishJob, markRunning, recordProgress, requeueJob } from './job-store.ts';
import { jobHandler } from './registry.ts';

export interface AttemptOptions {
  /** Is this the last attempt the runner will make? Failure is then final. */
  lastAttempt: boolean;
  /** How often to look for a cancel request, ms. */
  cancelPollMs?: number;
  /** Minimum ms between progress writes. */
  progressEveryMs?: number;
  /** An outside signal (the in-process runner cancels directly). */
  signal?: AbortSignal;
}

export type AttemptOutcome = 'completed' | 'failed' | 'cancelled' | 'retry' | 'skipped';

export async function executeJob(db: Db, jobId: string, options: AttemptOptions): Promise<AttemptOutcome> {
  const job = await markRunning(db, jobId);
  if (!job) return 'skipped';
  const handler = jobHandler(job.kind);
  if (!handler) {
    await finishJob(db, jobId, 'failed', null, `no handler for job kind "${job.kind}" in this process`);
    return 'failed';
  }
  const controller = new AbortController();
  const onOutside = () => controller.abort();
  options.signal?.addEventListener('abort', onOutside);
  const poll = setInterval(() => {
    cancelRequested(db, jobId).then((yes) => yes && controller.abort()).catch(() => undefined);
  }, options.cancelPollMs ?? 500);
  poll.unref?.();

  const every = options.progressEveryMs ?? 250;
  let lastWrite = 0;
  let pending: { fraction: number; detail?: Record<string, unknown> } | null = null;
  const flush = async () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    lastWrite = Date.now();
    if (await recordProgress(db, jobId, p.fraction, p.detail)) controller.abort();
  };
  const progress = async (fraction: number, detail?: Record<string, unknown>) => {
    pending = { fraction, detail: detail ?? pending?.detail };
    if (Date.now() - lastWrite >= every) await flush();
  };

  try {
    const result = await handler({
      jobId, kind: job.kind, params: job.params, centerId: job.centerId, createdBy: job.createdBy, attempt: job.attempts,
      db, signal: controller.signal, progress,
    });
    await flush();
    const status = controller.signal.aborted ? 'cancelled' : 'completed';
    await finishJob(db, jobId, status, result ?? null, null);
    return status;
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    if (controller.signal.aborted) {
      await finishJob(db, jobId, 'cancelled', null, null);
      return 'cancelled';
    }
    log.warn('job attempt failed', { jobId, kind: job.kind, attempt: job.attempts, error: message });
    if (options.lastAttempt) {
      await finishJob(db, jobId, 'failed', null, message);
      return 'failed';
    }
    await requeueJob(db, jobId, message);
    return 'retry';
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onOutside);
  }
}
