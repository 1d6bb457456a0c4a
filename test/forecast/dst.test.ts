/**
 * Daylight saving time in America/New_York: 2024-03-10 has 23 hours (02:00–03:00 skipped), 2024-11-03 has 25
 * (01:00–02:00 repeated). Source of the dates: the US rule (second Sunday of March, first Sunday of November),
 * as in the IANA tz database. No interval may be lost or doubled, and the skipped hour is not a gap.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/index.ts';
import { gridOf } from './fixtures/grid.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'America/New_York';
// 24×7, flat: 6 calls in every 5 minutes (36 per half-hour, whatever the day).
const flat = () => 6;

function checkDay<P extends { intervalStart: string }>(points: P[], date: string, expected: number): P[] {
  const day = points.filter((p) => p.intervalStart.startsWith(date));
  expect(day).toHaveLength(expected);
  const ms = day.map((p) => Date.parse(p.intervalStart));
  for (let i = 1; i < ms.length; i++) expect(ms[i] - ms[i - 1]).toBe(30 * 60_000);
  expect(day[0].intervalStart).toMatch(/T00:00:00/);
  return day;
}

describe('DST days', () => {
  it('a spring-forward day in the history is 23 hours, reported without gaps, and aggregates 5→30 minutes correctly', () => {
    const rows = syntheticTraffic({ zone: ZONE, from: '2024-02-12', days: 42, intervalMinutes: 5, volume: flat });
    const spring = rows.filter((r) => r.intervalStart.startsWith('2024-03-10'));
    expect(spring).toHaveLength(23 * 12);
    const result = forecast(rows, { from: '2024-03-25', days: 7, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
    expect(result.report.queues[0].gaps.count).toBe(0);
    expect(result.report.queues[0].missingDays).toEqual([]);
    const grid = gridOf(rows, ZONE, 30);
    const i = grid.dates.indexOf('2024-03-10');
    expect(Number.isNaN(grid.values[i][4])).toBe(true); // 02:00 does not exist
    expect(grid.values[i][6]).toBe(36); // 03:00: six 5-minute rows of 6
    expect(result.points.every((p) => p.offered === 36)).toBe(true);
  });

  it('a fall-back day in the history keeps one value per wall-clock half-hour (the mean of the two, not their sum)', () => {
    const rows = syntheticTraffic({ zone: ZONE, from: '2024-10-07', days: 42, intervalMinutes: 5, volume: flat });
    const fall = rows.filter((r) => r.intervalStart.startsWith('2024-11-03'));
    expect(fall).toHaveLength(25 * 12);
    const grid = gridOf(rows, ZONE, 30);
    const i = grid.dates.indexOf('2024-11-03');
    expect(grid.values[i][2]).toBe(36); // 01:00, seen twice
    const result = forecast(rows, { from: '2024-11-25', days: 7, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w' });
    expect(result.report.queues[0].gaps.count).toBe(0);
  });

  it('forecasts 46 half-hours on the 23-hour day and 50 on the 25-hour day, each real interval once', () => {
    const springHistory = syntheticTraffic({ zone: ZONE, from: '2024-01-08', days: 56, intervalMinutes: 30, volume: () => 36 });
    const spring = forecast(springHistory, { from: '2024-03-04', days: 14, intervalMinutes: 30, zone: ZONE, model: 'auto' });
    const springDay = checkDay(spring.points, '2024-03-10', 46);
    expect(springDay.some((p) => p.intervalStart.startsWith('2024-03-10T02'))).toBe(false);
    checkDay(spring.points, '2024-03-11', 48);

    const fallHistory = syntheticTraffic({ zone: ZONE, from: '2024-09-02', days: 56, intervalMinutes: 30, volume: () => 36 });
    const fall = forecast(fallHistory, { from: '2024-10-28', days: 14, intervalMinutes: 30, zone: ZONE, model: 'auto' });
    const fallDay = checkDay(fall.points, '2024-11-03', 50);
    expect(fallDay.filter((p) => p.intervalStart.startsWith('2024-11-03T01:00')).map((p) => p.intervalStart)).toEqual([
      '2024-11-03T01:00:00-04:00',
      '2024-11-03T01:00:00-05:00',
    ]);
    const total = fallDay.reduce((a, p) => a + p.offered, 0);
    expect(total).toBeCloseTo(50 * 36, 6); // 25 hours of a flat 72 calls an hour
    expect(new Set(fall.points.map((p) => p.intervalStart)).size).toBe(fall.points.length);
  });
});
