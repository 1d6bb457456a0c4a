import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqQueue, startBullmqWorker, type RunningWorker } from '../../src/jobs/bullmq-queue.ts';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.ts';
import { insertJob, markRunning, getJob } from '../../src/jobs/job-store.ts';
import type { JobQueue } from '../../src/jobs/types.ts';
import type { Db } from '../../src/db/db.ts';
import { pgliteTarget, postgresTarget, hasPostgres, redisUrl } from '../helpers/databases.ts';
import './fixtures/test-handlers.ts';

/** Polls until the condition holds (the test's own timeout is the only limit). */
const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
};

interface Runner {
  name: string;
  start(db: Db): Promise<{ queue: JobQueue; stop(): Promise<void> }>;
}

const runners: Runner[] = [
  {
    name: 'in-process',
    async start(db) {
      const queue = await createInProcessQueue(db, { concurrency: 2 });
      return { queue, stop: () => queue.close(100) };
    },
  },
];
if (redisUrl) {
  const url = redisUrl;
  runners.push({
    name: 'bullmq',
    async start(db) {
      const queueName = `test-${randomBytes(4).toString('hex')}`;
      const queue = await createBullmqQueue(db, url, { queueName });
      const worker = await startBullmqWorker(db, url, { queueName, concurrency: 2, lockDurationMs: 2000, stalledIntervalMs: 500 });
      return { queue, async stop() { await worker.close(); await queue.close(); } };
    },
  });
} else {
  console.warn('[jobs] TEST_REDIS_URL is not set: the BullMQ half of the job suite is not run (CI runs it)');
}

for (const runner of runners) {
  describe(`jobs on the ${runner.name} runner`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let queue: JobQueue;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await pgliteTarget.open());
      ({ queue, stop } = await runner.start(db));
    });
    afterAll(async () => {
      await stop();
      await drop();
    });

    it('runs a job to its result, with progress stored', async () => {
      const job = await queue.enqueue('test.double', { value: 21 });
      expect(job.status).toBe('queued');
      const done = await queue.waitFor(job.id);
      expect(done).toMatchObject({ status: 'completed', result: { value: 42 }, progress: 1, attempts: 1 });
      // The attempt, the most attempts it can have (BullMQ adds the worker deaths it survives), who ran it.
      expect(done.progressDetail).toEqual({ step: 4, attempt: 1, of: runner.name === 'bullmq' ? 8 : 3, worker: `${hostname()}:${process.pid}` });
    });

    it('shows progress and best-so-far while running, and cancel keeps the best', async () => {
      const job = await queue.enqueue('test.improve', { ticks: 100000, tickMs: 10 });
      await until(async () => ((await queue.get(job.id))?.progressDetail.best as number) < 990);
      const cancelled = await queue.cancel(job.id);
      expect(cancelled?.cancelRequested).toBe(true);
      const done = await queue.waitFor(job.id);
      expect(done.status).toBe('cancelled');
      expect((done.result as { best: number }).best).toBeLessThan(990);
    });

    it('retries a failed attempt', async () => {
      const job = await queue.enqueue('test.flaky', {});
      const done = await queue.waitFor(job.id);
      expect(done).toMatchObject({ status: 'completed', result: { attempt: 2 }, attempts: 2 });
    });

    it('fails a job of an unknown kind with a reason', async () => {
      const job = await queue.enqueue('test.nobody-handles-this', {});
      const done = await queue.waitFor(job.id);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/no handler for job kind/);
    });
  });
}

describe('a crashed in-process runner', () => {
  it('leaves its running job to the next process, which retries it', async () => {
    const { db, drop } = await pgliteTarget.open();
    const job = await insertJob(db, 'test.double', { value: 5 });
    await markRunning(db, job.id); // the process that took it died here
    const queue = await createInProcessQueue(db);
    const done = await queue.waitFor(job.id);
    expect(done).toMatchObject({ status: 'completed', result: { value: 10 }, attempts: 2 });
    await queue.close(100);
    await drop();
  });
});

if (redisUrl && hasPostgres) {
  const redis = redisUrl;
  describe('a crashed BullMQ worker process', () => {
    it('has its job retried by another worker', async () => {
      const { db, url, drop } = await postgresTarget.open();
      const queueName = `crash-${randomBytes(4).toString('hex')}`;
      const queue = await createBullmqQueue(db, redis, { queueName });
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/fixtures/worker-child.ts'], {
        env: { ...process.env, CHILD_DATABASE_URL: url, CHILD_REDIS_URL: redis, CHILD_QUEUE: queueName, SHIFTCAST_LOG: 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('ready') && resolve()));
      let other: RunningWorker | null = null;
      try {
        const job = await queue.enqueue('test.improve', { ticks: 150, tickMs: 20 });
        await until(async () => (await getJob(db, job.id))?.status === 'running');
        child.kill('SIGKILL');
        other = await startBullmqWorker(db, redis, { queueName, lockDurationMs: 1500, stalledIntervalMs: 500 });
        const done = await queue.waitFor(job.id);
        expect(done.status).toBe('completed');
        expect(done.attempts).toBe(2);
        expect(done.result).toEqual({ best: 850 });
      } finally {
        child.kill('SIGKILL');
        await other?.close();
        await queue.close();
        await drop();
      }
    });
  });
} else {
  console.warn('[jobs] TEST_REDIS_URL and TEST_DATABASE_URL are both needed for the worker-crash test (CI sets them)');
}
