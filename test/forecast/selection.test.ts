/**
 * Backtest and model choice, prediction intervals and AHT, through forecast().
 */
import { describe, expect, it } from 'vitest';
import { accuracy, forecast, MODEL_NAMES } from '../../src/forecast/index.ts';
import type { TrafficRow } from '../../src/formats/traffic-csv.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'America/Chicago';
const shape = (m: number) => (m >= 480 && m < 1200 ? 1 + Math.sin(((m - 480) / 720) * Math.PI) : null);

describe('rolling-origin backtest and choice', () => {
  // Mon–Fri, 10 weeks, volume growing 1.5% a day: level models lag, so a trend model must be chosen.
  const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 70, intervalMinutes: 30, seed: 7, volume: (_d, w, m, day) => (w >= 6 || shape(m) === null ? null : 40 * shape(m)! * (1 + 0.015 * day)) });
  const result = forecast(rows, { from: '2025-03-17', days: 14, intervalMinutes: 30, zone: ZONE });
  const q = result.report.queues[0];

  it('returns a report that survives JSON unchanged (for the API and stored snapshots)', () => {
    expect(JSON.parse(JSON.stringify(result.report))).toEqual(result.report);
  });

  it('uses an origin every day of the last 4 weeks, the last one a horizon before the end of the history', () => {
    // The history ends on Friday 03-14 (day 68): the horizon counts the weekend before 03-17 too, 2 + 14 days,
    // so the last origin is day 68 − 16 = 52 = Thursday 02-27, and the first 27 days earlier, Friday 01-31.
    expect(q.backtest.horizonDays).toBe(16);
    expect(q.backtest.origins).toHaveLength(28);
    expect([q.backtest.origins[0], q.backtest.origins[27]]).toEqual(['2025-01-31', '2025-02-27']);
  });

  it('scores every model that has the history, sorted by wMAPE, against seasonal naive', () => {
    const names = q.backtest.rows.map((r) => r.model);
    const skipped = q.skipped.map((s) => s.model);
    for (const m of MODEL_NAMES) expect(names.includes(m) !== skipped.includes(m)).toBe(true);
    const w = q.backtest.rows.map((r) => r.wMAPE);
    expect(w).toEqual([...w].sort((a, b) => a - b));
    expect(q.backtest.rows.find((r) => r.model === 'seasonal-naive')!.ratioToSeasonalNaive).toBe(1);
    // Every family runs from a week of history, on the windows it has (a 12-week index on its 10 weeks).
    expect(q.skipped).toEqual([]);
  });

  it('leaves the default ensemble for a trend model only on clear evidence: here it lags a 1.5%-a-day growth by far', () => {
    const ensemble = q.backtest.rows.find((r) => r.model === 'level-profile')!;
    const chosen = q.backtest.rows.find((r) => r.model === q.chosen.model)!;
    expect(q.chosen.model).toMatch(/top-down-ets|calendar-regression-trend/);
    expect(chosen.wMAPE).toBeLessThan(0.75 * ensemble.wMAPE);
    expect(q.chosen.reason).toMatch(/^clear evidence against level-profile .* lower in each of the 4 weeks of origins/);
  });

  it('lists combinations with their members and weights summing to 1: the level-profile ensemble, a median and two weighted means', () => {
    const combos = q.backtest.rows.filter((r) => r.members);
    expect(combos.map((c) => c.model.split('(')[0]).sort()).toEqual(['combo', 'combo', 'level-profile', 'median']);
    for (const c of combos) expect(c.members!.reduce((a, m) => a + m.weight, 0)).toBeCloseTo(1, 9);
  });
});

describe('prediction intervals from backtest errors', () => {
  // Stationary Poisson traffic: 16 weeks, the first 12 as history, the last 4 as the future to cover.
  const all = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 112, intervalMinutes: 30, seed: 3, volume: (_d, w, m) => (w >= 6 || shape(m) === null ? null : 60 * shape(m)!) });
  const cut = Date.parse('2025-03-31T00:00:00-05:00');
  const history = all.filter((r) => r.startMs < cut);
  const future = all.filter((r) => r.startMs >= cut);
  const run = (coverage: number) => forecast(history, { from: '2025-03-31', days: 28, intervalMinutes: 30, zone: ZONE, coverage });

  it('80% intervals hold about 80% of the actuals that come (between 70% and 90%)', () => {
    const r = run(0.8);
    expect(r.report.queues[0].intervals.method).toMatch(/^conformal 80% band/);
    const hit = accuracy(r.points, future, { zone: ZONE }).queues[0].intervalCoverage!;
    expect(hit).toBeGreaterThan(0.7);
    expect(hit).toBeLessThan(0.9);
  });

  it('near miss: 50% intervals are narrower and hold fewer', () => {
    const wide = run(0.8).points;
    const narrow = run(0.5).points;
    const width = (ps: typeof wide) => ps.reduce((a, p) => a + p.upper - p.lower, 0);
    expect(width(narrow)).toBeLessThan(0.75 * width(wide));
    expect(accuracy(narrow, future, { zone: ZONE }).queues[0].intervalCoverage!).toBeLessThan(0.65);
  });

  it('every point has lower ≤ offered ≤ upper and lower ≥ 0', () => {
    expect(run(0.8).points.every((p) => p.lower >= 0 && p.lower <= p.offered && p.offered <= p.upper)).toBe(true);
  });
});

describe('AHT forecast', () => {
  // Two 15-minute rows per half-hour: 10 handled at 100 s and 30 handled at 200 s → (1000 + 6000) / 40 = 175 s.
  const rows: TrafficRow[] = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 35, intervalMinutes: 15, volume: (_d, w, m) => (w >= 6 || m < 540 || m >= 600 ? null : 1) })
    .map((r) => {
      const first = Number(r.intervalStart.slice(14, 16)) % 30 === 0;
      return { ...r, offered: first ? 10 : 30, handled: first ? 10 : 30, ahtSeconds: first ? 100 : 200 };
    });

  it('is the call-weighted mean of the history, not the plain mean (150)', () => {
    const r = forecast(rows, { from: '2025-02-10', days: 5, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
    expect(r.report.queues[0].aht).toEqual({ source: 'history', meanSeconds: 175 });
    expect(new Set(r.points.map((p) => p.ahtSeconds))).toEqual(new Set([175]));
  });

  it('falls back to the queue default when the history has none', () => {
    const bare = rows.map(({ ahtSeconds: _a, handled: _h, ...r }) => r);
    const r = forecast(bare, { from: '2025-02-10', days: 5, intervalMinutes: 30, zone: ZONE, defaultAhtSeconds: { default: 240 } });
    expect(r.report.queues[0].aht).toEqual({ source: 'default', meanSeconds: 240 });
    expect(r.points.every((p) => p.ahtSeconds === 240)).toBe(true);
  });
});
