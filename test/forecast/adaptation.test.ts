/**
 * What the forecast must do with histories of any length and with change: every family from a week of
 * history; a step in level followed within days (and a burst of two days not taken for one); a holiday's
 * day-after effect learned from two past occurrences; a band calibrated on the errors the backtest saw, wide
 * where a Poisson band would be too narrow. Expected values from the series' construction.
 */
import { describe, expect, it } from 'vitest';
import { accuracy, forecast } from '../../src/forecast/index.ts';
import { MODELS } from '../../src/forecast/models/registry.ts';
import { seededRandom } from '../../src/demo/generate-center.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Europe/Paris';
/** Mon–Fri 08:00–18:00, a smooth intraday shape of 20 half-hours summing to 20 × `level`. */
const shape = (m: number) => (m >= 480 && m < 1080 ? 1 + 0.5 * Math.sin(((m - 480) / 600) * Math.PI) : null);
const dayTotal = (points: Array<{ intervalStart: string; offered: number }>, date: string) =>
  points.filter((p) => p.intervalStart.startsWith(date)).reduce((s, p) => s + p.offered, 0);
const shapeSum = Array.from({ length: 20 }, (_, k) => shape(480 + 30 * k)!).reduce((a, b) => a + b, 0);

describe('a week of history', () => {
  const rows = syntheticTraffic({ zone: ZONE, from: '2025-03-03', days: 5, intervalMinutes: 30, seed: 1, volume: (_d, w, m) => (w >= 6 || shape(m) === null ? null : 200 * shape(m)!) });

  it('gives a forecast from every family, each at the week\'s level (within 10%)', () => {
    const r = forecast(rows, { from: '2025-03-10', days: 5, intervalMinutes: 30, zone: ZONE, allModels: true });
    expect(r.report.queues[0].skipped).toEqual([]);
    for (const { name } of MODELS) {
      const total = dayTotal(r.byModel![name], '2025-03-12');
      expect(Math.abs(total / (200 * shapeSum) - 1), name).toBeLessThan(0.1);
    }
    expect(r.report.queues[0].chosen.model).toBe('level-profile');
    expect(Math.abs(dayTotal(r.points, '2025-03-12') / (200 * shapeSum) - 1)).toBeLessThan(0.1);
  });
});

describe('a step in level', () => {
  // 6 weeks at 100 a half-hour-unit, then 10% down; Poisson noise.
  const series = (stepDay: number, back = Infinity) => syntheticTraffic({
    zone: ZONE, from: '2025-01-06', days: 56, intervalMinutes: 30, seed: 5,
    volume: (_d, w, m, day) => (w >= 6 || shape(m) === null ? null : (day >= stepDay && day < back ? 90 : 100) * shape(m)!),
  });
  const cut = (rows: ReturnType<typeof series>, before: string) => rows.filter((r) => r.intervalStart < before);
  const next = (rows: ReturnType<typeof series>, from: string) => forecast(rows, { from, days: 5, intervalMinutes: 30, zone: ZONE });

  it('two weeks before the origin: the forecast is at the new level (within 2%)', () => {
    // Step on Monday 2025-02-10 (day 35); origin Monday 2025-02-24.
    const r = next(cut(series(35), '2025-02-24'), '2025-02-24');
    expect(dayTotal(r.points, '2025-02-26') / (90 * shapeSum)).toBeCloseTo(1, 1);
    expect(Math.abs(dayTotal(r.points, '2025-02-26') / (90 * shapeSum) - 1)).toBeLessThan(0.02);
  });

  it('followed within 3 days: three days after the step, the forecast has moved to the new level (within 3%)', () => {
    // Step on Monday 2025-02-17; the history ends Wednesday 2025-02-19.
    const r = next(cut(series(42), '2025-02-20'), '2025-02-20');
    expect(Math.abs(dayTotal(r.points, '2025-02-24') / (90 * shapeSum) - 1)).toBeLessThan(0.03);
  });

  it('near miss: a dip of two days that recovers is not taken for a shift (the forecast stays within 3% of 100)', () => {
    const r = next(cut(series(42, 44), '2025-02-20'), '2025-02-20');
    expect(Math.abs(dayTotal(r.points, '2025-02-24') / (100 * shapeSum) - 1)).toBeLessThan(0.03);
  });
});

