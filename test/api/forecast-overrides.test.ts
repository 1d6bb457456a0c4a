/**
 * Forecast overrides: a stored forecast of two days (hourly, 08:00–21:00, 10 calls an hour with a peak of 30 at
 * 12:00) is adjusted by the analyst. +20% on a day multiplies every interval (and the band) by 1.2; a total of
 * 400 for a day spreads 400 by the forecast's shape; requirements computed from the forecast follow each change;
 * a revoke brings back the computed values. The original stays beside the adjusted value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveForecast } from '../../src/db/repos/forecasts.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { testCenter, tokenBook } from '../requests/fixture.ts';

const DAYS = ['2026-12-03', '2026-12-04'];
const HOURS = Array.from({ length: 14 }, (_, k) => 8 + k);
const calls = (h: number) => (h === 12 ? 30 : 10);
const DAY_TOTAL = HOURS.reduce((s, h) => s + calls(h), 0); // 13 × 10 + 30 = 160

let app: TestApp;
let as: (agent: string) => Promise<string>;
let forecastId: number;
let baseNoon: number;
const next = (date: string) => `2026-12-${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;
const points = async (date: string) => (await app.call('GET', `/api/forecasts/${forecastId}?queue=csr&from=${date}&to=${next(date)}`, 'analyst')).body.points;
const required = async (date: string) => (await app.call('GET', `/api/centers/rq/requirements?from=${date}&to=${date}&queue=csr`, 'deputy')).body.points;

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  const pts = DAYS.flatMap((d) => HOURS.map((h) => ({ queue: 'csr', intervalStart: `${d}T${String(h).padStart(2, '0')}:00:00+08:00`, offered: calls(h), ahtSeconds: 300, lower: calls(h) * 0.8, upper: calls(h) * 1.2, model: 'test' })));
  forecastId = (await app.db.transaction((tx) => saveForecast(tx, { centerId: 'rq', jobId: null, params: {}, report: {}, points: pts, createdBy: null }))).id;
  expect((await app.call('POST', '/api/centers/rq/requirements', 'analyst', { forecastId })).status).toBe(201);
  baseNoon = (await required(DAYS[0])).find((r: any) => r.interval_start.includes('T12:00')).required;
});
afterAll(() => app.close());

describe('forecast overrides', () => {
  let plus20: number;

  it('+20% on a day scales each interval and its band, keeps the original beside it, leaves the other day', async () => {
    const res = await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'csr', date: DAYS[0], percent: 20, reason: 'mailing campaign' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ callsBefore: DAY_TOTAL, callsAfter: DAY_TOTAL * 1.2 });
    expect(res.body.requirementSetId).toEqual(expect.any(Number));
    plus20 = res.body.override.id;
    const noon = (await points(DAYS[0])).find((p: any) => p.intervalStart.includes('T12:00'));
    expect(noon).toMatchObject({ offered: 36, original: 30, lower: 28.8, upper: 43.2, overrides: [plus20] });
    expect((await points(DAYS[1])).every((p: any) => p.original === undefined)).toBe(true);
  });

  it('requirements follow: noon of the adjusted day needs more agents than noon of the other (36 calls against 30)', async () => {
    const noon = (await required(DAYS[0])).find((r: any) => r.interval_start.includes('T12:00'));
    const otherNoon = (await required(DAYS[1])).find((r: any) => r.interval_start.includes('T12:00'));
    expect(noon.required).toBeGreaterThan(otherNoon.required);
  });

  it('a total for the next day is spread by the forecast\'s shape (noon keeps 30/160 of it)', async () => {
    const res = await app.call('POST', `/api/forecasts/${forecastId}/overrides`, await as('m1'), { queue: 'csr', date: DAYS[1], total: 400, reason: 'bank holiday after' });
    expect(res.body).toMatchObject({ callsBefore: DAY_TOTAL, callsAfter: 400 });
    const noon = (await points(DAYS[1])).find((p: any) => p.intervalStart.includes('T12:00'));
    expect(noon.offered).toBeCloseTo((400 * 30) / 160, 2);
  });

  it('refuses what it cannot apply, naming the field, and changes nothing', async () => {
    const before = (await app.call('GET', `/api/forecasts/${forecastId}/overrides`, 'analyst')).body.length;
    const both = await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'csr', date: DAYS[0], percent: 5, total: 10, reason: 'both' });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].where).toBe('$.body.percent');
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'zz', date: DAYS[0], percent: 5, reason: 'queue' })).body.errors[0].where).toBe('$.body.queue');
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'csr', date: '2027-01-05', percent: 5, reason: 'no points' })).status).toBe(409);
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'csr', date: DAYS[0], percent: -100, reason: 'all gone' })).status).toBe(400);
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'analyst', { queue: 'csr', date: DAYS[0], percent: 5 })).status).toBe(400);
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides`, 'deputy', { queue: 'csr', date: DAYS[0], percent: 5, reason: 'not mine' })).status).toBe(403);
    expect((await app.call('GET', `/api/forecasts/${forecastId}/overrides`, 'analyst')).body).toHaveLength(before);
  });

  it('revoking brings back the computed values (and the requirements), and is audited', async () => {
    const res = await app.call('POST', `/api/forecasts/${forecastId}/overrides/revoke`, 'analyst', { override: plus20 });
    expect(res.status).toBe(200);
    expect(res.body.overrides.find((o: any) => o.id === plus20).revokedAt).not.toBeNull();
    const noon = (await points(DAYS[0])).find((p: any) => p.intervalStart.includes('T12:00'));
    expect(noon).toMatchObject({ offered: 30 });
    expect(noon.original).toBeUndefined();
    expect((await required(DAYS[0])).find((r: any) => r.interval_start.includes('T12:00')).required).toBe(baseNoon);
    expect((await app.call('POST', `/api/forecasts/${forecastId}/overrides/revoke`, 'analyst', { override: plus20 })).status).toBe(404);
    const log = await app.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'forecast.override%' ORDER BY id");
    expect(log.rows.map((r) => r.action)).toEqual(['forecast.override', 'forecast.override', 'forecast.override.revoke']);
  });
});
