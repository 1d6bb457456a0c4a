// Soft rules R3, Q1, L9, Q2–Q6, R12: one breaking case with its exact penalty and one near miss each.
// R3/Q1 by hand: an interval of 30 min; a 5-minute break removes 5/30 of an agent; penalty × 0.5 h.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../solver/rules/rule.ts';
import { rule as r3 } from '../../solver/rules/r3-understaffing.ts';
import { rule as q1 } from '../../solver/rules/q1-overstaffing.ts';
import { rule as l9 } from '../../solver/rules/l9-planned-attendance.ts';
import { rule as q2 } from '../../solver/rules/q2-weekend-fairness.ts';
import { rule as q3 } from '../../solver/rules/q3-late-fairness.ts';
import { rule as q4 } from '../../solver/rules/q4-days-off-fairness.ts';
import { rule as q5 } from '../../solver/rules/q5-stable-start.ts';
import { rule as q6 } from '../../solver/rules/q6-preferences.ts';
import { rule as r12 } from '../../solver/rules/r12-bus-departures.ts';
import type { Assignment } from '../../solver/roster.ts';
import type { Center } from '../../src/domain/center-schema.ts';
import { at, context, days, roster, shift, tinyCenter } from './fixture.ts';

const penalties = (rule: Rule, assignments: Assignment[], center?: Center, parts = {}) =>
  rule.check(roster(assignments), context(center, parts)).map((v) => Math.round(v.penalty * 1e6) / 1e6);
const two = [shift('a1', '2026-12-01', 'E'), shift('a2', '2026-12-01', 'E')];
const req = (time: string, required: number) => ({ requirements: [{ queue: 'csr', interval_start: at('2026-12-01', time), required }] });

describe('R3 understaffing', () => {
  it('breaks at 08:30 where both agents take their 08:40 break: 2 − 2·5/30 on the phones, 2 required (1/6 agent-hour)', () => {
    expect(penalties(r3, two, undefined, req('08:30', 2))).toEqual([0.166667]);
  });
  it('near miss: 08:00, no break yet, exactly 2 on the phones', () => {
    expect(penalties(r3, two, undefined, req('08:00', 2))).toEqual([]);
  });
});

describe('Q1 overstaffing', () => {
  it('breaks at 08:00 with 2 on the phones and 1 required (0.5 agent-hour)', () => {
    expect(penalties(q1, two, undefined, req('08:00', 1))).toEqual([0.5]);
  });
  it('near miss: 2 required', () => {
    expect(penalties(q1, two, undefined, req('08:00', 2))).toEqual([]);
  });
});

describe('L9 planned attendance ≥ 95% per team', () => {
  const center = tinyCenter((c) => {
    c.agents!.find((a) => a.id === 'b1')!.unavailable = [{ date: '2026-12-20', reason: 'leave' }];
  });
  const team2 = (n: number) =>
    [...days(1, 6), ...days(8, 6)].flatMap((d) => [shift('l2', d, 'E'), shift('b2', d, 'E')]).slice(0, n);
  it('breaks with 18 days worked and 1 day of leave: 18/19 = 94.737% (0.263158 points below 95%)', () => {
    expect(penalties(l9, team2(18), center)).toEqual([0.263158]);
  });
  it('near miss: 19 days worked and 1 day of leave is exactly 95%', () => {
    expect(penalties(l9, team2(19), center)).toEqual([]);
  });
});

