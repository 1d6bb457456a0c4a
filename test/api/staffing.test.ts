import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '../../src/demo/bank-history.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let forecastId: number;
beforeAll(async () => {
  app = await startTestApp();
  const rows = (await demoHistory(app.center.timezone, '2026-11-30')).filter((r) => r.startMs >= Date.parse('2026-10-05T00:00:00+08:00'));
  await importTraffic(app.db, app.center, rows, { source: 'demo', intervalMinutes: 5 });
  const r = await app.call('POST', '/api/centers/test/forecasts', 'deputy', { from: '2026-12-01', days: 31, model: 'whi-mean-4w', backtestWeeks: 0 });
  const job = await app.jobs.waitFor(r.body.jobId);
  forecastId = (job.result as { forecastId: number }).forecastId;
});
afterAll(() => app.close());

describe('requirements and staffing plan API', () => {
  it('computes requirements from a stored forecast for both queues', async () => {
    const r = await app.call('POST', '/api/centers/test/requirements', 'deputy', { forecastId });
    expect(r.status).toBe(201);
    expect(r.body.points).toBe(31 * 28 * 2);
    expect(r.body.summary.map((s: { queue: string; model: string }) => [s.queue, s.model])).toEqual([['csr', 'erlang-a'], ['tsr', 'outbound']]);
    const pts = await app.call('GET', '/api/centers/test/requirements?from=2026-12-07&to=2026-12-07&queue=csr', 'supervisor');
    expect(pts.body.points).toHaveLength(28);
    expect(pts.body.points[0].interval_start).toBe('2026-12-07T08:00:00+08:00');
    expect(Math.max(...pts.body.points.map((p: { required: number }) => p.required))).toBeGreaterThan(0);
  });

  it('lets an upload override single intervals (newest set wins) and refuses unknown queues by line', async () => {
    const ok = await app.call('POST', '/api/centers/test/requirements', 'deputy', 'queue,interval_start,required\ncsr,2026-12-07T08:00,42\n');
    expect(ok.status).toBe(201);
    const pts = await app.call('GET', '/api/centers/test/requirements?from=2026-12-07&to=2026-12-07&queue=csr', 'deputy');
    expect(pts.body.points[0].required).toBe(42);
    const bad = await app.call('POST', '/api/centers/test/requirements', 'deputy', 'queue,interval_start,required\ncsr,2026-12-07T08:00,1\nfax,2026-12-07T08:30,2\n');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ where: 'body:3:queue', message: 'unknown queue "fax"' });
  });

  it('reports the hiring gap for the month with the arithmetic shown', async () => {
    const r = await app.call('GET', '/api/centers/test/staffing-plan?month=2026-12', 'manager');
    expect(r.status).toBe(200);
    expect(r.body.month).toBe('2026-12');
    expect(r.body.queues.length).toBe(2);
    for (const q of r.body.queues) expect(q.steps.length).toBeGreaterThan(3);
  });

  it('answers 422 for a month without requirements and 400 for a malformed month', async () => {
    expect((await app.call('GET', '/api/centers/test/staffing-plan?month=2027-03', 'manager')).status).toBe(422);
    const bad = await app.call('GET', '/api/centers/test/staffing-plan?month=2027-3', 'manager');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].where).toBe('$.query.month');
  });
});
