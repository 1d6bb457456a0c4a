/**
 * accuracy() on a hand-sized case. Queue A, 30-minute forecast for Mon 03-03 and Tue 03-04 2025 at 09:00 and
 * 09:30 (Europe/Berlin); 5-minute actuals:
 *   Mon 09:00  f 10 [8, 12]   a 6 × 2 = 12
 *   Mon 09:30  f 20 [15, 25]  a 6 × 3 = 18
 *   Tue 09:00  f 30 [25, 35]  a 6 × 5 = 30
 *   Tue 09:30  f 40           no actual → left out
 *   Tue 10:00  (no forecast)  a 6 × 1 = 6 → judged against 0
 * Interval: Σ|e| = 2 + 2 + 0 + 6 = 10, Σa = 66, Σf = 60 → wMAPE 10/66, bias −6/66,
 *           MAPE (2/12 + 2/18 + 0 + 6/6) / 4, inside the interval 3 of 4.
 * Day: Mon f 30 a 30, Tue f 30 a 36 → wMAPE 6/66. Week (2025-W10) and total: f 60 a 66 → 6/66.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { accuracy, ALL_QUEUES } from '../../src/forecast/index.ts';
import type { ForecastPoint } from '../../src/formats/forecast-csv.ts';
import type { TrafficRow } from '../../src/formats/traffic-csv.ts';

const ZONE = 'Europe/Berlin';
const point = (queue: string, start: string, offered: number, lower = offered, upper = offered): ForecastPoint => ({
  queue, intervalStart: `${start}:00+01:00`, offered, ahtSeconds: 180, lower, upper, model: 'test',
});
const fiveMinute = (queue: string, start: string, each: number): TrafficRow[] => Array.from({ length: 6 }, (_, k) => {
  const ms = Date.parse(`${start}:00+01:00`) + k * 5 * 60_000;
  return { queue, intervalStart: new Date(ms).toISOString(), startMs: ms, offered: each, line: 0 };
});

const forecastA = [
  point('A', '2025-03-03T09:00', 10, 8, 12),
  point('A', '2025-03-03T09:30', 20, 15, 25),
  point('A', '2025-03-04T09:00', 30, 25, 35),
  point('A', '2025-03-04T09:30', 40, 35, 45),
];
const actualA = [...fiveMinute('A', '2025-03-03T09:00', 2), ...fiveMinute('A', '2025-03-03T09:30', 3), ...fiveMinute('A', '2025-03-04T09:00', 5), ...fiveMinute('A', '2025-03-04T10:00', 1)];

describe('accuracy against hand computation', () => {
  const report = accuracy(forecastA, actualA, { zone: ZONE });
  const a = report.queues[0];

  it('infers the 30-minute interval and the period', () => {
    expect(report).toMatchObject({ intervalMinutes: 30, from: '2025-03-03', to: '2025-03-04' });
    expect(report.queues).toHaveLength(1);
  });

  it('interval level', () => {
    const l = a.levels.interval;
    expect(l.n).toBe(4);
    expect(l.wMAPE).toBeCloseTo(10 / 66, 12);
    expect(l.bias).toBeCloseTo(-6 / 66, 12);
    expect(l.mape).toBeCloseTo((2 / 12 + 2 / 18 + 0 + 6 / 6) / 4, 12);
    expect(l.mase).toBeNull(); // two days of actuals: no week-earlier pair for a scale
  });

  it('day, week and total levels sum the judged intervals', () => {
    expect(a.levels.day.wMAPE).toBeCloseTo(6 / 66, 12);
    expect(a.byDay).toEqual([
      { period: '2025-03-03', forecast: 30, actual: 30, wMAPE: 4 / 30, bias: 0 },
      { period: '2025-03-04', forecast: 30, actual: 36, wMAPE: 6 / 36, bias: -6 / 36 },
    ]);
    expect(a.byWeek.map((r) => r.period)).toEqual(['2025-W10']);
    expect(a.levels.week.wMAPE).toBeCloseTo(6 / 66, 12);
    expect(a.levels.total).toMatchObject({ n: 1, actual: 66, forecast: 60 });
  });

  it('counts what could not be matched, and the prediction-interval hits', () => {
    expect(a.unmatched).toEqual({ forecastWithoutActual: 1, actualOutsideForecast: 1, callsOutsideForecast: 6 });
    expect(a.intervalCoverage).toBe(0.75);
    expect(a.byTimeOfDay.map((r) => [r.period, r.forecast, r.actual])).toEqual([['09:00', 40, 42], ['09:30', 20, 18], ['10:00', 0, 6]]);
  });

  it('MASE scales by the week-on-week error of the history: MAE 2.5 / scale 1', () => {
    // Two history weeks alike except Monday 09:00 (10, then 14): pairs |14−10|, 0, 0, 0 → scale 1.
    const week = (monday: string, tuesday: string, first: number) => [
      ...fiveMinute('A', `${monday}T09:00`, first / 6), ...fiveMinute('A', `${monday}T09:30`, 3),
      ...fiveMinute('A', `${tuesday}T09:00`, 5), ...fiveMinute('A', `${tuesday}T09:30`, 6),
    ];
    const history = [...week('2025-02-17', '2025-02-18', 10), ...week('2025-02-24', '2025-02-25', 14)];
    expect(accuracy(forecastA, actualA, { zone: ZONE, history }).queues[0].levels.interval.mase).toBeCloseTo(2.5, 12);
  });

  it('adds an all-queues table summing the queues per interval', () => {
    const r = accuracy([...forecastA, point('B', '2025-03-03T09:00', 5)], [...actualA, ...fiveMinute('B', '2025-03-03T09:00', 1)], { zone: ZONE });
    expect(r.queues.map((q) => q.queue)).toEqual(['A', 'B', ALL_QUEUES]);
    expect(r.queues[2].levels.total).toMatchObject({ actual: 72, forecast: 65 });
    expect(r.queues[2].intervalCoverage).toBeNull();
  });

  it('refuses an unknown zone and an empty forecast', () => {
    expect(() => accuracy(forecastA, actualA, { zone: 'Mars/Olympus' })).toThrow(ValidationError);
    expect(() => accuracy([], actualA, { zone: ZONE })).toThrow(/empty/);
  });
});
