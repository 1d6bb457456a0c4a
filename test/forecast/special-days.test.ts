/**
 * Special days: left out of training; in the horizon closed (no forecast), × multiplier, × a ratio learned from
 * past days of the same name, or "like" a past date; the first open day after a closed day carries the share
 * of its volume learned from the history. Every expected value below is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { forecast } from '../../src/forecast/index.ts';
import type { SpecialDay } from '../../src/forecast/types.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Europe/Berlin';
const OPEN = (m: number) => m >= 540 && m < 1020; // 09:00–17:00, 16 half-hours
// Mondays 20 calls a half-hour, other weekdays 10; 2025-02-19 (Wed) a campaign at 3×; 2025-02-10 (Mon) closed,
// and the Tuesday after (02-11) carries half of a normal Monday: 10 + 0.5 × 20 = 20.
function volume(date: string, w: number, m: number): number | null {
  if (w >= 6 || !OPEN(m) || date === '2025-02-10') return null;
  if (date === '2025-02-19') return 30;
  if (date === '2025-02-11') return 20;
  return w === 1 ? 20 : 10;
}
const rows = syntheticTraffic({ zone: ZONE, from: '2025-01-06', days: 56, intervalMinutes: 30, volume });
const PAST: SpecialDay[] = [
  { date: '2025-02-10', kind: 'holiday', name: 'Closed Monday', closed: true },
  { date: '2025-02-19', kind: 'campaign', name: 'Promo', closed: false },
];
const run = (specialDays: SpecialDay[]) => forecast(rows, { from: '2025-03-03', days: 10, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w', specialDays });
const on = (points: Array<{ intervalStart: string; offered: number }>, date: string) => points.filter((p) => p.intervalStart.startsWith(date)).map((p) => p.offered);

describe('special days in the history', () => {
  it('are left out of training: Wednesday is forecast at 10, not pulled up by the campaign', () => {
    expect(on(run(PAST).points, '2025-03-05')).toEqual(new Array(16).fill(10));
  });

  it('near miss: the same campaign not in the calendar is trained on: (30+10+10+10)/4 = 15', () => {
    expect(on(run([]).points, '2025-03-05')).toEqual(new Array(16).fill(15));
  });

  it('the day after a closed day is left out too (its Tuesday mean stays 10)', () => {
    const r = run(PAST);
    expect(on(r.points, '2025-03-04')).toEqual(new Array(16).fill(10));
    expect(r.report.queues[0].missingDays).toEqual([]); // a closed special day is not "missing"
  });
});

describe('special days in the horizon', () => {
  const future: SpecialDay[] = [
    ...PAST,
    { date: '2025-03-05', kind: 'campaign', name: 'Promo', closed: false }, // learned ratio 30/10 = 3
    { date: '2025-03-06', kind: 'campaign', name: 'Mailing', closed: false, multiplier: 1.5 },
    { date: '2025-03-07', kind: 'holiday', name: 'Closed Friday', closed: true },
    { date: '2025-03-10', kind: 'holiday', name: 'Closed Monday', closed: true },
  ];
  const r = run(future);
  const treatments = Object.fromEntries(r.report.queues[0].specialDays.map((d) => [d.date, d.treatment]));

  it('a closed day gets no forecast at all', () => {
    expect(on(r.points, '2025-03-07')).toEqual([]);
    expect(treatments['2025-03-07']).toBe('closed: no forecast');
  });

  it('a multiplier scales the normal forecast: 10 × 1.5 = 15', () => expect(on(r.points, '2025-03-06')).toEqual(new Array(16).fill(15)));

  it('without a multiplier, the ratio of past days of the same name is used: 10 × 3 = 30', () => {
    expect(on(r.points, '2025-03-05')).toEqual(new Array(16).fill(30));
    expect(treatments['2025-03-05']).toMatch(/× 3 \(learned from past "Promo" days\)/);
  });

  it('the day after a closed Friday and Monday gets the learned share of both: 10 + 0.5 × (10 + 20) = 25', () => {
    expect(on(r.points, '2025-03-11')).toEqual(new Array(16).fill(25));
    expect(treatments['2025-03-11']).toMatch(/normal \+ 0\.5 of the closed days' volume/);
  });

  it('the day after a single closed Monday gets the learned share of it: 10 + 0.5 × 20 = 20', () => {
    const single = run([...PAST, { date: '2025-03-10', kind: 'holiday', name: 'Closed Monday', closed: true }]);
    expect(on(single.points, '2025-03-11')).toEqual(new Array(16).fill(20));
  });

  it('the default model carries it too: level-profile forecasts the closed Monday as an ordinary one (20) for the Tuesday to take its share, 10 + 0.5 × 20 = 20', () => {
    const single = forecast(rows, { from: '2025-03-03', days: 10, intervalMinutes: 30, zone: ZONE, model: 'level-profile', specialDays: [...PAST, { date: '2025-03-10', kind: 'holiday', name: 'Closed Monday', closed: true }] });
    expect(on(single.points, '2025-03-10')).toEqual([]);
    const tuesday = on(single.points, '2025-03-11');
    expect(tuesday).toHaveLength(16);
    for (const x of tuesday) expect(x).toBeCloseTo(20, 4);
    // Near miss: an ordinary Tuesday of the same forecast stays at 10.
    for (const x of on(single.points, '2025-03-04')) expect(x).toBeCloseTo(10, 4);
  });

  it('near miss: with no closed day in the history there is nothing to learn, and the day after stays normal', () => {
    const noPast = run(future.filter((d) => d.date >= '2025-03-01'));
    expect(on(noPast.points, '2025-03-11')).not.toEqual(new Array(16).fill(20));
    expect(noPast.report.queues[0].specialDays.find((d) => d.date === '2025-03-11')!.treatment).toMatch(/no closed day in the history/);
  });
});

describe('a day "like" a past date', () => {
  // Flat 10 a half-hour; 2025-01-15 (Wed) had a morning-only shape; the level doubles from 2025-02-03 on.
  const likeRows = syntheticTraffic({
    zone: ZONE, from: '2025-01-06', days: 63, intervalMinutes: 30,
    volume: (date, w, m) => (w >= 6 || !OPEN(m) ? null : (date >= '2025-02-03' ? 2 : 1) * (date === '2025-01-15' ? (m < 720 ? 40 : 0) : 10)),
  });
  const like = (likeDate: string) => forecast(likeRows, {
    from: '2025-03-10', days: 5, intervalMinutes: 30, zone: ZONE, model: 'whi-mean-4w',
    specialDays: [{ date: '2025-01-15', kind: 'campaign', name: 'Launch', closed: false }, { date: '2025-03-12', kind: 'campaign', name: 'Launch 2', closed: false, likeDate }],
  });

  it('copies that day, rescaled by the level change (×2): 80 in the morning, 0 after noon', () => {
    expect(on(like('2025-01-15').points, '2025-03-12')).toEqual([...new Array(6).fill(80), ...new Array(10).fill(0)]);
  });

  it('refuses a "like" date with no history, naming the calendar entry', () => {
    try {
      like('2024-12-11');
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).errors[0]).toMatchObject({ where: '$.specialDays[1].likeDate', message: 'the history has no traffic on 2024-12-11' });
    }
  });
});
