/**
 * A job queue that stores jobs and never runs them: the authorization matrix may enqueue a roster solve or a
 * rule-prices job (a 202 is what those routes declare), and must not make the machine solve one. Jobs stay
 * "queued" in the jobs table, where cancel finds them like the real runners do.
 */
import type { Db } from '../../src/db/db.ts';
import { getJob, insertJob, requestCancel } from '../../src/jobs/job-store.ts';
import type { JobQueue } from '../../src/jobs/types.ts';
import { waitForJob } from '../../src/jobs/wait.ts';

export function heldJobQueue(db: Db): JobQueue {
  return {
    kind: 'in-process',
    enqueue: (kind, params, options) => insertJob(db, kind, params, options),
    get: (id) => getJob(db, id),
    cancel: (id) => requestCancel(db, id),
    waitFor: (id, timeoutMs) => waitForJob(db, id, timeoutMs),
    async close() {},
  };
}