describe('Q2–Q4 fairness within a team (t1 on E/L: l1, a1–a4)', () => {
  const weekend = ['2026-12-05', '2026-12-06', '2026-12-12', '2026-12-13'];
  it('Q2 breaks when a1 works 4 weekend days and the others none: mean 0.8, a1 is 2.2 days beyond ±1', () => {
    expect(penalties(q2, weekend.map((d) => shift('a1', d, 'E')))).toEqual([2.2]);
  });
  it('Q2 near miss: one weekend day (within a day of the mean)', () => {
    expect(penalties(q2, [shift('a1', weekend[0], 'E')])).toEqual([]);
  });
  it('Q3 breaks with 4 late shifts (ending 21:00) for a1 only (2.2), not with shifts ending 20:59', () => {
    expect(penalties(q3, days(1, 4).map((d) => shift('a1', d, 'L', '12:00', { minutes: 540 })))).toEqual([2.2]);
    expect(penalties(q3, days(1, 4).map((d) => shift('a1', d, 'L', '12:00', { minutes: 539 })))).toEqual([]);
  });
  it('Q4 breaks with 3 working days for a1 only (mean 0.6: 1.4 days beyond)', () => {
    expect(penalties(q4, days(1, 3).map((d) => shift('a1', d, 'E')))).toEqual([1.4]);
  });
  it('Q4 near miss: a1 3 days, l1/a3/a4 2 days, a2 3 days of approved leave (paid days count: 3,3,2,2,2)', () => {
    const center = tinyCenter((c) => {
      c.agents!.find((a) => a.id === 'a2')!.unavailable = ['2026-12-10', '2026-12-11', '2026-12-12'].map((date) => ({ date, reason: 'leave' }));
    });
    const work = [...days(1, 3).map((d) => shift('a1', d, 'E')), ...['l1', 'a3', 'a4'].flatMap((a) => days(1, 2).map((d) => shift(a, d, 'E')))];
    expect(penalties(q4, work, center)).toEqual([]);
    // Without counting a2's leave the spread would be 3,0,2,2,2: mean 1.8, 1.0 day beyond.
    expect(penalties(q4, work)).toEqual([1]);
  });
});

describe('Q5 stable start times across a week', () => {
  it('breaks with E (08:00) on Tuesday and L (12:00) on Wednesday of the same week (4 h)', () => {
    expect(penalties(q5, [shift('a1', '2026-12-01', 'E'), shift('a1', '2026-12-02', 'L')])).toEqual([4]);
  });
  it('near miss: L on Sunday 6 Dec, E on Monday 7 Dec (another week); floating shifts are exempt', () => {
    expect(penalties(q5, [shift('a1', '2026-12-06', 'L'), shift('a1', '2026-12-07', 'E')])).toEqual([]);
    expect(penalties(q5, [shift('f1', '2026-12-01', 'F', '09:00'), shift('f1', '2026-12-02', 'F', '15:00', { breaks: ['15:40', '16:40', '17:40', '18:40'] })])).toEqual([]);
  });
});

describe('Q6 preferences', () => {
  const center = tinyCenter((c) => {
    c.agents!.find((a) => a.id === 'a1')!.preferences = [
      { date: '2026-12-03', want: 'off', weight: 2 },
      { date: '2026-12-04', want: 'E', weight: 1 },
      { date: '2026-12-05', avoid: 'L', weight: 3 },
    ];
  });
  it('breaks: works on a wished day off (2) and works the avoided L (3)', () => {
    expect(penalties(q6, [shift('a1', '2026-12-03', 'E'), shift('a1', '2026-12-04', 'E'), shift('a1', '2026-12-05', 'L')], center)).toEqual([2, 3]);
  });
  it('near miss: off on the 3rd, E on the 4th, E (not L) on the 5th', () => {
    expect(penalties(q6, [shift('a1', '2026-12-04', 'E'), shift('a1', '2026-12-05', 'E')], center)).toEqual([]);
  });
});

describe('R12 shift ends 10–15 min before a bus', () => {
  const withBus = (time: string) => tinyCenter((c) => (c.busDepartures = [time]));
  it('breaks when the bus leaves 30 min after E ends at 16:00 (15 min beyond the 15-min lead)', () => {
    expect(penalties(r12, [shift('a1', '2026-12-01', 'E')], withBus('16:30'))).toEqual([15]);
  });
  it('near miss: the bus leaves 16:15, exactly 15 min after the end', () => {
    expect(penalties(r12, [shift('a1', '2026-12-01', 'E')], withBus('16:15'))).toEqual([]);
  });
  it('is hard where the template has a start that meets a bus: F (09:00–16:00, 4 h) at 09:00 with a 16:15 bus (12:00 would end 16:00)', () => {
    const v = r12.check(roster([shift('f1', '2026-12-01', 'F', '09:00')]), context(withBus('16:15')));
    expect(v.map((x) => [x.level, x.penalty])).toEqual([['hard', 180]]);
    // …and soft where it has none (E's only start ends 16:00, a 16:30 bus is 30 min away).
    expect(r12.check(roster([shift('a1', '2026-12-01', 'E')]), context(withBus('16:30')))[0].level).toBe('soft');
  });
});
