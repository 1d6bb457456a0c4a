/**
 * When leave, a swap or a rest-day move changes someone's shifts, their activities (exams, training, meetings:
 * TR1–TR4) move with them: the new shifts start without any (a swapped shift does not carry the other person's
 * exam), and every activity the people of the change lost is placed again where it costs least, on their days
 * from the change's first date on (days before it and everyone else's stay as they are). The change grows by the
 * shifts this touches, so the rulebook judges and the new version stores the whole of it.
 */
import { placeActivities } from '../../solver/activities/place-activities.ts';
import { withoutActivities } from '../../solver/activities/restore-breaks.ts';
import type { Assignment, Roster } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import { applyChange, type RosterChange } from './roster-versions.ts';

const key = (a: Assignment) => `${a.agent}|${a.date}|${Date.parse(a.start)}`;


export function replaceActivities(center: Center, roster: Roster, change: RosterChange): RosterChange {
  if (center.activities.length === 0 || change.removed.length + change.added.length === 0) return change;
  const added = change.added.map((a) => withoutActivities(a, center));
  const edited = applyChange(roster, { removed: change.removed, added });
  const people = new Set([...change.removed, ...change.added].map((a) => a.agent));
  const from = [...change.removed, ...change.added].map((a) => a.date).sort()[0];
  const placed = placeActivities({
    center, month: roster.month, assignments: edited.assignments,
    requirements: roster.coverage.map((c) => ({ queue: c.queue, interval_start: c.interval_start, required: c.required })),
    isFixed: (agent, date) => !people.has(agent) || date < from,
  });
  const addedKeys = new Map(added.map((a, i) => [key(a), i]));
  const removed = [...change.removed];
  placed.assignments.forEach((a, i) => {
    const was = edited.assignments[i];
    if (a === was) return;
    const k = addedKeys.get(key(was));
    if (k !== undefined) added[k] = a;
    else {
      removed.push(was);
      added.push(a);
    }
  });
  return { removed, added };
}
