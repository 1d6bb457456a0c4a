/**
 * Bad input: clear ValidationErrors that say what is wrong and how much is needed, never a crash; and the
 * near misses that must still work (exactly one week of history).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { forecast, type ForecastOptions } from '../../src/forecast/index.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Asia/Shanghai';
const days = (n: number) => syntheticTraffic({ zone: ZONE, from: '2025-03-03', days: n, intervalMinutes: 30, volume: (_d, _w, m) => (m >= 480 && m < 1320 ? 10 : null) });
const base: ForecastOptions = { from: '2025-04-07', days: 7, intervalMinutes: 30, zone: ZONE };

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  throw new Error('expected a ValidationError');
}

describe('too little history', () => {
  it('under one week is refused, saying how much is needed', () => {
    const [p] = problems(() => forecast(days(6), { ...base, from: '2025-03-09' }));
    expect(p.where).toBe('history, queue "default"');
    expect(p.message).toMatch(/covers 6 day\(s\) \(2025-03-03 to 2025-03-08\); at least 7 days \(one full week\) are needed, 7 for every model/);
  });

  it('exactly one week works: every family forecasts, on the window it has; the default ensemble and band', () => {
    const r = forecast(days(7), { ...base, from: '2025-03-10' });
    const q = r.report.queues[0];
    expect(q.chosen.model).toBe('level-profile');
    expect(q.backtest.note).toMatch(/too short to backtest/);
    expect(q.skipped).toEqual([]);
    expect(q.windows.find((w) => w.model === 'whi-mean-decay0.9-12w')).toEqual({ model: 'whi-mean-decay0.9-12w', days: 7, windowDays: 84 });
    expect(q.windows.find((w) => w.model === 'lp-h10')).toEqual({ model: 'lp-h10', days: 7, windowDays: null });
    expect(q.intervals.method).toMatch(/^conformal 80% band: .*0 \/ 0 \/ 0 \/ 0 scores\), drawn toward the default/);
    expect(r.points).toHaveLength(7 * 28);
  });

  it('a named model runs on a short history too, on the window it has', () => {
    const r = forecast(days(14), { ...base, from: '2025-03-17', model: 'svd-k3' });
    expect(r.report.queues[0].chosen.model).toBe('svd-k3');
    expect(r.report.queues[0].windows.find((w) => w.model === 'svd-k3')).toEqual({ model: 'svd-k3', days: 14, windowDays: 182 });
  });

  it('an empty history is refused', () => expect(problems(() => forecast([], base))[0].message).toMatch(/at least 7 days/));
});

describe('bad options', () => {
  const history = days(35);

  it('a horizon starting before the history ends', () => {
    const [p] = problems(() => forecast(history, { ...base, from: '2025-04-06' }));
    expect(p).toEqual({ where: 'from', message: 'the forecast starts on 2025-04-06 but the history of queue "default" runs to 2025-04-06; start on 2025-04-07 or later, or cut the history before 2025-04-06' });
  });

  it('near miss: the day right after the history is fine, and so is a later start (the lead is forecast too)', () => {
    expect(forecast(history, base).points).toHaveLength(7 * 28);
    expect(forecast(history, { ...base, from: '2025-04-14' }).points[0].intervalStart).toBe('2025-04-14T08:00:00+08:00');
  });

  it('an unknown zone', () => {
    expect(problems(() => forecast(history, { ...base, zone: 'Asia/Atlantis' }))[0]).toEqual({ where: 'zone', message: '"Asia/Atlantis" is not an IANA time zone (e.g. America/New_York, Asia/Shanghai, UTC)' });
  });

  it('an unknown model, a bad interval, day count and coverage, all at once', () => {
    const ps = problems(() => forecast(history, { ...base, model: 'prophet', intervalMinutes: 45, days: 0, coverage: 1 }));
    expect(ps.map((p) => p.where).sort()).toEqual(['$.coverage', '$.days', '$.intervalMinutes', '$.model']);
    expect(ps.find((p) => p.where === '$.model')!.message).toMatch(/must be "auto" or one of: seasonal-naive, lp-h5, .*, level-profile$/);
  });

  it('an unknown queue', () => {
    expect(problems(() => forecast(history, { ...base, queues: ['sales'] }))[0].message).toBe('queue "sales" has no rows in the history (it has: default)');
  });

  it('a malformed special day, with its JSON path', () => {
    const ps = problems(() => forecast(history, { ...base, specialDays: [{ date: '2025-4-7', kind: 'holiday' }] as never }));
    expect(ps[0].where).toBe('$.specialDays[0].date');
  });
});
