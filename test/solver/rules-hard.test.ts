// Hard rules H1–H4, R4, C1–C3, P1: one breaking case with its exact penalty and one near miss each.
// Expected penalties are computed by hand from the times written in the cases (fixture.ts: Shanghai, +08:00).
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../solver/rules/rule.ts';
import { rule as h1 } from '../../solver/rules/h1-one-shift-per-day.ts';
import { rule as h2 } from '../../solver/rules/h2-queue-skill.ts';
import { rule as h3 } from '../../solver/rules/h3-leave-and-unavailable.ts';
import { rule as h4 } from '../../solver/rules/h4-shift-template.ts';
import { rule as r4 } from '../../solver/rules/r4-start-window.ts';
import { rule as c1 } from '../../solver/rules/c1-min-rest.ts';
import { rule as c2 } from '../../solver/rules/c2-max-consecutive-days.ts';
import { rule as c3 } from '../../solver/rules/c3-working-days.ts';
import { rule as p1 } from '../../solver/rules/p1-pinned-days.ts';
import type { Assignment } from '../../solver/roster.ts';
import { context, days, roster, shift, tinyCenter } from './fixture.ts';

const penalties = (rule: Rule, assignments: Assignment[], ctx = context()) => rule.check(roster(assignments), ctx).map((v) => v.penalty);

describe('H1 one shift per day', () => {
  it('breaks with two shifts on one date (1 extra shift)', () => {
    expect(penalties(h1, [shift('a1', '2026-12-01', 'E'), shift('a1', '2026-12-01', 'L')])).toEqual([1]);
  });
  it('near miss: shifts on consecutive dates', () => {
    expect(penalties(h1, [shift('a1', '2026-12-01', 'E'), shift('a1', '2026-12-02', 'L')])).toEqual([]);
  });
});

describe('H2 skill of the queue worked', () => {
  it('breaks when a csr-only agent works tsr', () => {
    expect(penalties(h2, [shift('a1', '2026-12-01', 'E', undefined, { queue: 'tsr' })])).toEqual([1]);
  });
  it('near miss: the cross-skilled agent works tsr', () => {
    expect(penalties(h2, [shift('a4', '2026-12-01', 'E', undefined, { queue: 'tsr' })])).toEqual([]);
  });
});

describe('H3 leave and unavailable days', () => {
  const center = tinyCenter((c) => {
    c.agents!.find((a) => a.id === 'a1')!.unavailable = [{ date: '2026-12-03', reason: 'leave' }];
  });
  it('breaks with a shift on a day of approved leave (1 day), also for leave passed in', () => {
    expect(penalties(h3, [shift('a1', '2026-12-03', 'E')], context(center))).toEqual([1]);
    expect(penalties(h3, [shift('a2', '2026-12-09', 'E')], context(center, { leave: [{ agent: 'a2', date: '2026-12-09' }] }))).toEqual([1]);
  });
  it('near miss: the day after the leave', () => {
    expect(penalties(h3, [shift('a1', '2026-12-04', 'E')], context(center))).toEqual([]);
  });
});

describe('H4 shift follows its template and contract', () => {
  it('breaks with a fixed start 30 min late (30 min) and a length 30 min short (30 min)', () => {
    expect(penalties(h4, [shift('a1', '2026-12-01', 'E', '08:30')])).toEqual([30]);
    expect(penalties(h4, [shift('a1', '2026-12-01', 'E', '08:00', { minutes: 450 })])).toEqual([30]);
  });
  it('breaks with a template the contract does not allow (1 shift)', () => {
    expect(penalties(h4, [shift('a1', '2026-12-01', 'F')])).toEqual([1]);
  });
  it('near miss: E at 08:00 for 480 min', () => {
    expect(penalties(h4, [shift('a1', '2026-12-01', 'E')])).toEqual([]);
  });
});

describe('R4 floating start inside its window', () => {
  it('breaks 30 min before the window (09:00–16:00) and 15 min off the 30-min step', () => {
    expect(penalties(r4, [shift('f1', '2026-12-01', 'F', '08:30', { breaks: ['09:10', '10:10', '11:10', '12:10'] })])).toEqual([30]);
    expect(penalties(r4, [shift('f1', '2026-12-01', 'F', '09:15', { breaks: ['09:50', '10:50', '11:50', '12:50'] })])).toEqual([15]);
  });
  it('near miss: starting at the latest start 16:00', () => {
    expect(penalties(r4, [shift('f1', '2026-12-01', 'F', '16:00', { breaks: ['16:40', '17:40', '18:40', '19:40'] })])).toEqual([]);
  });
});

describe('C1 minimum rest (11 h)', () => {
  it('breaks with a shift ending 23:00 then E at 08:00: 9 h of rest, 120 min short', () => {
    const late = shift('a1', '2026-12-01', 'L', '12:00', { minutes: 660 });
    expect(penalties(c1, [late, shift('a1', '2026-12-02', 'E')])).toEqual([120]);
  });
  it('near miss: L 12:00–21:00 then E 08:00 is exactly 11 h', () => {
    const late = shift('a1', '2026-12-01', 'L', '12:00', { minutes: 540 });
    expect(penalties(c1, [late, shift('a1', '2026-12-02', 'E')])).toEqual([]);
  });
  it('counts the previous month: a shift ending 30 Nov 23:00 before E on 1 Dec (120 min short)', () => {
    const prev = shift('a1', '2026-11-30', 'L', '12:00', { minutes: 660 });
    expect(penalties(c1, [shift('a1', '2026-12-01', 'E')], context(undefined, { previous: [prev] }))).toEqual([120]);
  });
});

