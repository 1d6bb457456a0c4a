/**
 * Month consequences (MANUAL A3, A4; original 考勤制度 3): 3 lates or early leaves → the month's performance
 * bonus is withheld; absence 1 day → performance pay zero, up to 2 days → all bonuses withheld, 3 or more → no
 * salary; 3 consecutive days of absence → resignation.
 */
import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../src/attendance/classify.ts';
import { payConsequence, summarizeMonth } from '../../src/attendance/month-summary.ts';
import { teamRate } from '../../src/attendance/team-rate.ts';
import { defaultRules } from '../../src/domain/rules.ts';

const rules = defaultRules();
function rec(date: string, over: Partial<DayRecord> = {}): DayRecord {
  return {
    agent: 'a001', date, shiftStart: null, shiftEnd: null, signIn: null, signOut: null, lateMinutes: null, earlyMinutes: null, late: false,
    earlyLeave: false, absenceDays: 0, rules: [], excused: null, attended: 1, status: 'present', notes: [], ...over,
  };
}
const absent = (date: string, days = 1) => rec(date, { absenceDays: days, attended: 1 - days, status: days >= 1 ? 'absent' : 'late', rules: ['A4'] });

describe('A3 bonus withheld', () => {
  it('2 incidents: kept; 3 (lates and early leaves together): withheld', () => {
    const two = [rec('2026-12-01', { late: true }), rec('2026-12-02', { earlyLeave: true }), rec('2026-12-03')];
    expect(summarizeMonth('a001', 't', '2026-12', two, rules).pay.bonusWithheld).toBe(false);
    const three = [...two, rec('2026-12-04', { late: true })];
    const m = summarizeMonth('a001', 't', '2026-12', three, rules);
    expect(m.pay.bonusWithheld).toBe(true);
    expect(m.pay.rules).toContain('A3');
    expect(m).toMatchObject({ lates: 2, earlyLeaves: 1 });
  });
});

describe('A4 pay consequences', () => {
  it.each([
    [0, 'none'],
    [0.5, 'performance-pay-zero'],
    [1, 'performance-pay-zero'],
    [1.5, 'all-bonuses-withheld'],
    [2, 'all-bonuses-withheld'],
    [2.5, 'all-bonuses-withheld'],
    [3, 'no-salary'],
    [4, 'no-salary'],
  ] as const)('%s day(s) of absence → %s', (days, consequence) => {
    expect(payConsequence(days)).toBe(consequence);
  });

  it('half days add up over the month', () => {
    const m = summarizeMonth('a001', 't', '2026-12', [absent('2026-12-01', 0.5), absent('2026-12-08', 0.5), absent('2026-12-15', 0.5)], rules);
    expect(m.absenceDays).toBe(1.5);
    expect(m.pay.consequence).toBe('all-bonuses-withheld');
  });
});

describe('A4/A5 resignation flag', () => {
  it('3 full absences on consecutive rostered days (a rest day between does not break the run) → resignation', () => {
    // 12-03 is a rest day (no record): 01, 02, 04 are consecutive rostered days.
    const m = summarizeMonth('a001', 't', '2026-12', [absent('2026-12-01'), absent('2026-12-02'), absent('2026-12-04'), rec('2026-12-05')], rules);
    expect(m.pay.resignation).toEqual({ flagged: true, dates: ['2026-12-01', '2026-12-02', '2026-12-04'] });
  });
  it('near miss: an attended day between breaks the run', () => {
    const m = summarizeMonth('a001', 't', '2026-12', [absent('2026-12-01'), absent('2026-12-02'), rec('2026-12-03'), absent('2026-12-04')], rules);
    expect(m.pay.resignation.flagged).toBe(false);
    expect(m.pay.consequence).toBe('no-salary');
  });
  it('near miss: half days do not count toward the run', () => {
    const m = summarizeMonth('a001', 't', '2026-12', [absent('2026-12-01'), absent('2026-12-02', 0.5), absent('2026-12-03')], rules);
    expect(m.pay.resignation.flagged).toBe(false);
  });
});

describe('L9 actual team rate', () => {
  const days = (n: number, absences: number[]) =>
    Array.from({ length: n }, (_, i) => (absences[i] ? absent(`2026-12-${String((i % 5) + 1).padStart(2, '0')}`, absences[i]) : rec(`2026-12-${String((i % 5) + 1).padStart(2, '0')}`)));
  it('19 of 20 agent-days attended = 95%: at the floor, not below', () => {
    const t = teamRate('csr-1', '2026-12', 0.95, days(20, [1]));
    expect(t.rate).toBe(0.95);
    expect(t.below).toBe(false);
    expect(t.marginAgentDays).toBeCloseTo(0, 9);
  });
  it('18 of 20 = 90%: below; leave counts as not attended; daily trend per date', () => {
    const list = days(20, [1]);
    list[1] = rec(list[1].date, { status: 'leave', attended: 0 });
    const t = teamRate('csr-1', '2026-12', 0.95, list);
    expect(t.rate).toBe(0.9);
    expect(t.below).toBe(true);
    expect(t.daily).toHaveLength(5);
    expect(t.daily[0]).toMatchObject({ date: '2026-12-01', rostered: 4, attended: 3, absent: 1, rate: 0.75 });
    expect(t.daily[1]).toMatchObject({ date: '2026-12-02', rostered: 4, leave: 1, rate: 0.75 });
  });
  it('a half day of absence attends half', () => {
    expect(teamRate('csr-1', '2026-12', 0.95, days(20, [0.5])).rate).toBe(0.975);
  });
});
