/**
 * Series handling: the interval is inferred and aggregated, open hours and closed days are learned, gaps are
 * reported and ignored (never read as zero), and odd histories are refused with errors that say where.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { forecast } from '../../src/forecast/index.ts';
import type { TrafficRow } from '../../src/formats/traffic-csv.ts';
import { isoWeekday } from '../../src/time/local-day.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Europe/London';
// Weekday-only center, 08:00–17:00, 5-minute rows; 2 calls per 5 minutes on Mon–Thu, 3 on Friday.
const weekdayCenter = (_d: string, w: number, m: number) => (w >= 6 || m < 480 || m >= 1020 ? null : w === 5 ? 3 : 2);
const history = () => syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 42, intervalMinutes: 5, volume: weekdayCenter });

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('open hours and closed days learned from the history', () => {
  const result = forecast(history(), { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
  const q = result.report.queues[0];

  it('learns Mon–Fri 08:00–17:00 and closed weekends', () => {
    expect(q.sourceIntervalMinutes).toBe(5);
    expect(q.openHours.filter((h) => h.open).map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(q.openHours[0]).toEqual({ weekday: 1, open: true, from: '08:00', to: '17:00', intervals: 18 });
    expect(q.openHours[5]).toMatchObject({ weekday: 6, open: false, intervals: 0 });
  });

  it('gives no weekend forecast and 18 half-hours a weekday, summed from six 5-minute rows each', () => {
    const dates = new Set(result.points.map((p) => p.intervalStart.slice(0, 10)));
    expect([...dates].map(isoWeekday)).toEqual([1, 2, 3, 4, 5]);
    expect(result.points).toHaveLength(5 * 18);
    expect(result.points.filter((p) => p.intervalStart.startsWith('2025-02-17')).every((p) => p.offered === 12)).toBe(true);
    expect(result.points.filter((p) => p.intervalStart.startsWith('2025-02-21')).every((p) => p.offered === 18)).toBe(true);
  });

  it('a 24×7 history gets every hour of every day', () => {
    const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 28, intervalMinutes: 60, volume: () => 5 });
    const r = forecast(rows, { from: '2025-02-03', days: 7, intervalMinutes: 60, zone: ZONE });
    expect(r.points).toHaveLength(7 * 24);
    expect(r.report.queues[0].openHours.every((h) => h.open && h.from === '00:00' && h.to === '24:00')).toBe(true);
  });
});

describe('gaps and missing days', () => {
  const isGap = (r: TrafficRow) => r.intervalStart >= '2025-02-05T10:00' && r.intervalStart < '2025-02-05T11:00';
  const rows = history().filter((r) => !isGap(r) && !r.intervalStart.startsWith('2025-02-12'));
  const result = forecast(rows, { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
  const q = result.report.queues[0];

  it('reports a missing hour inside open hours as a gap, with its span', () => {
    expect(q.gaps).toEqual({ count: 1, intervals: 12, runs: [{ date: '2025-02-05', from: '10:00', to: '11:00', intervals: 12 }] });
  });

  it('reports a whole missing open day separately', () => expect(q.missingDays).toEqual(['2025-02-12']));

  it('ignores both instead of reading them as zero: Wednesday 10:00 is still forecast at 12', () => {
    const wed = result.points.filter((p) => p.intervalStart.startsWith('2025-02-19T10:'));
    expect(wed.map((p) => p.offered)).toEqual([12, 12]);
  });

  it('near miss: the same hour present with zero calls is data, not a gap, and lowers the mean', () => {
    const zeros = history().map((r) => (isGap(r) ? { ...r, offered: 0 } : r));
    const r = forecast(zeros, { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
    expect(r.report.queues[0].gaps.count).toBe(0);
    expect(r.points.find((p) => p.intervalStart.startsWith('2025-02-19T10:00'))!.offered).toBe(9); // (0+12+12+12)/4
  });
});

describe('interval length', () => {
  it('refuses a history mixing 5- and 15-minute rows, naming where the 15-minute rows start', () => {
    const rows = history().filter((r) => !(r.intervalStart >= '2025-01-20' && r.intervalStart < '2025-01-21' && Number(r.intervalStart.slice(14, 16)) % 15 !== 0));
    const e = validationError(() => forecast(rows, { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: ZONE }));
    expect(e.message).toMatch(/mixed interval lengths/);
    expect(e.errors[0].message).toMatch(/2025-01-20T08:00.* 15 minutes apart, but 5 minutes apart elsewhere/);
  });

  it('refuses the same interval twice (a repeated DST hour has two instants, so it is not this)', () => {
    const rows = history();
    const e = validationError(() => forecast([...rows, { ...rows[10], line: 99 }], { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: ZONE }));
    expect(e.errors[0].message).toMatch(/appears twice/);
  });

  it('refuses rows 7 minutes apart', () => {
    const rows: TrafficRow[] = [0, 7, 14].map((k, i) => ({ queue: 'q', intervalStart: `t${i}`, startMs: Date.UTC(2025, 0, 6, 8, k), offered: 1, line: i + 2 }));
    const e = validationError(() => forecast(rows, { from: '2025-02-17', days: 7, intervalMinutes: 30, zone: 'UTC' }));
    expect(e.errors[0]).toMatchObject({ where: 'line 3' });
    expect(e.errors[0].message).toMatch(/7 minutes apart; intervals must be 5, 10, 15, 30 or 60/);
  });

  it('refuses a forecast interval finer than the history, or not a multiple of it', () => {
    const hourly = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 28, intervalMinutes: 60, volume: () => 5 });
    const e = validationError(() => forecast(hourly, { from: '2025-02-03', days: 7, intervalMinutes: 30, zone: ZONE }));
    expect(e.errors[0].message).toMatch(/60-minute intervals; the forecast interval must be a multiple of it/);
  });
});
