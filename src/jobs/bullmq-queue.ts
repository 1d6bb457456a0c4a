/**
 * The BullMQ runner (REDIS_URL): the server enqueues, `shiftcast worker` processes on any number of machines.
 * Redis carries only the job id; parameters, progress, checkpoints and results live in Postgres. A worker that
 * dies leaves its job's lock to expire (LOCK_MS, renewed every half of it while the job runs — the work itself
 * runs in worker threads, so renewal never waits); BullMQ's stalled-job check (every STALLED_CHECK_MS) puts the
 * job back and another worker resumes it from its checkpoint: back at work within about ten seconds. What
 * BullMQ cannot see — Redis restarted and lost its line, a job stalled for good, a cancel of a job whose worker
 * died — the reconciler (reconcile.ts) settles.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Db } from '../db/db.ts';
import { UnavailableError } from '../errors.ts';
import { log } from '../log.ts';
import { executeJob } from './execute.ts';
import { getJob, insertJob, requestCancel, settleJob } from './job-store.ts';
import { readableFailure, reconcileJobs, workerHolds } from './reconcile.ts';
import type { EnqueueOptions, JobQueue, JobRecord } from './types.ts';
import { waitForJob } from './wait.ts';

export const DEFAULT_QUEUE_NAME = 'shiftcast-jobs';
/** The queue servers and workers share; SHIFTCAST_QUEUE keeps several installations apart on one Redis. */
const queueName = (name?: string) => name ?? (process.env.SHIFTCAST_QUEUE || DEFAULT_QUEUE_NAME);
const LOCK_MS = 6_000;
const STALLED_CHECK_MS = 3_000;
/** A job whose worker dies this many times is failed (each stall is a worker lost, not an error of the job). */
const MAX_STALLS = 5;
const RECONCILE_EVERY_MS = 5_000;

const jobOptions = (jobId: string, attempts: number) => ({
  jobId, attempts, backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 },
});

export interface BullmqOptions {
  queueName?: string;
  /** Attempts that may end in an error (a worker's death is counted apart, up to MAX_STALLS). */
  attempts?: number;
  reconcileEveryMs?: number;
}

/** The most attempts a job can be given: its error attempts plus the worker deaths it may survive. */
const maxStarts = (attempts: number) => attempts + MAX_STALLS;

export function redisConnection(url: string, forWorker: boolean): ConnectionOptions {
  // Workers block on Redis and must retry forever; the API side fails fast so a request answers 503.
  return forWorker
    ? { url, maxRetriesPerRequest: null }
    : { url, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
}

export async function createBullmqQueue(db: Db, redisUrl: string, options: BullmqOptions = {}): Promise<JobQueue> {
  const queue = new Queue(queueName(options.queueName), { connection: redisConnection(redisUrl, false) });
  queue.on('error', (err) => log.warn('redis queue error', { error: err.message }));
  await queue.waitUntilReady();
  const attempts = options.attempts ?? 3;
  const add = async (jobId: string, kind: string) => {
    await queue.add(kind, { jobId }, jobOptions(jobId, attempts));
  };
  const reconcile = () => {
    reconcileJobs(db, queue, { attempts: maxStarts(attempts), add }).catch((e) => log.debug('reconcile skipped', { error: (e as Error).message }));
  };
  // At start (a restart finds what the last run left) and then periodically.
  reconcile();
  const reconciler = setInterval(reconcile, options.reconcileEveryMs ?? RECONCILE_EVERY_MS);
  reconciler.unref();
  return {
    kind: 'bullmq',
    async enqueue(kind: string, params: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<JobRecord> {
      const job = await insertJob(db, kind, params, opts);
      try {
        await add(job.id, kind);
      } catch (e) {
        // Nothing half-made: the row goes with the refusal.
        await db.query('DELETE FROM jobs WHERE id = $1 AND status = $2', [job.id, 'queued']);
        throw new UnavailableError(`the job queue (Redis) is unavailable: ${(e as Error).message}`);
      }
      log.info('job queued', { jobId: job.id, kind });
      return job;
    },
    get: (id) => getJob(db, id),
    async cancel(id: string) {
      let record = await requestCancel(db, id);
      try {
        const job = await queue.getJob(id);
        const state = job ? await job.getState() : 'missing';
        // A waiting job leaves the line now; a job no worker holds (its worker died: no lock) is settled now; an
        // active one stops at its next check and keeps its best result.
        if (state !== 'active' || !(await workerHolds(queue, id))) {
          await job?.remove().catch(() => undefined);
          if (record && (record.status === 'running' || record.status === 'queued') && (await settleJob(db, id, 'cancelled', null))) record = await getJob(db, id);
        }
      } catch {
        /* Redis down: the cancel flag reaches the worker, or the reconciler settles it */
      }
      return record;
    },
    waitFor: (id, timeoutMs) => waitForJob(db, id, timeoutMs),
    async close() {
      clearInterval(reconciler);
      await queue.close();
    },
  };
}

export interface WorkerOptions {
  queueName?: string;
  concurrency?: number;
  /** How long a job's lock lasts without renewal; a dead worker's job is retried after about this long. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Worker deaths a job survives before it is failed (default MAX_STALLS). */
  maxStalledCount?: number;
}

export interface RunningWorker {
  close(): Promise<void>;
}

export async function startBullmqWorker(db: Db, redisUrl: string, options: WorkerOptions = {}): Promise<RunningWorker> {
  const worker = new Worker(
    queueName(options.queueName),
    async (job) => {
      const jobId = (job.data as { jobId: string }).jobId;
      const attempts = job.opts.attempts ?? 1;
      const lastAttempt = job.attemptsMade + 1 >= attempts;
      const outcome = await executeJob(db, jobId, { lastAttempt, maxAttempts: maxStarts(attempts) });
      if (outcome === 'retry') throw new Error(`job ${jobId} attempt failed; BullMQ retries it`);
      return outcome;
    },
    {
      connection: redisConnection(redisUrl, true),
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDurationMs ?? LOCK_MS,
      stalledInterval: options.stalledIntervalMs ?? STALLED_CHECK_MS,
      maxStalledCount: options.maxStalledCount ?? MAX_STALLS,
    },
  );
  worker.on('error', (err) => log.warn('worker error', { error: err.message }));
  worker.on('stalled', (jobId) => log.warn('job stalled: its worker stopped answering; put back in line', { jobId }));
  worker.on('failed', (job, err) => {
    // Failed for good (its last attempt threw, or it stalled too often): make the failure durable.
    if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/.test(err.message))) {
      const jobId = (job.data as { jobId: string }).jobId;
      getJob(db, jobId)
        .then((row) => settleJob(db, jobId, 'failed', readableFailure(err.message, row?.attempts ?? job.attemptsMade)))
        .then((settled) => settled && log.warn('job failed', { jobId, error: err.message }))
        .catch(() => undefined);
    }
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
    },
  };
}