describe('a holiday and the day after it', () => {
  // Every weekday alike (no noise); "Founders Day" closes a Monday three times, and the Tuesday after it
  // takes 25% of a day more (a quarter of the closed day's calls come back).
  const holidays = ['2025-02-03', '2025-03-03', '2025-03-31'];
  const afterDays = new Set(['2025-02-04', '2025-03-04']);
  const rows = syntheticTraffic({
    zone: ZONE, from: '2025-01-06', days: 84, intervalMinutes: 30,
    volume: (d, w, m) => (w >= 6 || shape(m) === null || holidays.includes(d) ? null : (afterDays.has(d) ? 125 : 100) * shape(m)!),
  });
  const specialDays = holidays.map((date) => ({ date, kind: 'holiday' as const, name: 'Founders Day', closed: true }));
  const history = rows.filter((r) => r.intervalStart < '2025-03-24');
  const r = forecast(history, { from: '2025-03-24', days: 14, intervalMinutes: 30, zone: ZONE, specialDays });

  it('learned from two past occurrences: the Tuesday after the next one is forecast 25% up', () => {
    expect(dayTotal(r.points, '2025-03-31')).toBe(0);
    expect(dayTotal(r.points, '2025-04-01') / (100 * shapeSum)).toBeCloseTo(1.25, 3);
    expect(r.report.queues[0].specialDays.find((t) => t.date === '2025-04-01')!.treatment).toMatch(/learned from the history's closed days/);
  });

  it('near miss: an ordinary Tuesday stays at the normal level', () => {
    expect(dayTotal(r.points, '2025-03-25') / (100 * shapeSum)).toBeCloseTo(1, 3);
  });
});

describe('a band calibrated on the backtest\'s errors', () => {
  // Each day's level varies by 15% at random (overdispersion): a Poisson band ±1.28√f holds far fewer than 80%
  // of the actuals; the conformal band, from the errors of its daily origins, must hold 75–85%, pooled over
  // four origins a month apart (one month's 20 days alone are too few to measure a coverage by).
  const random = seededRandom(11);
  const factor = new Map<number, number>();
  const rows = syntheticTraffic({
    zone: ZONE, from: '2025-01-06', days: 280, intervalMinutes: 30, seed: 9,
    volume: (_d, w, m, day) => {
      if (w >= 6 || shape(m) === null) return null;
      if (!factor.has(day)) factor.set(day, 1 + 0.15 * Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random()));
      return Math.max(1, 100 * factor.get(day)! * shape(m)!);
    },
  });
  const origins = ['2025-06-02', '2025-06-30', '2025-07-28', '2025-08-25'];
  const runs = origins.map((from) => {
    const r = forecast(rows.filter((x) => x.intervalStart < from), { from, days: 28, intervalMinutes: 30, zone: ZONE });
    const end = new Date(Date.parse(from) + 28 * 86_400_000).toISOString().slice(0, 10);
    return { r, future: rows.filter((x) => x.intervalStart >= from && x.intervalStart < end) };
  });
  const pooled = (band: (p: (typeof runs)[number]['r']['points'][number]) => { lower: number; upper: number }) => {
    let hit = 0;
    let n = 0;
    for (const { r, future } of runs) {
      const points = r.points.map((p) => ({ ...p, ...band(p) }));
      const c = accuracy(points, future, { zone: ZONE }).queues[0];
      hit += c.intervalCoverage! * c.levels.interval.n;
      n += c.levels.interval.n;
    }
    return hit / n;
  };

  it('holds 75–85% of the actuals over the next four weeks', () => {
    const hit = pooled((p) => p);
    expect(hit).toBeGreaterThan(0.75);
    expect(hit).toBeLessThan(0.85);
  });

  it('near miss: the Poisson band on the same forecasts holds well under 75%', () => {
    expect(pooled((p) => ({ lower: p.offered - 1.2816 * Math.sqrt(p.offered), upper: p.offered + 1.2816 * Math.sqrt(p.offered) }))).toBeLessThan(0.6);
  });
});

describe('any week', () => {
  it('a Sun–Thu center: no forecast on Friday and Saturday, Sunday at its own level (its busiest day, +30%)', () => {
    const rows = syntheticTraffic({
      zone: 'Asia/Riyadh', from: '2025-01-05', days: 42, intervalMinutes: 30, seed: 2,
      volume: (_d, w, m) => (w === 5 || w === 6 || shape(m) === null ? null : (w === 7 ? 130 : 100) * shape(m)!),
    });
    const r = forecast(rows, { from: '2025-02-16', days: 7, intervalMinutes: 30, zone: 'Asia/Riyadh' });
    expect(dayTotal(r.points, '2025-02-21') + dayTotal(r.points, '2025-02-22')).toBe(0);
    expect(dayTotal(r.points, '2025-02-16') / dayTotal(r.points, '2025-02-18')).toBeCloseTo(1.3, 1);
  });

  it('a 24×7 queue: every day and every half-hour forecast, weekend at its level', () => {
    const rows = syntheticTraffic({
      zone: 'America/Chicago', from: '2025-01-06', days: 42, intervalMinutes: 30, seed: 3,
      volume: (_d, w, m) => (w >= 6 ? 40 : 80) * (1 + 0.5 * Math.sin((m / 1440) * 2 * Math.PI)),
    });
    const r = forecast(rows, { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: 'America/Chicago' });
    expect(r.points).toHaveLength(7 * 48);
    expect(dayTotal(r.points, '2025-02-22') / dayTotal(r.points, '2025-02-19')).toBeCloseTo(0.5, 1);
    // Open on Martin Luther King Jr. Day: public holidays are not taken as closed (Presidents' Day is forecast).
    expect(r.report.queues[0].holidays).toMatch(/^public holidays not taken as closed: 0 of the 1 public holiday/);
    expect(dayTotal(r.points, '2025-02-17')).toBeGreaterThan(0);
  });
});
