// Leave and swaps move the activities of the shifts they change (src/requests/activity-replacement.ts), on the
// request fixture's December roster with a 1-hour exam for every t1 agent on days 1–24: leave on the exam's day
// re-places it on another of the agent's days from the leave on; a peer swap does not hand one person's exam to
// the other; everyone else's activities stay where they were; the rulebook finds no TR2, R7 or R9 violation after.
import { describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { replaceActivities } from '../../src/requests/activity-replacement.ts';
import { applyChange } from '../../src/requests/roster-versions.ts';
import { placeActivities } from '../../solver/activities/place-activities.ts';
import type { Assignment, Roster } from '../../solver/roster.ts';
import { evaluate } from '../../solver/rules/evaluate.ts';
import { buildRuleContext } from '../../solver/rules/rule.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { MONTH, decemberRoster, testCenter } from './fixture.ts';

const base = testCenter();
const center = parseCenter({ ...base, activities: [{ id: 'exam', rule: 'TR2', minutes: 60, attendees: { team: 't1' }, days: { from: 1, to: 24 } }] });
const plain = decemberRoster(center);
const requirements = plain.coverage.map((c) => ({ queue: c.queue, interval_start: c.interval_start, required: c.required }));
const roster: Roster = { ...plain, assignments: placeActivities({ center, month: MONTH, assignments: plain.assignments, requirements }).assignments };
const examOf = (r: Roster, agent: string) => r.assignments.filter((a) => a.agent === agent && a.activities?.length);
const trouble = (r: Roster, leave: Array<{ agent: string; date: string }> = []) =>
  evaluate(r, buildRuleContext(center, MONTH, monthDates(MONTH), { requirements, leave })).violations.filter((v) => ['TR2', 'R7', 'R9'].includes(v.rule));
const others = (r: Roster, but: string[]) => r.assignments.filter((a) => !but.includes(a.agent)).map((a) => `${a.agent} ${a.date} ${JSON.stringify(a.activities ?? [])}`).sort();

describe('activities follow leave and swaps', () => {
  it('the fixture roster gives every t1 agent one exam and breaks nothing', () => {
    expect(trouble(roster)).toEqual([]);
    expect(examOf(roster, 'a03')).toHaveLength(1);
  });

  it('leave on the exam day re-places the exam on a later day of the agent; nobody else changes', () => {
    const held = examOf(roster, 'a03')[0];
    const change = replaceActivities(center, roster, { removed: [held], added: [] });
    const edited = applyChange(roster, change);
    const moved = examOf(edited, 'a03');
    expect(moved).toHaveLength(1);
    expect(moved[0].date > held.date).toBe(true);
    expect(trouble(edited, [{ agent: 'a03', date: held.date }])).toEqual([]);
    expect(others(edited, ['a03'])).toEqual(others(roster, ['a03']));
  });

  it('a peer swap gives the peer the shift without the exam, and each keeps or regains their own', () => {
    const held = examOf(roster, 'a03')[0];
    const peer = 'a11'; // t2: no exam to attend
    const theirs: Assignment = { ...held, agent: peer };
    const change = replaceActivities(center, roster, { removed: [held], added: [theirs] });
    const edited = applyChange(roster, change);
    expect(examOf(edited, peer)).toEqual([]);
    expect(examOf(edited, 'a03')).toHaveLength(1);
    expect(trouble(edited)).toEqual([]);
  });

  it('a change that touches no activity changes nothing else', () => {
    const someone = roster.assignments.find((a) => a.agent === 'a15')!;
    const change = replaceActivities(center, roster, { removed: [someone], added: [] });
    expect(change).toEqual({ removed: [someone], added: [] });
  });
});
