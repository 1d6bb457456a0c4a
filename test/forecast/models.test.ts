/**
 * Every model on synthetic series whose future is known: a pure weekly pattern must come back exactly, the
 * weighted index must give the hand-computed weighted means, and the trend models must follow a linear trend.
 */
import { describe, expect, it } from 'vitest';
import { MODELS, modelByName } from '../../src/forecast/models/registry.ts';
import { weightedIndex } from '../../src/forecast/models/weighted-index.ts';
import { isoWeekday } from '../../src/time/local-day.ts';
import { gridOf, runModel } from './fixtures/grid.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Europe/Paris';
const OPEN_FROM = 8 * 60;
const OPEN_TO = 18 * 60;
// Rank-2 weekly pattern: Mon–Thu share one intraday shape, Friday another; each weekday has its own level.
const LEVEL = [0, 120, 100, 95, 90, 80, 0, 0];
const shapeA = (m: number) => 1 + Math.sin(((m - OPEN_FROM) / (OPEN_TO - OPEN_FROM)) * Math.PI);
const shapeB = (m: number) => (m < 13 * 60 ? 2 : 0.5);
const pattern = (w: number, m: number): number | null => {
  if (w >= 6 || m < OPEN_FROM || m >= OPEN_TO) return null;
  return LEVEL[w] * (w === 5 ? shapeB(m) : shapeA(m));
};

describe('pure weekly pattern (Mon–Fri 08:00–18:00, 13 weeks of 30-minute history)', () => {
  const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 91, intervalMinutes: 30, volume: (_d, w, m) => pattern(w, m) });
  const grid = gridOf(rows, ZONE, 30);

  for (const model of MODELS) {
    it(`${model.name} forecasts the next two weeks exactly`, () => {
      const { dates, rows: out } = runModel(model, grid, 14);
      dates.forEach((date, t) => {
        const w = isoWeekday(date);
        for (let s = 0; s < grid.slots; s++) {
          const truth = pattern(w, s * 30) ?? 0;
          expect(out[t][s]).toBeCloseTo(truth, 6);
        }
      });
    });
  }
});

describe('weighted historical index: hand-computed weighted means', () => {
  // Every interval of week k (k = 1 oldest … 8 newest) carries 10·k calls.
  const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 56, intervalMinutes: 60, volume: (_d, w, m, day) => (w <= 5 && m >= 540 && m < 1020 ? 10 * (Math.floor(day / 7) + 1) : null) });
  const grid = gridOf(rows, ZONE, 60);
  // The history ends on a Friday: the third day after it is Monday.
  const nineOClock = (name: string) => runModel(modelByName(name)!, grid, 7).rows[2][9];

  it('seasonal naive repeats the last week: 80', () => expect(nineOClock('seasonal-naive')).toBe(80));
  it('mean of the last 4 weeks: (50+60+70+80)/4 = 65', () => expect(nineOClock('whi-mean-4w')).toBeCloseTo(65, 10));
  it('median of the last 5 weeks: 60', () => expect(nineOClock('whi-median-5w')).toBe(60));
  it('linear weights 6…1 over the last 6 weeks: (6·80+5·70+4·60+3·50+2·40+1·30)/21 = 1330/21', () => {
    expect(nineOClock('whi-mean-linear-6w')).toBeCloseTo(1330 / 21, 10);
  });
  it('geometric weights 0.8^k over 8 weeks, computed term by term', () => {
    let num = 0;
    let den = 0;
    for (let k = 0; k < 8; k++) {
      num += 0.8 ** k * 10 * (8 - k);
      den += 0.8 ** k;
    }
    expect(nineOClock('whi-mean-decay0.8-8w')).toBeCloseTo(num / den, 10);
  });
  it('uses only the weeks it has when asked for more (3 weeks of a 12-week index → their weighted mean)', () => {
    const short = gridOf(rows.filter((r) => r.startMs < Date.parse('2025-01-27T00:00:00+01:00')), ZONE, 60);
    const v = runModel(weightedIndex({ weeks: 12, statistic: 'mean', weighting: { decay: 0.9 } }), short, 7).rows[2][9];
    expect(v).toBeCloseTo((30 + 0.9 * 20 + 0.81 * 10) / (1 + 0.9 + 0.81), 10);
  });
});

describe('linear trend (daily volume grows 1% of the start level per day)', () => {
  const trend = (day: number) => 1 + 0.01 * day;
  const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 84, intervalMinutes: 30, volume: (_d, w, m, day) => (pattern(w, m) === null ? null : pattern(w, m)! * trend(day)) });
  const grid = gridOf(rows, ZONE, 30);
  const truthTotal = (t: number, w: number) => {
    let sum = 0;
    for (let m = 0; m < 1440; m += 30) sum += (pattern(w, m) ?? 0) * trend(84 + t);
    return sum;
  };

  for (const name of ['top-down-ets', 'taylor-dshw', 'calendar-regression-trend']) {
    it(`${name} follows it over the next two weeks (daily totals within 2%, growth kept)`, () => {
      const { dates, rows: out } = runModel(modelByName(name)!, grid, 14);
      dates.forEach((date, t) => {
        const w = isoWeekday(date);
        if (w >= 6) return;
        const total = out[t].reduce((a, b) => a + b, 0);
        expect(Math.abs(total / truthTotal(t, w) - 1)).toBeLessThan(0.02);
      });
    });
  }

  it('a level model (whi-mean-4w) lags it: the near-miss control, more than 2% low', () => {
    const { rows: out } = runModel(modelByName('whi-mean-4w')!, grid, 7);
    const total = out[0].reduce((a, b) => a + b, 0);
    expect(total / truthTotal(0, 1)).toBeLessThan(0.98);
  });
});
