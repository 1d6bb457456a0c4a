/**
 * The price of each rule through the API: 404 until computed, a job on request (planners only), then the
 * bound, the rules it covers, and every relaxation's bound and price — no relaxation raises the bound — and
 * the bound with whole shifts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveRoster } from '../../src/db/repos/rosters.ts';
import { RELAXATIONS } from '../../solver/design/rule-prices.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, tinyCenter } from '../solver/fixture.ts';

let app: TestApp;
let rosterId: number;

beforeAll(async () => {
  // The solver tests' tiny center (test/solver/fixture.ts): small LPs, a quick job.
  app = await startTestApp({ center: tinyCenter((c) => (c.teams![1].supervisor = 's2')) });
  const rows = requirementsFromBankProfile(app.center, MONTH);
  const csv = ['queue,interval_start,required', ...rows.map((r) => `${r.queue},${r.interval_start},${r.required}`)].join('\n');
  expect((await app.call('POST', '/api/centers/tiny/requirements', 'deputy', csv)).status).toBeLessThan(300);
  rosterId = (await saveRoster(app.db, { centerId: 'tiny', roster: { center: 'tiny', month: MONTH, assignments: [], coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] } })).id;
});
afterAll(() => app.close());

describe('rule prices', () => {
  it('404 before they are computed; an agent may not ask for them (403)', async () => {
    expect((await app.call('GET', `/api/rosters/${rosterId}/rule-prices`, 'deputy')).status).toBe(404);
    expect((await app.call('POST', `/api/rosters/${rosterId}/rule-prices`, 'agent')).status).toBe(403);
  });

  it('a job computes them: every relaxation\'s bound at or below the bound, its price the difference', async () => {
    const r = await app.call('POST', `/api/rosters/${rosterId}/rule-prices`, 'deputy');
    expect(r.status).toBe(202);
    const done = await app.jobs.waitFor(r.body.jobId);
    expect(done.status).toBe('completed');
    const got = await app.call('GET', `/api/rosters/${rosterId}/rule-prices`, 'deputy');
    expect(got.status).toBe(200);
    expect(Number.isFinite(got.body.bound)).toBe(true);
    expect(got.body.covers).toEqual(expect.arrayContaining(['H2', 'R7', 'R8', 'C1', 'C2', 'C3']));
    expect(got.body.prices.map((p: { id: string }) => p.id)).toEqual(RELAXATIONS.map((x) => x.id));
    for (const p of got.body.prices) {
      expect(p.bound).toBeLessThanOrEqual(got.body.bound + 1e-6);
      expect(p.price).toBeCloseTo(got.body.bound - p.bound, 6);
    }
    // The bound with whole shifts per day (day-integer-bound.ts) never falls below the LP's; every day counted.
    const whole = got.body.wholeShifts;
    expect(whole.bound).toBeGreaterThanOrEqual(got.body.bound - 1e-6);
    expect(whole.days).toBe(31);
    expect(whole.distinctDays).toBeGreaterThan(0);
    expect(whole.provenDays).toBeLessThanOrEqual(31);
  });
});
