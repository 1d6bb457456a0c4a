import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '../../src/demo/bank-history.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // Eight weeks of the demo history (real bank traffic moved onto the weeks before 2026-11-30).
  const rows = (await demoHistory(app.center.timezone, '2026-11-30')).filter((r) => r.startMs >= Date.parse('2026-10-05T00:00:00+08:00'));
  await importTraffic(app.db, app.center, rows, { source: 'demo', intervalMinutes: 5 });
});
afterAll(() => app.close());

describe('forecast API', () => {
  let forecastId: number;

  it('runs a forecast as a job and stores a snapshot with its backtest table', async () => {
    const r = await app.call('POST', '/api/centers/test/forecasts', 'analyst', { queues: ['csr'], from: '2026-11-23', days: 7, model: 'auto', backtestWeeks: 2 });
    expect(r.status).toBe(202);
    const job = await app.jobs.waitFor(r.body.jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('completed');
    forecastId = (job.result as { forecastId: number }).forecastId;
    const f = await app.call('GET', `/api/forecasts/${forecastId}`, 'analyst');
    expect(f.status).toBe(200);
    // 7 days × 28 half-hours (08:00–22:00) of one queue
    expect(f.body.points).toHaveLength(7 * 28);
    expect(f.body.points[0]).toMatchObject({ queue: 'csr', intervalStart: '2026-11-23T08:00:00+08:00' });
    for (const p of f.body.points) expect(p.lower).toBeLessThanOrEqual(p.upper);
    const q = f.body.report.queues[0];
    expect(q.queue).toBe('csr');
    expect(q.backtest.rows.map((b: { model: string }) => b.model)).toContain('seasonal-naive');
    expect(q.chosen.model).toBeTruthy();
  });

  it('judges the forecast against the actual traffic of the same intervals', async () => {
    const r = await app.call('GET', `/api/forecasts/${forecastId}/accuracy`, 'manager');
    expect(r.status).toBe(200);
    expect(r.body.actualRows).toBeGreaterThan(0);
    const total = r.body.queues[0].levels.total;
    expect(total.wMAPE).toBeGreaterThan(0);
    expect(total.wMAPE).toBeLessThan(0.5);
  });

  it('is for analysts and managers: a supervisor or agent gets 403', async () => {
    expect((await app.call('GET', `/api/forecasts/${forecastId}`, 'supervisor')).status).toBe(403);
    expect((await app.call('POST', '/api/centers/test/forecasts', 'agent', { from: '2026-12-01', days: 7 })).status).toBe(403);
  });

  it('refuses bad input before queuing anything', async () => {
    const before = (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0].n;
    const unknownQueue = await app.call('POST', '/api/centers/test/forecasts', 'analyst', { queues: ['fax'], from: '2026-12-01', days: 7 });
    expect(unknownQueue.status).toBe(400);
    expect(unknownQueue.body.errors[0]).toMatchObject({ where: 'body.queues' });
    const badModel = await app.call('POST', '/api/centers/test/forecasts', 'analyst', { from: '2026-12-01', days: 7, model: 'crystal-ball' });
    expect(badModel.status).toBe(400);
    expect(badModel.body.errors[0].where).toBe('$.body.model');
    expect((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0].n).toBe(before);
  });

  it('fails the job with the reason, storing nothing, when the history is too short', async () => {
    const before = (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM forecasts')).rows[0].n;
    const r = await app.call('POST', '/api/centers/test/forecasts', 'analyst', { queues: ['csr'], from: '2026-10-08', days: 7 });
    const job = await app.jobs.waitFor(r.body.jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/7 days|week/);
    expect((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM forecasts')).rows[0].n).toBe(before);
  });
});
