/**
 * What-if staffing (src/staffing/what-if.ts) on the request tests' center (test/requests/fixture.ts) with a
 * December forecast of 30 calls an hour of 300 s from 08:00 to 22:00. At the center's own target (80% in 20 s) the
 * what-if equals the staffing plan computed the ordinary way (requirements from the forecast, then the plan);
 * a higher target or a longer AHT needs more phone hours, more absence more paid hours for the same phone hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveForecast } from '../../src/db/repos/forecasts.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, testCenter, tokenBook } from '../requests/fixture.ts';

let app: TestApp;
let as: (agent: string) => Promise<string>;
const whatIf = async (lever: string, values: string) => app.call('GET', `/api/centers/rq/staffing-plan/what-if?month=${MONTH}&lever=${lever}&values=${values}`, 'deputy');

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  const points = monthDates(MONTH).flatMap((d) => Array.from({ length: 14 }, (_, k) => ({
    queue: 'csr', intervalStart: `${d}T${String(8 + k).padStart(2, '0')}:00:00+08:00`, offered: 30, ahtSeconds: 300, lower: 25, upper: 35, model: 'test',
  })));
  const forecastId = (await app.db.transaction((tx) => saveForecast(tx, { centerId: 'rq', jobId: null, params: {}, report: {}, points, createdBy: null }))).id;
  expect((await app.call('POST', '/api/centers/rq/requirements', 'analyst', { forecastId })).status).toBe(201);
});
afterAll(() => app.close());

describe('what-if staffing', () => {
  it('at the center\'s own service-level target it is the staffing plan', async () => {
    const plan = (await app.call('GET', `/api/centers/rq/staffing-plan?month=${MONTH}`, 'deputy')).body;
    const at80 = (await whatIf('serviceLevel', '0.8')).body.points[0];
    const csr = plan.queues.find((q: any) => q.queue === 'csr');
    const required = plan.queues.reduce((s: number, q: any) => s + q.requiredPaidHours, 0);
    expect(at80.requiredPaidHours).toBeCloseTo(required, 0);
    expect(at80.hires).toBe(plan.totalHires);
    expect(csr.requiredPaidHours).toBeGreaterThan(0);
  });

  it('a higher target needs at least as many phone hours, strictly more from 70% to 95%', async () => {
    const pts = (await whatIf('serviceLevel', '0.7,0.8,0.9,0.95')).body.points;
    for (let i = 1; i < pts.length; i++) expect(pts[i].phoneHours).toBeGreaterThanOrEqual(pts[i - 1].phoneHours);
    expect(pts[3].phoneHours).toBeGreaterThan(pts[0].phoneHours);
    expect(pts[3].peakAgents).toBeGreaterThan(pts[0].peakAgents);
  });

  it('a longer AHT needs more phone hours; more absence the same phone hours but more paid hours', async () => {
    const aht = (await whatIf('aht', '0.8,1,1.2')).body.points;
    expect(aht[0].phoneHours).toBeLessThan(aht[1].phoneHours);
    expect(aht[1].phoneHours).toBeLessThan(aht[2].phoneHours);
    const abs = (await whatIf('absence', '0.05,0.15')).body.points;
    expect(abs[0].phoneHours).toBe(abs[1].phoneHours);
    // Paid hours ÷ (1 − absence): 0.85 against 0.95 of the same need.
    expect(abs[1].requiredPaidHours / abs[0].requiredPaidHours).toBeCloseTo(0.95 / 0.85, 2);
  });

  it('refuses values out of range, a month without a forecast and the floor, naming why', async () => {
    const bad = await whatIf('serviceLevel', '0.8,1.5');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].where).toBe('$.query.values');
    expect((await whatIf('shrink', '0.1')).status).toBe(400);
    expect((await app.call('GET', '/api/centers/rq/staffing-plan/what-if?month=2027-02&lever=aht', 'deputy')).status).toBe(422);
    expect((await app.call('GET', `/api/centers/rq/staffing-plan/what-if?month=${MONTH}&lever=aht`, await as('a01'))).status).toBe(403);
  });
});
