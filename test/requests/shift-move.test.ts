/**
 * Pure pieces: moving a shift keeps local wall-clock times across a daylight-saving change (Europe/Berlin
 * springs forward on 2026-03-29: +01:00 → +02:00), breaks keep their offset from the start; a change is
 * judged by the hard violations it adds, not those already there, and by intervals it takes below the
 * requirement.
 */
import { describe, expect, it } from 'vitest';
import { centerSchema, type Center } from '../../src/domain/center-schema.ts';
import { addedHardViolations, coverageDrops } from '../../src/requests/rulebook.ts';
import { moveAssignment, reassign } from '../../src/requests/shift-move.ts';
import type { Assignment, Violation } from '../../solver/roster.ts';

const berlin = centerSchema.parse({
  id: 'b', name: 'b', timezone: 'Europe/Berlin', intervalMinutes: 30,
  open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '06:00', to: '22:00' }],
  queues: [{ id: 'q', kind: 'inbound' }],
  shiftTemplates: [{ id: 'E', start: '08:00', minutes: 480 }, { id: 'M', start: ['09:00', '11:00'], minutes: 360 }],
  agents: [{ id: 'x', role: 'agent' }, { id: 'y', role: 'lead' }],
}) as Center;

const early: Assignment = {
  agent: 'x', date: '2026-03-28', shift: 'E', queue: 'q', start: '2026-03-28T08:00:00+01:00', end: '2026-03-28T16:00:00+01:00',
  report: '2026-03-28T07:50:00+01:00',
  breaks: [{ start: '2026-03-28T09:15:00+01:00', minutes: 5, kind: 'break' }, { start: '2026-03-28T12:00:00+01:00', minutes: 30, kind: 'meal' }],
};

describe('moving a shift', () => {
  it('keeps 08:00 local on the day after the clocks change, and the breaks\' offsets', () => {
    const moved = moveAssignment(berlin, early, { date: '2026-03-29' });
    expect(moved).toMatchObject({ date: '2026-03-29', start: '2026-03-29T08:00:00+02:00', end: '2026-03-29T16:00:00+02:00', report: '2026-03-29T07:50:00+02:00' });
    expect(moved.breaks.map((b) => b.start)).toEqual(['2026-03-29T09:15:00+02:00', '2026-03-29T12:00:00+02:00']);
  });

  it('a new template takes its length; its window bounds the start; breaks outside the shorter shift drop', () => {
    const moved = moveAssignment(berlin, early, { date: '2026-03-28', shift: 'M', start: '10:30' });
    expect(moved).toMatchObject({ shift: 'M', start: '2026-03-28T10:30:00+01:00', end: '2026-03-28T16:30:00+01:00' });
    expect(moved.breaks.map((b) => b.start)).toEqual(['2026-03-28T11:45:00+01:00', '2026-03-28T14:30:00+01:00']);
    expect(() => moveAssignment(berlin, early, { date: '2026-03-28', shift: 'M', start: '11:30' })).toThrow(/between 09:00 and 11:00/);
    expect(() => moveAssignment(berlin, early, { date: '2026-03-28', shift: 'M', start: '09:10' })).toThrow(/steps of 30 minutes/);
    expect(() => moveAssignment(berlin, early, { date: '2026-03-28', start: '09:00' })).toThrow(/starts at 08:00/);
  });

  it('given to a lead, the report time follows the lead\'s 20 minutes (R10)', () => {
    expect(reassign(berlin, early, 'y').report).toBe('2026-03-28T07:40:00+01:00');
  });
});

describe('judging a change', () => {
  const v = (rule: string, agent: string, penalty: number, level: 'hard' | 'soft' = 'hard'): Violation => ({ rule, level, agent, penalty, unit: 'days', message: '' });
  it('counts only hard violations the change adds or makes heavier', () => {
    const before = [v('C5', 'x', 1), v('C9', 'y', 1), v('Q2', 'x', 3, 'soft')];
    const after = [v('C5', 'x', 2), v('C9', 'y', 1), v('C9', 'x', 1), v('Q2', 'x', 9, 'soft')];
    expect(addedHardViolations(before, after).map((x) => `${x.rule}:${x.agent}`)).toEqual(['C5:x', 'C9:x']);
    expect(addedHardViolations(after, after)).toEqual([]);
  });
  it('an interval falls below only if it is below the requirement and lower than before', () => {
    const row = (scheduled: number, required = 2) => ({ queue: 'q', interval_start: '2026-03-28T09:00:00+01:00', required, scheduled });
    expect(coverageDrops([row(2)], [row(1)])).toHaveLength(1);
    expect(coverageDrops([row(1)], [row(1)])).toEqual([]);
    expect(coverageDrops([row(4)], [row(2)])).toEqual([]);
  });
});
