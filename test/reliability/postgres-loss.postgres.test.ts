/**
 * Postgres connections cut in the middle of a write (the server restarted, a failover): the write is all or
 * nothing. The cut is placed deterministically: a lock held by the test makes the write wait half-way (after its
 * first rows), the waiting backend is terminated, the lock released.
 *  - a traffic import: answered 503 problem+json, no row of it kept; the same file sent again is taken whole;
 *  - a roster save at the end of a solve: the attempt fails, the job is retried (from its best roster so far)
 *    and ends with exactly one roster, whole.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '../../src/demo/bank-history.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import { hasPostgres, postgresTarget } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { until } from './fixtures/child-process.ts';

const count = async (app: TestApp, sql: string, params: unknown[] = []) => Number((await app.db.query<{ n: string }>(sql, params)).rows[0].n);

/** Holds `lockSql` in a transaction of its own until the backend running a statement like `waiting` waits on it. */
async function cutWhileWaiting(url: string, lockSql: string, waiting: string): Promise<void> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(lockSql);
    let pid: number | undefined;
    await until(async () => {
      await holder.query('SELECT pg_stat_clear_snapshot()'); // the activity view is otherwise frozen for the transaction
      const r = await holder.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, [waiting]);
      pid = r.rows[0]?.pid;
      return pid !== undefined;
    }, 10);
    await holder.query('SELECT pg_terminate_backend($1)', [pid]);
    await holder.query('ROLLBACK');
  } finally {
    await holder.end();
  }
}

if (hasPostgres) {
  describe('Postgres connections cut during writes', () => {
    let app: TestApp;
    let url: string;
    beforeAll(async () => {
      app = await startTestApp({ target: { name: 'postgres', open: async () => { const t = await postgresTarget.open(); url = t.url!; return t; } } });
    });
    afterAll(() => app.close());

    it('a traffic import cut half-way keeps nothing, answers 503, and is taken whole when sent again', async () => {
      const start = Date.parse('2026-09-01T00:00:00+08:00');
      const lines = Array.from({ length: 8000 }, (_, i) => `csr,${new Date(start + i * 1_800_000).toISOString()},${i % 40},180`);
      const csv = ['queue,interval_start,offered,aht_seconds', ...lines].join('\n') + '\n';
      // A row of the file's second batch exists already; the test locks it so the import waits there.
      expect((await app.call('POST', '/api/centers/test/traffic', 'analyst', `queue,interval_start,offered,aht_seconds\n${lines[6000].replace(/,\d+,180$/, ',999,180')}\n`)).status).toBe(201);
      const before = await count(app, 'SELECT count(*) AS n FROM traffic');
      const locked = new Date(start + 6000 * 1_800_000).toISOString();
      const sent = app.call('POST', '/api/centers/test/traffic', 'analyst', csv);
      await cutWhileWaiting(url, `SELECT 1 FROM traffic WHERE interval_start = '${locked}' FOR UPDATE`, 'INSERT INTO traffic%');
      const cut = await sent;
      expect(cut.status).toBe(503);
      expect(cut.type).toContain('application/problem+json');
      expect(await count(app, 'SELECT count(*) AS n FROM traffic')).toBe(before);
      expect(await count(app, 'SELECT offered AS n FROM traffic WHERE interval_start = $1', [locked])).toBe(999);

      const again = await app.call('POST', '/api/centers/test/traffic', 'analyst', csv);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ rows: 8000, inserted: 7999, updated: 1 });
    });

    it('a roster save cut half-way is retried and leaves exactly one whole roster', async () => {
      await app.db.query('DELETE FROM traffic'); // the first test's 30-minute rows would mix with 5-minute ones
      const rows = (await demoHistory(app.center.timezone, '2026-11-30')).filter((r) => r.startMs >= Date.parse('2026-10-05T00:00:00+08:00'));
      await importTraffic(app.db, app.center, rows.map((r) => ({ ...r, offered: Math.round(r.offered * 0.36) })), { source: 'demo', intervalMinutes: 5 });
      const f = await app.call('POST', '/api/centers/test/forecasts', 'deputy', { from: '2026-12-01', days: 31, model: 'whi-mean-4w', backtestWeeks: 0 });
      const forecast = await app.jobs.waitFor(f.body.jobId);
      await app.call('POST', '/api/centers/test/requirements', 'deputy', { forecastId: (forecast.result as { forecastId: number }).forecastId });

      const solve = await app.call('POST', '/api/centers/test/rosters', 'deputy', { month: '2026-12', timeLimitSeconds: 8 });
      expect(solve.status).toBe(202);
      // The save waits after its roster row and assignments, at the breaks: cut there.
      await cutWhileWaiting(url, 'LOCK TABLE roster_breaks IN SHARE MODE', 'INSERT INTO roster_breaks%');
      const done = await app.jobs.waitFor(solve.body.jobId);
      expect(done.status).toBe('completed');
      expect(done.attempts).toBe(2);
      expect(done.progressDetail).toMatchObject({ attempt: 2, resumed: true });
      expect(await count(app, 'SELECT count(*) AS n FROM rosters WHERE job_id = $1', [solve.body.jobId])).toBe(1);
      const rosterId = (done.result as { rosterId: number }).rosterId;
      expect(await count(app, 'SELECT count(*) AS n FROM rosters')).toBe(1);
      expect(await count(app, 'SELECT count(*) AS n FROM roster_assignments WHERE roster_id = $1', [rosterId])).toBeGreaterThan(300);
      expect(await count(app, `SELECT count(*) AS n FROM roster_breaks b JOIN roster_assignments a ON a.id = b.assignment_id WHERE a.roster_id <> $1`, [rosterId])).toBe(0);
    });
  });
} else {
  console.warn('[reliability] TEST_DATABASE_URL is needed for the Postgres connection-loss tests (CI sets it)');
}
