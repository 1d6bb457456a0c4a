// TR1–TR4 activities in the rulebook (FORMATS.md "Center" activities): the window, the seats and every attendee
// (TR2), where in the shift (R9) and the hourly break an activity replaces (R7) — one breaking case with its exact
// penalty and one near miss each. The fixture's E shift is 08:00–16:00, meal 12:00–13:00, breaks at :40.
import { describe, expect, it } from 'vitest';
import type { CenterInput } from '../../src/domain/center-schema.ts';
import type { Assignment } from '../../solver/roster.ts';
import type { Rule } from '../../solver/rules/rule.ts';
import { rule as r7 } from '../../solver/rules/r7-hourly-break.ts';
import { rule as r9 } from '../../solver/rules/r9-break-placement.ts';
import { mostTogether, rule as tr } from '../../solver/rules/tr-activities.ts';
import { windowDates } from '../../solver/activities/activity-window.ts';
import { parseRoster } from '../../solver/roster-file.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { at, context, roster, shift, tinyCenter } from './fixture.ts';

type Activity = NonNullable<CenterInput['activities']>[number];
const EXAM: Activity = { id: 'exam', rule: 'TR2', minutes: 60, attendees: { agents: ['a1', 'a2'] }, days: { from: 1, to: 24 }, hours: { from: '09:00', to: '18:00' }, maxTogether: 1 };
const E_BREAKS = ['08:40', '09:40', '10:40', '11:40', '13:40', '14:40', '15:40'];

const ctxWith = (...defs: Activity[]) => context(tinyCenter((c) => { c.activities = defs; }));
const E = (agent: string, date: string, drop: string[] = []) => shift(agent, date, 'E', undefined, { breaks: E_BREAKS.filter((b) => !drop.includes(b)) });
const withActivity = (a: Assignment, hhmm: string, minutes = 60, activity = 'exam'): Assignment =>
  ({ ...a, activities: [...(a.activities ?? []), { start: at(a.date, hhmm), minutes, activity }] });
const check = (rule: Rule, assignments: Assignment[], ctx = ctxWith(EXAM)) => rule.check(roster(assignments), ctx).map((v) => [v.rule, v.agent ?? null, v.penalty]);

const valid = () => [withActivity(E('a1', '2026-12-01', ['09:40']), '09:00'), withActivity(E('a2', '2026-12-01', ['10:40']), '10:00')];

describe('TR2 every attendee gets the activity, in its window, within its seats', () => {
  it('a valid placement breaks no rule: the exam takes the place of its hour\'s break', () => {
    expect(check(tr, valid())).toEqual([]);
    expect(check(r7, valid())).toEqual([]);
    expect(check(r9, valid())).toEqual([]);
  });
  it('breaks when an attendee with a shift in the window has none (1 activity); near miss: no shift in days 1–24', () => {
    expect(check(tr, [valid()[0], E('a2', '2026-12-01')])).toEqual([['TR2', 'a2', 1]]);
    expect(check(tr, [valid()[0], E('a2', '2026-12-25')])).toEqual([]);
  });
  it('day 25 is outside days 1–24; day 24 is inside', () => {
    expect(check(tr, [withActivity(E('a1', '2026-12-25', ['09:40']), '09:00'), valid()[1]])).toEqual([['TR2', 'a1', 1]]);
    expect(check(tr, [withActivity(E('a1', '2026-12-24', ['09:40']), '09:00'), valid()[1]])).toEqual([]);
  });
  it('hours 09:00–18:00: an exam 17:05–18:05 breaks, 17:00–18:00 does not', () => {
    const late = (hhmm: string) => withActivity(shift('a1', '2026-12-01', 'L', undefined, { breaks: ['12:40', '13:40', '14:40', '15:40', '17:40', '18:40', '19:40'].filter((b) => b !== '17:40') }), hhmm);
    expect(check(tr, [late('17:05'), valid()[1]])).toEqual([['TR2', 'a1', 1]]);
    expect(check(tr, [late('17:00'), valid()[1]])).toEqual([]);
  });
  it('maxTogether 1: two attendees in the same hour break it by 1; one ending as the other starts does not', () => {
    const both = [withActivity(E('a1', '2026-12-01', ['09:40']), '09:00'), withActivity(E('a2', '2026-12-01', ['09:40']), '09:00')];
    expect(check(tr, both)).toEqual([['TR2', null, 1]]);
    expect(mostTogether([{ fromMs: 0, toMs: 10 }, { fromMs: 10, toMs: 20 }]).most).toBe(1);
  });
  it('an activity the center does not declare, or of the wrong length, is refused', () => {
    expect(check(tr, [withActivity(valid()[0], '14:00', 60, 'party'), valid()[1]])).toEqual([['TR2', 'a1', 1]]);
    expect(check(tr, [withActivity(E('a1', '2026-12-01', ['09:40']), '09:00', 45), valid()[1]])).toEqual([['TR2', 'a1', 1]]);
  });
  it('the window is clipped to the month: day 30 of February 2027 is the 28th', () => {
    expect(windowDates({ ...EXAM, days: { from: 30, to: 30 }, perPerson: 1 }, monthDates('2027-02'))).toEqual(['2027-02-28']);
    expect(windowDates({ ...EXAM, days: { from: 24, to: 25 }, perPerson: 1 }, monthDates('2026-12'))).toEqual(['2026-12-24', '2026-12-25']);
  });
});

