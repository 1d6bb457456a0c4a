/**
 * Schedule adherence (src/intraday/adherence.ts), by hand: a shift 08:00–10:00 with a 5-minute break at 09:00.
 * Scheduled 120 minutes; every minute in another state than the planned one is out of adherence.
 */
import { describe, expect, it } from 'vitest';
import { actualSpans, adherence, plannedSpans, seatChanges, stateCounts, type StateChange } from '../../src/intraday/adherence.ts';

const at = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00+08:00`);
const shift = { start: '2026-12-03T08:00:00+08:00', end: '2026-12-03T10:00:00+08:00', breaks: [{ start: '2026-12-03T09:00:00+08:00', minutes: 5, kind: 'break' as const }] };
const [from, to] = [at('07:00'), at('11:00')];
const planned = plannedSpans([shift], from, to);
const changes = (...c: Array<[string, StateChange['state']]>) => c.map(([t, state]) => ({ atMs: at(t), state }));

describe('schedule adherence', () => {
  it('plans off, phone, break, phone, off', () => {
    expect(planned.map((s) => [s.state, (s.to - s.from) / 60_000])).toEqual([['off', 60], ['phone', 60], ['break', 5], ['phone', 55], ['off', 60]]);
  });

  it('3 minutes late in, a break taken 2 minutes late and 5 minutes long: 3 + 2 + 2 = 7 of 120 minutes out', () => {
    const actual = actualSpans(changes(['08:03', 'phone'], ['09:02', 'break'], ['09:07', 'phone'], ['10:00', 'off']), from, to);
    const a = adherence(planned, actual, 'states');
    expect(a).toMatchObject({ scheduledMinutes: 120, outMinutes: 7, inAdherenceMinutes: 113, adherence: Math.round((113 / 120) * 10_000) / 10_000 });
    expect(a.exceptions.map((e) => [(e.from - at('08:00')) / 60_000, (e.to - e.from) / 60_000, e.planned, e.actual])).toEqual([
      [0, 3, 'phone', 'off'], [60, 2, 'break', 'phone'], [65, 2, 'phone', 'break'],
    ]);
  });

  it('near miss: exactly as planned is 100%, and work after the shift is not held against anyone', () => {
    const actual = actualSpans(changes(['08:00', 'phone'], ['09:00', 'break'], ['09:05', 'phone'], ['10:30', 'off']), from, to);
    expect(adherence(planned, actual, 'states')).toMatchObject({ scheduledMinutes: 120, outMinutes: 0, adherence: 1, exceptions: [] });
  });

  it('a meeting in the seat is not the phones: aux against phone is out of adherence', () => {
    const actual = actualSpans(changes(['08:00', 'aux'], ['08:30', 'phone'], ['09:00', 'break'], ['09:05', 'phone']), from, to);
    expect(adherence(planned, actual, 'states').outMinutes).toBe(30);
  });

  it('on sign-in and sign-out alone, in the seat follows any plan: late in and early out count, the break cannot', () => {
    const seat = actualSpans(seatChanges([at('08:04')], [at('09:57')]), from, to);
    const a = adherence(planned, seat, 'sign-in');
    expect(a).toMatchObject({ scheduledMinutes: 120, outMinutes: 7 });
    expect(a.exceptions.map((e) => e.actual)).toEqual(['off', 'off']);
  });

  it('the state before the window holds into it; nothing scheduled yet is no figure', () => {
    const actual = actualSpans([{ atMs: at('06:30'), state: 'phone' }], from, to);
    expect(actual[0]).toMatchObject({ from, state: 'phone' });
    expect(adherence(plannedSpans([], from, to), actual, 'states').adherence).toBeNull();
  });

  it('counts agents per state over an interval, time-weighted', () => {
    const other = actualSpans(changes(['08:00', 'phone'], ['08:30', 'meal']), from, to);
    const counts = stateCounts([planned, other], at('08:00'), at('09:00'));
    expect(counts).toEqual({ phone: 1.5, break: 0, meal: 0.5, aux: 0 });
    expect(stateCounts([planned], at('09:00'), at('09:30'))).toEqual({ phone: 0.833, break: 0.167, meal: 0, aux: 0 });
  });
});
