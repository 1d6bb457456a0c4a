/**
 * Workers that die (SIGKILL, like an out-of-memory kill) on real Postgres and Redis: the job resumes from its
 * checkpoint on the next worker, its bar never goes back, and it always ends — completed, failed with a reason,
 * or cancelled — never "running" with nobody at work. The worker runs in a child process (test/jobs/fixtures).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { createBullmqQueue } from '../../src/jobs/bullmq-queue.ts';
import { getJob, loadCheckpoint } from '../../src/jobs/job-store.ts';
import type { JobQueue } from '../../src/jobs/types.ts';
import { hasPostgres, postgresTarget, redisUrl } from '../helpers/databases.ts';
import '../jobs/fixtures/test-handlers.ts';
import { startChild, until, type Child } from './fixtures/child-process.ts';

const WORKER = 'test/jobs/fixtures/worker-child.ts';

if (redisUrl && hasPostgres) {
  const redis = redisUrl;
  describe('a worker killed in the middle of a job (Postgres + Redis)', () => {
    let db: Db;
    let url: string;
    let drop: () => Promise<void>;
    let queue: JobQueue;
    let queueName: string;
    const children: Child[] = [];
    const worker = (env: Record<string, string> = {}) => {
      const child = startChild(WORKER, { CHILD_DATABASE_URL: url, CHILD_REDIS_URL: redis, CHILD_QUEUE: queueName, ...env });
      children.push(child);
      return child;
    };
    const checkpointAt = (id: string, done: number) => until(async () => ((await loadCheckpoint<{ done: number }>(db, id))?.done ?? 0) >= done);

    beforeAll(async () => {
      const target = await postgresTarget.open();
      db = target.db;
      url = target.url!;
      drop = target.drop;
      queueName = `deaths-${randomBytes(4).toString('hex')}`;
      queue = await createBullmqQueue(db, redis, { queueName, reconcileEveryMs: 300 });
    });
    // Each test starts with no worker alive.
    afterEach(async () => {
      for (const c of children.splice(0)) await c.kill();
    });
    afterAll(async () => {
      await queue.close();
      await drop();
    });

    it('three times: each next worker resumes from the checkpoint, the bar never goes back, one result', async () => {
      const job = await queue.enqueue('test.resumable', { steps: 40, stepMs: 40 });
      const seen: number[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const row = await getJob(db, job.id);
          if (row?.status === 'running') seen.push(row.progress);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      for (const at of [5, 15, 25]) {
        const child = worker();
        await checkpointAt(job.id, at);
        await child.kill();
      }
      worker();
      const done = await queue.waitFor(job.id);
      watching = false;
      await watcher;
      expect(done.status).toBe('completed');
      expect(done.attempts).toBe(4);
      expect((done.result as { resumedFrom: number }).resumedFrom).toBeGreaterThanOrEqual(25);
      expect(done.progressDetail).toMatchObject({ attempt: 4, resumed: true });
      expect(seen.length).toBeGreaterThan(0);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    });

    it('a job whose workers keep dying past the allowance is failed with a reason a person can read', async () => {
      const job = await queue.enqueue('test.resumable', { steps: 400, stepMs: 40 });
      const first = worker({ CHILD_MAX_STALLS: '1' });
      await checkpointAt(job.id, 2);
      await first.kill();
      const second = worker({ CHILD_MAX_STALLS: '1' });
      await until(async () => (await getJob(db, job.id))?.attempts === 2);
      await checkpointAt(job.id, 4);
      await second.kill();
      worker({ CHILD_MAX_STALLS: '1' });
      const done = await queue.waitFor(job.id);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/stopped answering .*given up/);
    });

    it('a cancel of a job whose worker died settles it as cancelled, with no worker running', async () => {
      const job = await queue.enqueue('test.resumable', { steps: 400, stepMs: 40 });
      const child = worker();
      await checkpointAt(job.id, 2);
      await child.kill();
      await queue.cancel(job.id);
      const done = await queue.waitFor(job.id);
      expect(done.status).toBe('cancelled');
      expect(done.progress).toBeGreaterThan(0);
    });
  });
} else {
  console.warn('[reliability] TEST_DATABASE_URL and TEST_REDIS_URL are needed for the worker-death tests (CI sets them)');
}