describe('R9 where an activity may stand in its shift', () => {
  const anyHour: Activity = { ...EXAM, hours: undefined, maxTogether: undefined };
  it('starting 25 min into the shift breaks by 5 min; 30 min in is the near miss', () => {
    expect(check(r9, [withActivity(E('a1', '2026-12-01', ['08:40']), '08:25')], ctxWith(anyHour))).toEqual([['R9', 'a1', 5]]);
    expect(check(r9, [withActivity(E('a1', '2026-12-01', ['08:40']), '08:30')], ctxWith(anyHour))).toEqual([]);
  });
  it('over a kept break it breaks by the 5 overlapping minutes', () => {
    expect(check(r9, [withActivity(E('a1', '2026-12-01'), '09:00')])).toEqual([['R9', 'a1', 5]]);
  });
});

describe('R7 an hour holding 15 minutes of an activity needs no break', () => {
  it('13:50–14:50 leaves 10 min in the 13–14 hour: without its break that hour breaks R7 (1 hour)', () => {
    expect(check(r7, [withActivity(E('a1', '2026-12-01', ['13:40', '14:40']), '13:50')])).toEqual([['R7', 'a1', 1]]);
  });
  it('near miss: 13:45–14:45 holds exactly 15 min of the 13–14 hour', () => {
    expect(check(r7, [withActivity(E('a1', '2026-12-01', ['13:40', '14:40']), '13:45')])).toEqual([]);
  });
});

describe('roster files carry activities', () => {
  it('parseRoster keeps an assignment\'s activities (what validate judges) and refuses one without minutes, by path', () => {
    const file = JSON.parse(JSON.stringify(roster(valid())));
    expect(parseRoster(file).assignments[0].activities).toEqual([{ start: at('2026-12-01', '09:00'), minutes: 60, activity: 'exam' }]);
    delete file.assignments[1].activities[0].minutes;
    expect(() => parseRoster(file)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ where: 'roster: $.assignments[1].activities[0].minutes' })] }));
  });
});

describe('H4 on a shift shortened by approved time off (VTO)', () => {
  it('judges the planned span: 08:00–15:00 worked of 08:00–16:00 planned keeps H4; 07:30–15:00 is outside it (1 shift)', async () => {
    const { rule: h4 } = await import('../../solver/rules/h4-shift-template.ts');
    const planned = { start: at('2026-12-01', '08:00'), end: at('2026-12-01', '16:00') };
    const cut = { ...E('a1', '2026-12-01', ['15:40']), end: at('2026-12-01', '15:00'), planned };
    expect(check(h4, [cut])).toEqual([]);
    expect(check(h4, [{ ...cut, start: at('2026-12-01', '07:30') }])).toEqual([['H4', 'a1', 1]]);
    // Near miss: the same shortened shift without its planned span breaks H4 by the 60 minutes it lacks.
    const { planned: _gone, ...bare } = cut;
    expect(check(h4, [bare])).toEqual([['H4', 'a1', 60]]);
  });
});
