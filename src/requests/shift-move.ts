/**
 * Moving a rostered shift: to another day, another start or another template (R5, R6), or to another agent
 * (a peer swap, a cover). Local wall-clock times are kept in the center's zone (luxon), lengths in elapsed
 * minutes; breaks, the meal and the report time keep their offsets from the start. Breaks that would fall
 * outside a shorter shift are dropped and the rulebook then judges the result (R7, R8, R9).
 */
import { DateTime } from 'luxon';
import type { Assignment } from '../../solver/roster.ts';
import type { Center, ShiftTemplate } from '../domain/center-schema.ts';
import { ValidationError } from '../errors.ts';
import { clockMinutes } from '../time/clock.ts';
import { isoWithOffset } from '../time/local-day.ts';

export interface MoveTarget {
  date: string;
  /** Another template id. */
  shift?: string;
  /** A new start "HH:MM" inside the template's window. */
  start?: string;
}

function template(center: Center, id: string, where: string): ShiftTemplate {
  const t = center.shiftTemplates.find((x) => x.id === id);
  if (!t) throw new ValidationError(`unknown shift template "${id}"`, [{ where, message: 'unknown shift template' }], 422);
  return t;
}

/** The start minute-of-day of the moved shift: the one asked (checked against the template), else kept. */
function startMinute(center: Center, t: ShiftTemplate, asked: string | undefined, current: number, where: string): number {
  const [lo, hi] = typeof t.start === 'string' ? [t.start, t.start] : t.start;
  const [a, b] = [clockMinutes(lo), clockMinutes(hi)];
  if (asked === undefined) return current >= a && current <= b ? current : a;
  const m = clockMinutes(asked);
  if (m < a || m > b || (m - a) % center.intervalMinutes !== 0) {
    const allowed = a === b ? `starts at ${lo}` : `starts between ${lo} and ${hi} in steps of ${center.intervalMinutes} minutes`;
    throw new ValidationError(`template "${t.id}" ${allowed}; ${asked} is not allowed`, [{ where, message: `template ${t.id} ${allowed}` }], 422);
  }
  return m;
}

export function moveAssignment(center: Center, a: Assignment, to: MoveTarget): Assignment {
  const zone = center.timezone;
  const oldStart = DateTime.fromISO(a.start, { zone });
  const oldEnd = DateTime.fromISO(a.end, { zone });
  const t = template(center, to.shift ?? a.shift, 'body.toShift');
  const minute = startMinute(center, t, to.start, oldStart.hour * 60 + oldStart.minute, 'body.toStart');
  const day = DateTime.fromISO(to.date, { zone });
  const start = day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  const minutes = to.shift && to.shift !== a.shift ? t.minutes : Math.round(oldEnd.diff(oldStart, 'minutes').minutes);
  const end = start.plus({ minutes });
  const shiftBy = (iso: string) => isoWithOffset(start.plus({ milliseconds: DateTime.fromISO(iso, { zone }).toMillis() - oldStart.toMillis() }));
  const breaks = a.breaks
    .map((b) => ({ ...b, start: shiftBy(b.start) }))
    .filter((b) => Date.parse(b.start) >= start.toMillis() && Date.parse(b.start) + b.minutes * 60_000 <= end.toMillis());
  return {
    ...a,
    date: to.date,
    shift: t.id,
    start: isoWithOffset(start),
    end: isoWithOffset(end),
    breaks,
    ...(a.report ? { report: shiftBy(a.report) } : {}),
  };
}

/** The same shift worked by another person; the report time follows that person's role (R10). */
export function reassign(center: Center, a: Assignment, agentId: string): Assignment {
  const agent = center.agents.find((x) => x.id === agentId);
  if (!agent) throw new ValidationError(`unknown agent "${agentId}"`, [{ where: 'agent', message: 'unknown agent' }], 422);
  const moved: Assignment = { ...a, agent: agentId, breaks: a.breaks.map((b) => ({ ...b })) };
  if (a.report) {
    const before = center.rules.reportBeforeMinutes[agent.role];
    moved.report = isoWithOffset(DateTime.fromISO(a.start, { zone: center.timezone }).minus({ minutes: before }));
  }
  return moved;
}
