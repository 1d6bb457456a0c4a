/** Chooses the job runner: BullMQ when REDIS_URL is set, in-process otherwise. */
import type { Db } from '../db/db.ts';
import { createBullmqQueue } from './bullmq-queue.ts';
import { createInProcessQueue } from './in-process-queue.ts';
import type { JobQueue } from './types.ts';

export async function openJobQueue(db: Db, redisUrl = process.env.REDIS_URL): Promise<JobQueue> {
  return redisUrl ? createBullmqQueue(db, redisUrl) : createInProcessQueue(db, { concurrency: 2 });
}
