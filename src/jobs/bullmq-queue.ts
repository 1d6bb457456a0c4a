/**
 * The BullMQ runner (REDIS_URL): the server enqueues, `shiftcast worker` processes on any number of machines.
 * Redis carries only the job id; parameters, progress and results live in Postgres. A worker that dies leaves
 * its job's lock to expire; BullMQ's stalled-job check puts the job back and another worker retries it.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Db } from '../db/db.ts';
import { UnavailableError } from '../errors.ts';
import { log } from '../log.ts';
import { executeJob } from './execute.ts';
import { finishJob, getJob, insertJob, requestCancel } from './job-store.ts';
import type { EnqueueOptions, JobQueue, JobRecord } from './types.ts';
import { waitForJob } from './wait.ts';

export const DEFAULT_QUEUE_NAME = 'shiftcast-jobs';

export interface BullmqOptions {
  queueName?: string;
  attempts?: number;
}

export function redisConnection(url: string, forWorker: boolean): ConnectionOptions {
  // Workers block on Redis and must retry forever; the API side fails fast so a request answers 503.
  return forWorker
    ? { url, maxRetriesPerRequest: null }
    : { url, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
}

export async function createBullmqQueue(db: Db, redisUrl: string, options: BullmqOptions = {}): Promise<JobQueue> {
  const queue = new Queue(options.queueName ?? DEFAULT_QUEUE_NAME, { connection: redisConnection(redisUrl, false) });
  queue.on('error', (err) => log.warn('redis queue error', { error: err.message }));
  await queue.waitUntilReady();
  const attempts = options.attempts ?? 3;
  return {
    kind: 'bullmq',
    async enqueue(kind: string, params: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<JobRecord> {
      const job = await insertJob(db, kind, params, opts);
      try {
        await queue.add(kind, { jobId: job.id }, {
          jobId: job.id, attempts, backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 },
        });
      } catch (e) {
        await db.query(`UPDATE jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [job.id, 'queue unavailable']);
        throw new UnavailableError(`the job queue (Redis) is unavailable: ${(e as Error).message}`);
      }
      return job;
    },
    get: (id) => getJob(db, id),
    async cancel(id: string) {
      const record = await requestCancel(db, id);
      try {
        await queue.remove(id); // a waiting job leaves the queue now; a locked one stops at its next check
      } catch {
        /* locked by a worker: the cancel flag reaches it */
      }
      return record;
    },
    waitFor: (id, timeoutMs) => waitForJob(db, id, timeoutMs),
    async close() {
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
}

export interface RunningWorker {
  close(): Promise<void>;
}

export async function startBullmqWorker(db: Db, redisUrl: string, options: WorkerOptions = {}): Promise<RunningWorker> {
  const worker = new Worker(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      const jobId = (job.data as { jobId: string }).jobId;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await executeJob(db, jobId, { lastAttempt });
      if (outcome === 'retry') throw new Error(`job ${jobId} attempt failed; BullMQ retries it`);
      return outcome;
    },
    {
      connection: redisConnection(redisUrl, true),
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      maxStalledCount: 2,
    },
  );
  worker.on('error', (err) => log.warn('worker error', { error: err.message }));
  worker.on('failed', (job, err) => {
    // Stalled too often (the worker kept dying): make the failure durable.
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      finishJob(db, (job.data as { jobId: string }).jobId, 'failed', null, err.message).catch(() => undefined);
    }
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
    },
  };
}
