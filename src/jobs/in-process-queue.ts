/**
 * The in-process runner, used when no Redis is configured: jobs run in this process, a few at a time. On start
 * it picks up jobs a previous process left queued or running (a crash or restart), so none is lost.
 */
import type { Db } from '../db/db.ts';
import { log } from '../log.ts';
import { executeJob } from './execute.ts';
import { getJob, insertJob, listJobs, requestCancel } from './job-store.ts';
import type { EnqueueOptions, JobQueue, JobRecord } from './types.ts';
import { waitForJob } from './wait.ts';

export interface InProcessOptions {
  concurrency?: number;
  maxAttempts?: number;
  /** Resume jobs left queued/running by an earlier process (default true). */
  resume?: boolean;
}


export async function createInProcessQueue(db: Db, options: InProcessOptions = {}): Promise<JobQueue> {
  const concurrency = options.concurrency ?? 1;
  const maxAttempts = options.maxAttempts ?? 3;
  const waiting: string[] = [];
  const running = new Map<string, AbortController>();
  const done = new Set<Promise<void>>();
  let closed = false;

  const pump = () => {
    while (!closed && running.size < concurrency && waiting.length > 0) {
      const id = waiting.shift()!;
      const controller = new AbortController();
      running.set(id, controller);
      const run = async () => {
        try {
          for (;;) {
            const before = await getJob(db, id);
            const lastAttempt = (before?.attempts ?? 0) + 1 >= maxAttempts;
            const outcome = await executeJob(db, id, { lastAttempt, maxAttempts, signal: controller.signal });
            if (outcome !== 'retry' || closed) break;
          }
        } catch (e) {
          log.error('in-process job runner error', { jobId: id, error: (e as Error).message });
        } finally {
          running.delete(id);
          setImmediate(pump);
        }
      };
      const task = run().finally(() => done.delete(task));
      done.add(task);
    }
  };

  if (options.resume !== false) {
    const left = await listJobs(db, { statuses: ['queued', 'running'], limit: 1000 });
    for (const job of left.reverse()) waiting.push(job.id);
    if (left.length > 0) log.info('resuming jobs left by an earlier process', { count: left.length });
    setImmediate(pump);
  }

  return {
    kind: 'in-process',
    async enqueue(kind: string, params: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<JobRecord> {
      const job = await insertJob(db, kind, params, opts);
      waiting.push(job.id);
      setImmediate(pump);
      return job;
    },
    get: (id) => getJob(db, id),
    async cancel(id: string) {
      const job = await requestCancel(db, id);
      running.get(id)?.abort();
      const i = waiting.indexOf(id);
      if (i >= 0) waiting.splice(i, 1);
      return job;
    },
    waitFor: (id, timeoutMs) => waitForJob(db, id, timeoutMs),
    /** Stops taking work and waits a little for running jobs; any still running resume on the next start. */
    async close(graceMs = 5000) {
      closed = true;
      await Promise.race([Promise.allSettled([...done]), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
