/** Polls the jobs table until a job is final. */
import type { Db } from '../db/db.ts';
import { getJob } from './job-store.ts';
import { FINAL_STATUSES, type JobRecord } from './types.ts';

export async function waitForJob(db: Db, id: string, timeoutMs = 600_000, everyMs = 100): Promise<JobRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(db, id);
    if (!job) throw new Error(`job ${id} does not exist`);
    if (FINAL_STATUSES.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
