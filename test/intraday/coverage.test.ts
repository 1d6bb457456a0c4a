/** Scheduled agents per interval (FORMATS.md "Roster": a 5-minute break in a 30-minute interval removes 1/6). */
import { describe, expect, it } from 'vitest';
import { scheduledAgents, timed } from '../../src/intraday/coverage.ts';
import { dayIntervals } from '../../src/time/local-day.ts';

const zone = 'Asia/Shanghai';
const starts = dayIntervals('2026-12-01', zone, 30).map((i) => i.startMs);
const at = (hhmm: string) => starts[(Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) / 30];

describe('scheduled agents', () => {
  it('removes a break\'s share of its interval and counts partial intervals', () => {
    const a = timed({
      queue: 'csr', start: '2026-12-01T08:10:00+08:00', end: '2026-12-01T10:00:00+08:00',
      breaks: [{ start: '2026-12-01T08:45:00+08:00', minutes: 5, kind: 'break' }],
    });
    const s = scheduledAgents([a], 'csr', starts, 30 * 60_000);
    expect(s[starts.indexOf(at('08:00'))]).toBeCloseTo(20 / 30, 6);
    expect(s[starts.indexOf(at('08:30'))]).toBeCloseTo(25 / 30, 6);
    expect(s[starts.indexOf(at('09:00'))]).toBe(1);
    expect(s[starts.indexOf(at('09:30'))]).toBe(1);
    expect(s[starts.indexOf(at('10:00'))]).toBe(0);
    expect(scheduledAgents([a], 'tsr', starts, 30 * 60_000).every((x) => x === 0)).toBe(true);
  });

  it('a shift across midnight counts on the day it reaches', () => {
    const a = timed({ queue: 'csr', start: '2026-11-30T22:00:00+08:00', end: '2026-12-01T01:00:00+08:00', breaks: [] });
    const s = scheduledAgents([a], 'csr', starts, 30 * 60_000);
    expect(s.slice(0, 3)).toEqual([1, 1, 0]);
  });
});
