/**
 * Attendance boundaries of A1, A2, A5 (MANUAL.md and the original 考勤制度): late = signed in more than 3 minutes
 * (R10 grace) after the start; more than 15 minutes = half a day of absence, more than 30 = a day ("超過" =
 * strictly more); early leave 5–15 minutes = an early leave, 15 or more = half a day, 30 or more = a day.
 * Every boundary (14/15/16 and 29/30/31 minutes) is checked on both sides.
 */
import { describe, expect, it } from 'vitest';
import { classifyDay, type DayEvents } from '../../src/attendance/classify.ts';
import { defaultRules } from '../../src/domain/rules.ts';

const rules = defaultRules();
const START = Date.parse('2026-12-01T08:00:00+08:00');
const END = Date.parse('2026-12-01T17:00:00+08:00');
const MIN = 60_000;
const render = (ms: number) => new Date(ms).toISOString();
const day = (events: Partial<DayEvents>, asOfMs = END + 60 * MIN) =>
  classifyDay({ agent: 'a001', date: '2026-12-01', startMs: START, endMs: END, events: { signIns: [], signOuts: [], ...events }, asOfMs }, rules, render);
const late = (minutes: number) => day({ signIns: [START + minutes * MIN], signOuts: [END] });
const early = (minutes: number) => day({ signIns: [START], signOuts: [END - minutes * MIN] });

describe('A1 late', () => {
  it.each([
    // minutes late, late incident, absence days, status
    [0, false, 0, 'present'],
    [3, false, 0, 'present'], // within the R10 grace
    [4, true, 0, 'late'],
    [14, true, 0, 'late'],
    [15, true, 0, 'late'], // "more than 15" is not met at 15
    [16, false, 0.5, 'late'],
    [29, false, 0.5, 'late'],
    [30, false, 0.5, 'late'], // "more than 30" is not met at 30
    [31, false, 1, 'absent'],
  ] as const)('%i minutes late: incident %s, %s day(s) of absence', (minutes, incident, absence, status) => {
    const d = late(minutes);
    expect(d.late).toBe(incident);
    expect(d.absenceDays).toBe(absence);
    expect(d.status).toBe(status);
    expect(d.rules.includes('A1')).toBe(minutes > 3);
    expect(d.attended).toBe(1 - absence);
  });

  it('fractions of a minute count: 15.5 minutes is more than 15', () => {
    expect(late(15.5).absenceDays).toBe(0.5);
    expect(late(30.01).absenceDays).toBe(1);
  });

  it('a lead\'s excuse (bad weather) clears the lateness', () => {
    const d = day({ signIns: [START + 40 * MIN], signOuts: [END], excuse: { reason: 'typhoon', by: 7 } });
    expect(d).toMatchObject({ late: false, absenceDays: 0, status: 'present', excused: { reason: 'typhoon', by: 7 } });
  });

  it('no sign-in: pending until the start is more than 30 minutes past, then a day of absence (A4)', () => {
    expect(day({}, START + 30 * MIN).status).toBe('pending');
    const d = day({}, START + 31 * MIN);
    expect(d).toMatchObject({ status: 'absent', absenceDays: 1, rules: ['A4'] });
  });
});

describe('A2 early leave', () => {
  it.each([
    [0, false, 0, 'present'],
    [4, false, 0, 'present'],
    [5, true, 0, 'early-leave'],
    [14, true, 0, 'early-leave'],
    [15, false, 0.5, 'early-leave'], // "15 minutes" (or more) = half a day
    [16, false, 0.5, 'early-leave'],
    [29, false, 0.5, 'early-leave'],
    [30, false, 1, 'absent'], // "30 minutes" (or more) = a day
    [31, false, 1, 'absent'],
  ] as const)('%i minutes early: incident %s, %s day(s) of absence', (minutes, incident, absence, status) => {
    const d = early(minutes);
    expect(d.earlyLeave).toBe(incident);
    expect(d.absenceDays).toBe(absence);
    expect(d.status).toBe(status);
    expect(d.rules.includes('A2')).toBe(minutes >= 5);
  });

  it('late by 20 and early by 20: two half days make a day, never more', () => {
    const d = day({ signIns: [START + 20 * MIN], signOuts: [END - 20 * MIN] });
    expect(d.absenceDays).toBe(1);
    expect(d.rules).toEqual(['A1', 'A2']);
    expect(day({ signIns: [START + 40 * MIN], signOuts: [END - 40 * MIN] }).absenceDays).toBe(1);
  });

  it('still on shift: pending until signed out', () => {
    expect(day({ signIns: [START] }, END - 60 * MIN).status).toBe('pending');
    expect(day({ signIns: [START] }, END + MIN).status).toBe('present');
  });
});

describe('A5 left the post', () => {
  it('a record that the person left without approval makes the day an absence', () => {
    const d = day({ signIns: [START], signOuts: [END], leftPost: { reason: 'walked out at 11:00', by: 3 } });
    expect(d).toMatchObject({ status: 'absent', absenceDays: 1, rules: ['A5'] });
  });
  it('near miss: the same day without the record is attended', () => {
    expect(day({ signIns: [START], signOuts: [END] })).toMatchObject({ status: 'present', absenceDays: 0, rules: [] });
  });
});
