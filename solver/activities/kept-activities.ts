/**
 * What a re-placement keeps of the activities already in a roster: on fixed (published) dates all of them; on
 * other dates those still valid in their shift — a declared activity, on a date of its window, inside its start
 * range (activity-window.ts), over no meal, break or other activity. The rest is taken out to be placed again
 * (the shift moved, a swap gave the shift to someone else, leave removed it), and the hourly breaks they stood
 * in for come back (restore-breaks.ts).
 */
import type { Center } from '../../src/domain/center-schema.ts';
import type { Horizon } from '../model/horizon.ts';
import type { Assignment } from '../roster.ts';
import { activityIndex, isAttendee, startRange, windowDates } from './activity-window.ts';
import { withHourlyBreaks } from './restore-breaks.ts';

const MINUTE = 60_000;

export function keptActivities(assignments: readonly Assignment[], center: Center, h: Horizon, isFixed: (agent: string, date: string) => boolean): { assignments: Assignment[]; dropped: number } {
  const defs = activityIndex(center);
  const agents = new Map(center.agents.map((a) => [a.id, a]));
  let dropped = 0;
  const out = assignments.map((a) => {
    if (!a.activities?.length || isFixed(a.agent, a.date)) return a;
    const startMs = Date.parse(a.start);
    const endMs = Date.parse(a.end);
    const off = a.breaks.map((b) => [Date.parse(b.start), Date.parse(b.start) + b.minutes * MINUTE] as const);
    const keep = a.activities.filter((x, k) => {
      const def = defs.get(x.activity);
      const agent = agents.get(a.agent);
      const from = Date.parse(x.start);
      const to = from + x.minutes * MINUTE;
      if (!def || !agent || !isAttendee(def, agent) || def.minutes !== x.minutes || !windowDates(def, h.dates).includes(a.date)) return false;
      const range = startRange(def, h, a.date, startMs, endMs, center.rules.noBreakFirstMinutes);
      if (!range || from < range[0] || from > range[1]) return false;
      if (off.some(([f, t]) => f < to && from < t)) return false;
      return !a.activities!.some((y, j) => j < k && Date.parse(y.start) < to && from < Date.parse(y.start) + y.minutes * MINUTE);
    });
    dropped += a.activities.length - keep.length;
    return keep.length === a.activities.length ? a : withHourlyBreaks({ ...a, activities: keep }, center);
  });
  return { assignments: out, dropped };
}
