/**
 * Where an activity may go (FORMATS.md "Center" activities, MANUAL TR1–TR4): who attends, on which dates of the
 * month (the definition's days clipped to the month's length: day 30 of February is the 28th), and inside one
 * shift, the earliest and latest start — not in the shift's first minutes (R9), wholly inside the shift, inside
 * the local hours when given. Shared by the rulebook (to check) and the solver (to place).
 */
import type { Agent, Center } from '../../src/domain/center-schema.ts';
import type { ActivityDefinition } from '../../src/domain/activity-schema.ts';
import { clockMinutes } from '../../src/time/clock.ts';
import type { Horizon } from '../model/horizon.ts';

const MINUTE = 60_000;

export function isAttendee(def: ActivityDefinition, agent: Agent): boolean {
  const who = def.attendees;
  if ('role' in who) return agent.role === who.role;
  if ('team' in who) return agent.team === who.team;
  return who.agents.includes(agent.id);
}

export function attendeesOf(def: ActivityDefinition, center: Center): Agent[] {
  return center.agents.filter((a) => isAttendee(def, a));
}

/** The month's dates in the activity's days, clipped to the month's length. */
export function windowDates(def: ActivityDefinition, dates: readonly string[]): string[] {
  const last = dates.length;
  const from = Math.min(def.days.from, last);
  const to = Math.min(def.days.to, last);
  return dates.slice(from - 1, to);
}

/** [earliest, latest] start of the activity in a shift on `date` (ms), or null when it cannot fit. */
export function startRange(
  def: ActivityDefinition, h: Horizon, date: string, shiftStartMs: number, shiftEndMs: number, noBreakFirstMinutes: number,
): [number, number] | null {
  let from = shiftStartMs + noBreakFirstMinutes * MINUTE;
  let to = shiftEndMs - def.minutes * MINUTE;
  if (def.hours) {
    from = Math.max(from, h.instant(date, clockMinutes(def.hours.from)));
    to = Math.min(to, h.instant(date, clockMinutes(def.hours.to)) - def.minutes * MINUTE);
  }
  return to >= from ? [from, to] : null;
}

/** The activity definitions of a center by id. */
export function activityIndex(center: Center): Map<string, ActivityDefinition> {
  return new Map(center.activities.map((d) => [d.id, d]));
}