describe('C2 max consecutive working days (6)', () => {
  it('breaks with 7 days in a row (1 day)', () => {
    expect(penalties(c2, days(1, 7).map((d) => shift('a1', d, 'E')))).toEqual([1]);
  });
  it('near miss: 6 days, a day off, 6 days', () => {
    expect(penalties(c2, [...days(1, 6), ...days(8, 6)].map((d) => shift('a1', d, 'E')))).toEqual([]);
  });
  it('counts the previous month: 2 days of November + 5 of December (1 day)', () => {
    const prev = ['2026-11-29', '2026-11-30'].map((d) => shift('a1', d, 'E'));
    expect(penalties(c2, days(1, 5).map((d) => shift('a1', d, 'E')), context(undefined, { previous: prev }))).toEqual([1]);
  });
});

describe('C3 working days in the month', () => {
  const work = (n: number) => [...days(1, 6), ...days(8, 6), ...days(15, 6), ...days(22, 6), ...days(29, 3)].slice(0, n).map((d) => shift('a1', d, 'E'));
  const only = (assignments: Assignment[], ctx = context()) => c3.check(roster(assignments), ctx).filter((v) => v.agent === 'a1').map((v) => v.penalty);
  it('breaks with 15 days against a minimum of 16 (1 day) and 24 against a maximum of 23 (1 day)', () => {
    expect(only(work(15))).toEqual([1]);
    const many = [...days(1, 6), ...days(8, 6), ...days(15, 6), ...days(22, 6)].map((d) => shift('a1', d, 'E'));
    expect(only(many)).toEqual([1]);
  });
  it('near miss: 16 days; and 14 days with 2 days of approved leave (paid, counted)', () => {
    expect(only(work(16))).toEqual([]);
    const center = tinyCenter((c) => {
      c.agents!.find((a) => a.id === 'a1')!.unavailable = [{ date: '2026-12-30', reason: 'leave' }, { date: '2026-12-31', reason: 'leave' }];
    });
    expect(only(work(14), context(center))).toEqual([]);
  });
});

describe('P1 published days unchanged', () => {
  const published = [shift('a1', '2026-12-01', 'E'), shift('a2', '2026-12-01', 'L')];
  const ctx = context(undefined, { pinned: published });
  it('breaks when a published shift changes (1) and when someone gains a shift on a published date (1)', () => {
    expect(penalties(p1, [published[0], shift('a2', '2026-12-01', 'E')], ctx)).toEqual([1]);
    expect(penalties(p1, [...published, shift('a3', '2026-12-01', 'E')], ctx)).toEqual([1]);
  });
  it('near miss: same shifts with the breaks moved by the duty supervisor', () => {
    const moved = { ...published[0], breaks: published[0].breaks.map((b) => (b.kind === 'break' ? { ...b, start: b.start.replace(':40:', ':45:') } : b)) };
    expect(penalties(p1, [moved, published[1]], ctx)).toEqual([]);
  });
});

describe('P1 for a person-day kept alone (a roster fact)', () => {
  // a1's 2026-12-03 is kept as agreed (their E); the date itself is not published.
  const kept = shift('a1', '2026-12-03', 'E');
  const ctx = context(undefined, { pinned: [kept], pinnedAgentDays: [{ agent: 'a1', date: '2026-12-03' }, { agent: 'a2', date: '2026-12-03' }] });
  it('breaks when the kept shift moves (1) and when a2, kept off that day, gains a shift (1)', () => {
    expect(penalties(p1, [shift('a1', '2026-12-03', 'L')], ctx)).toEqual([1]);
    expect(penalties(p1, [kept, shift('a2', '2026-12-03', 'E')], ctx)).toEqual([1]);
  });
  it('near miss: a3, whose day is not kept, gains a shift on that date', () => {
    expect(penalties(p1, [kept, shift('a3', '2026-12-03', 'E')], ctx)).toEqual([]);
  });
});

describe('accepted overtime beside the day\'s shift (kind "overtime")', () => {
  // a1 works E 08:00–16:00 and accepted overtime 16:00–18:00 right after it.
  const ot = (from: string, minutes = 120): Assignment => ({ ...shift('a1', '2026-12-01', 'E', from, { minutes, meal: null, breaks: [] }), shift: 'OT', kind: 'overtime' });
  const day = [shift('a1', '2026-12-01', 'E'), ot('16:00')];
  it('near miss: an extension is neither a second shift (H1), nor a template (H4), nor a rest of 0 h (C1)', () => {
    expect(penalties(h1, day)).toEqual([]);
    expect(penalties(h4, day)).toEqual([]);
    expect(penalties(c1, day)).toEqual([]);
  });
  it('breaks H1 when the overtime overlaps the shift (1), and C1 when it ends at 23:00 before the next day\'s E at 08:00 (9 h of rest, 120 min short)', () => {
    expect(penalties(h1, [shift('a1', '2026-12-01', 'E'), ot('15:00')])).toEqual([1]);
    expect(penalties(c1, [ot('21:00', 120), shift('a1', '2026-12-02', 'E')])).toEqual([120]);
  });
});
