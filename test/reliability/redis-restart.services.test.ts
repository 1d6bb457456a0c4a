/**
 * Redis restarted with jobs in line (it keeps nothing on disk here, the worst case): while it is down a request
 * that needs the queue answers 503 problem+json and leaves no row behind; once it is back, the jobs that were
 * queued are put back in line from Postgres and every one runs exactly once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqQueue, startBullmqWorker, type RunningWorker } from '../../src/jobs/bullmq-queue.ts';
import { hasPostgres, postgresTarget, redisUrl } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import '../jobs/fixtures/test-handlers.ts';
import { privateRedis, type PrivateRedis } from './fixtures/private-redis.ts';

const jobRows = async (app: TestApp) => Number((await app.db.query<{ n: string }>('SELECT count(*) AS n FROM jobs')).rows[0].n);

if (redisUrl && hasPostgres) {
  describe('Redis restarted with jobs queued (Postgres + a Redis of its own)', () => {
    let redis: PrivateRedis;
    let app: TestApp;
    let worker: RunningWorker | null = null;
    const queueName = `restart-${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      redis = await privateRedis();
      app = await startTestApp({ target: postgresTarget, jobs: (db) => createBullmqQueue(db, redis.url, { queueName, reconcileEveryMs: 300 }) });
    });
    afterAll(async () => {
      await worker?.close();
      await app.close();
      await redis.stop();
    });

    it('answers 503 while down with nothing written, and drains every queued job once after', async () => {
      const queued = await Promise.all([1, 2, 3].map((value) => app.jobs.enqueue('test.double', { value })));
      await redis.stop();

      const before = await jobRows(app);
      const refused = await app.call('POST', '/api/centers/test/forecasts', 'deputy', { from: '2026-12-01', days: 7, model: 'seasonal-naive' });
      expect(refused.status).toBe(503);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.detail).toMatch(/job queue \(Redis\) is unavailable/);
      expect(await jobRows(app)).toBe(before);

      await redis.start();
      worker = await startBullmqWorker(app.db, redis.url, { queueName });
      for (const job of queued) {
        const done = await app.jobs.waitFor(job.id);
        expect(done).toMatchObject({ status: 'completed', attempts: 1 });
        expect(done.result).toEqual({ value: 2 * Number(job.params.value) });
      }
      const accepted = await app.call('POST', '/api/centers/test/forecasts', 'deputy', { from: '2026-12-01', days: 7, model: 'seasonal-naive' });
      expect(accepted.status).toBe(202);
      expect(['completed', 'failed']).toContain((await app.jobs.waitFor(accepted.body.jobId)).status);
    });
  });
} else {
  console.warn('[reliability] TEST_DATABASE_URL and TEST_REDIS_URL are needed for the Redis-restart test (CI sets them)');
}
