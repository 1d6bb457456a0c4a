/**
 * R4 intraday: floating shifts re-placed against the reforecast (src/intraday/floating.ts) within their start
 * window (template F: 09:00–18:00, 4 h), with notice, onto the queue that needs them most, breaks by R7/R9.
 * Expected placements are worked out by hand from the requirement grids below.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../solver/roster.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { scheduledAgents, timed } from '../../src/intraday/coverage.ts';
import { replaceFloating } from '../../src/intraday/floating.ts';
import { dayIntervals } from '../../src/time/local-day.ts';
import { smallCenter } from './fixtures/center.ts';

const D = '2026-12-10';
const center = parseCenter(smallCenter([{ id: 'a01', skills: ['csr'] }, { id: 'a02', skills: ['csr', 'tsr'] }, { id: 'a03', skills: ['csr'] }]));
const starts = dayIntervals(D, center.timezone, 30).map((i) => i.startMs);
const idx = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) / 30;
const grid = (need: Record<string, number>) => starts.map((_, i) => need[Object.keys(need).find((k) => idx(k.split('-')[0]) <= i && i < idx(k.split('-')[1]))!] ?? 0);
const f = (agent: string, from: string, queue = 'csr'): Assignment =>
  ({ agent, date: D, shift: 'F', queue, start: `${D}T${from}:00+08:00`, end: `${D}T${String(Number(from.slice(0, 2)) + 4).padStart(2, '0')}${from.slice(2)}:00+08:00`, breaks: [] });

/** Agents on the phones per queue with every assignment as it is now (what replaceFloating expects). */
const coverage = (list: Assignment[]) => new Map(['csr', 'tsr'].map((q) => [q, scheduledAgents(list.map(timed), q, starts, 30 * 60_000)]));

describe('floating shifts intraday (R4)', () => {
  it('moves an evening shift to the understaffed afternoon, not before now + notice, and places R7 breaks', () => {
    // One agent short 13:00–17:00 on csr; nobody needed in the evening.
    const required = new Map([['csr', grid({ '13:00-17:00': 1 })], ['tsr', grid({})]]);
    const assignments = [f('a01', '18:00')];
    const [move] = replaceFloating({
      center, date: D, asOfMs: Date.parse(`${D}T11:00:00+08:00`), intervalStarts: starts, required, scheduled: coverage(assignments),
      assignments, accept: () => true,
    });
    expect(move, JSON.stringify(move)).toMatchObject({ moved: true, gainAgentHours: 4 });
    expect(move.to.start).toBe(`${D}T13:00:00+08:00`);
    expect(move.to.end).toBe(`${D}T17:00:00+08:00`);
    // R7: one 5-minute break in each of the 4 full hours; R9: none in the first 30 minutes.
    expect(move.to.breaks).toHaveLength(4);
    for (const [k, b] of move.to.breaks.entries()) {
      const t = Date.parse(b.start) - Date.parse(move.to.start);
      expect(b.minutes).toBe(5);
      expect(t).toBeGreaterThanOrEqual(Math.max(30, 60 * k) * 60_000);
      expect(t + 5 * 60_000).toBeLessThanOrEqual(60 * (k + 1) * 60_000);
    }
  });

  it('a floating shift holding an exam (TR2) stays where its people were told to attend', () => {
    const required = new Map([['csr', grid({ '13:00-17:00': 1 })], ['tsr', grid({})]]);
    const assignments = [{ ...f('a01', '18:00'), activities: [{ start: `${D}T19:00:00+08:00`, minutes: 60, activity: 'tr2-exam' }] }];
    const [move] = replaceFloating({
      center, date: D, asOfMs: Date.parse(`${D}T11:00:00+08:00`), intervalStarts: starts, required, scheduled: coverage(assignments),
      assignments, accept: () => true,
    });
    expect(move).toMatchObject({ moved: false, reason: 'holds an exam, training or meeting (TR1–TR4)' });
  });

  it('near miss: the need starts before now + 60 minutes of notice, so the earliest start is taken instead', () => {
    const required = new Map([['csr', grid({ '11:00-15:00': 1 })]]);
    const assignments = [f('a01', '18:00')];
    const [move] = replaceFloating({
      center, date: D, asOfMs: Date.parse(`${D}T10:40:00+08:00`), intervalStarts: starts, required, scheduled: coverage(assignments),
      assignments, accept: () => true,
    });
    // now + 60 min = 11:40 → first interval start 12:00; covers 12:00–15:00 of the need = 3 agent-hours.
    expect(move.to.start).toBe(`${D}T12:00:00+08:00`);
    expect(move.gainAgentHours).toBe(3);
  });

  it('a cross-skilled agent goes to the queue that needs them most; a shift that starts too soon stays', () => {
    const required = new Map([['csr', grid({ '14:00-16:00': 1 })], ['tsr', grid({ '14:00-18:00': 1 })]]);
    const assignments = [f('a02', '18:00'), f('a03', '11:30')];
    const moves = replaceFloating({
      center, date: D, asOfMs: Date.parse(`${D}T11:00:00+08:00`), intervalStarts: starts, required, scheduled: coverage(assignments),
      assignments, accept: () => true,
    });
    expect(moves.find((m) => m.agent === 'a02')!.to).toMatchObject({ queue: 'tsr', start: `${D}T14:00:00+08:00` });
    expect(moves.find((m) => m.agent === 'a03')).toMatchObject({ moved: false, reason: 'starts too soon to move (notice)' });
  });

  it('a placement the rulebook refuses is not taken', () => {
    const required = new Map([['csr', grid({ '13:00-17:00': 1 })]]);
    const assignments = [f('a01', '18:00')];
    const [move] = replaceFloating({
      center, date: D, asOfMs: Date.parse(`${D}T11:00:00+08:00`), intervalStarts: starts, required, scheduled: coverage(assignments),
      assignments, accept: (_o, changed) => Date.parse(changed.start) >= Date.parse(`${D}T14:00:00+08:00`),
    });
    expect(move.to.start).toBe(`${D}T14:00:00+08:00`);
  });
});
