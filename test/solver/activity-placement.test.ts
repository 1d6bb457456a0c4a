// Placing activities where they cost least (solver/activities/place-activities.ts), on the tiny center with the
// best slot computed by hand: two or four agents on E (08:00–16:00, meal 12:00–13:00) and a requirement whose only
// surplus is 10:00–11:00. Prices are agent-hours of understaffing added (30-minute intervals = 0.5 h).
import { describe, expect, it } from 'vitest';
import type { CenterInput } from '../../src/domain/center-schema.ts';
import { placeActivities } from '../../solver/activities/place-activities.ts';
import { mostTogether } from '../../solver/rules/tr-activities.ts';
import { evaluate } from '../../solver/rules/evaluate.ts';
import type { Assignment } from '../../solver/roster.ts';
import { MONTH, at, context, roster, shift, tinyCenter } from './fixture.ts';

type Activity = NonNullable<CenterInput['activities']>[number];
const DAY = '2026-12-01';
const exam = (agents: string[], extra: Partial<Activity> = {}): Activity => ({ id: 'exam', rule: 'TR2', minutes: 60, attendees: { agents }, days: { from: 1, to: 1 }, ...extra });
const noBreaks = (c: CenterInput) => { c.rules = { ...c.rules, hourlyBreakMinutes: 0 }; };
const E = (agent: string, breaks = true) => shift(agent, DAY, 'E', undefined, breaks ? {} : { breaks: [] });

/** Required agents per 30-minute interval of 08:00–16:00 on DAY: `base`, `surplusHour` at 10:00–11:00, none at the meal hour. */
function requirements(base: number, surplusHour: number) {
  const rows = [];
  for (let m = 8 * 60; m < 16 * 60; m += 30) {
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const required = m >= 12 * 60 && m < 13 * 60 ? 0 : m >= 10 * 60 && m < 11 * 60 ? surplusHour : base;
    rows.push({ queue: 'csr', interval_start: at(DAY, hhmm), required });
  }
  return rows;
}

const place = (defs: Activity[], assignments: Assignment[], reqs = requirements(2, 1), change?: (c: CenterInput) => void) => {
  const center = tinyCenter((c) => { c.activities = defs; change?.(c); });
  return { center, result: placeActivities({ center, month: MONTH, assignments, requirements: reqs }) };
};
const startsOf = (assignments: Assignment[]) => assignments.flatMap((a) => (a.activities ?? []).map((x) => `${a.agent} ${x.start.slice(11, 16)}`));

describe('placing activities where they cost least', () => {
  it('puts the exam in the only surplus hour, 10:00–11:00, at no cost', () => {
    const { result } = place([exam(['a1'])], [E('a1', false), E('a2', false)], requirements(2, 1), noBreaks);
    expect(startsOf(result.assignments)).toEqual(['a1 10:00']);
    expect(result.addedUnderstaffed).toBe(0);
    expect(result.activityHours).toBe(1);
  });

  it('with no surplus anywhere still places it and reports its price: 1 agent-hour', () => {
    const { result } = place([exam(['a1'])], [E('a1', false), E('a2', false)], requirements(2, 2), noBreaks);
    expect(result.placed).toBe(1);
    expect(result.unscheduled).toEqual([]);
    expect(result.addedUnderstaffed).toBe(1);
  });

  it('takes the place of the hour\'s break: 60 min off the phones less the 5-min break = 55/60 agent-hours, R7 kept', () => {
    const { center, result } = place([exam(['a1'])], [E('a1'), E('a2')], requirements(2, 2));
    expect(result.addedUnderstaffed).toBeCloseTo(55 / 60, 4);
    const a1 = result.assignments.find((a) => a.agent === 'a1')!;
    expect(a1.breaks.filter((b) => b.kind === 'break')).toHaveLength(6);
    const hard = evaluate(roster(result.assignments), context(center, { requirements: requirements(2, 2) })).violations.filter((v) => ['R7', 'R9', 'TR2'].includes(v.rule));
    expect(hard).toEqual([]);
  });

  it('maxTogether 2 with three attendees: two in the surplus hour, the third elsewhere at 1 agent-hour', () => {
    const four = ['a1', 'a2', 'a3', 'a4'].map((a) => E(a, false));
    const { result } = place([exam(['a1', 'a2', 'a3'], { maxTogether: 2 })], four, requirements(4, 1), noBreaks);
    const spans = result.assignments.flatMap((a) => (a.activities ?? []).map((x) => ({ fromMs: Date.parse(x.start), toMs: Date.parse(x.start) + 3_600_000 })));
    expect(spans).toHaveLength(3);
    expect(mostTogether(spans).most).toBe(2);
    expect(startsOf(result.assignments).filter((s) => s.endsWith('10:00'))).toHaveLength(2);
    expect(result.addedUnderstaffed).toBe(1);
    // Near miss: three seats hold all three in the surplus hour, free.
    const roomy = place([exam(['a1', 'a2', 'a3'], { maxTogether: 3 })], four, requirements(4, 1), noBreaks).result;
    expect(startsOf(roomy.assignments).every((s) => s.endsWith('10:00'))).toBe(true);
    expect(roomy.addedUnderstaffed).toBe(0);
  });

  it('reports an attendee with no shift in the window (leave) and schedules nothing for them', () => {
    const { result } = place([exam(['a1', 'a3'])], [E('a1', false), E('a2', false)], requirements(2, 1), noBreaks);
    expect(result.unscheduled).toEqual([{ agent: 'a3', activity: 'exam', reason: expect.stringContaining('no shift on days 1–1') }]);
    expect(startsOf(result.assignments)).toEqual(['a1 10:00']);
  });

  it('keeps a valid activity where it is and re-places one whose shift moved', () => {
    const placed = { ...E('a1', false), activities: [{ start: at(DAY, '14:00'), minutes: 60, activity: 'exam' }] };
    const kept = place([exam(['a1'])], [placed, E('a2', false)], requirements(2, 1), noBreaks).result;
    expect(startsOf(kept.assignments)).toEqual(['a1 14:00']);
    const moved = { ...shift('a1', DAY, 'L', undefined, { breaks: [] }), activities: placed.activities };
    const again = place([exam(['a1'])], [moved, E('a2', false)], requirements(2, 1), noBreaks).result;
    const a1 = again.assignments.find((a) => a.agent === 'a1')!;
    expect(a1.activities).toHaveLength(1);
    expect(Date.parse(a1.activities![0].start)).toBeGreaterThanOrEqual(Date.parse(at(DAY, '12:30')));
  });
});
