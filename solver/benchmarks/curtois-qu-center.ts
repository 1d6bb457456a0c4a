/**
 * Maps a Curtois & Qu instance onto ShiftCast's own problem, so the product's general contract rules judge
 * benchmark solutions: shift types → shift templates (`cannotBeFollowedBy`), staff → agents whose contracts
 * carry C2 (max consecutive days), C4–C9, fixed days off → `unavailable`, requests → preferences, and each
 * shift type's cover → one queue with one requirement row per day. The horizon starts on Monday 2024-01-01
 * (any Monday would do); the benchmark gives no clock times, so every template nominally starts at 00:00.
 */
import { DateTime } from 'luxon';
import { centerSchema, type Center, type CenterInput } from '../../src/domain/center-schema.ts';
import type { Assignment, Roster } from '../roster.ts';
import type { RequirementRow } from '../rules/rule.ts';
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';

export const HORIZON_START = '2024-01-01';

export function horizonDates(instance: CqInstance, start = HORIZON_START): string[] {
  const first = DateTime.fromISO(start, { zone: 'utc' });
  return Array.from({ length: instance.horizon }, (_, d) => first.plus({ days: d }).toISODate() as string);
}

export const coverQueue = (shiftId: string): string => `cover-${shiftId}`;

export function toCenter(instance: CqInstance, start = HORIZON_START): Center {
  const dates = horizonDates(instance, start);
  const input: CenterInput = {
    id: instance.name,
    name: `Curtois & Qu ${instance.name}`,
    timezone: 'UTC',
    locale: 'en',
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }],
    queues: instance.shifts.map((s) => ({ id: coverQueue(s.id), kind: 'inbound' as const })),
    shiftTemplates: instance.shifts.map((s) => ({ id: s.id, start: '00:00', minutes: s.minutes, cannotBeFollowedBy: s.cannotFollow })),
    agents: instance.staff.map((s) => ({
      id: s.id,
      skills: instance.shifts.map((t) => coverQueue(t.id)),
      contract: {
        minDays: 0,
        maxDays: instance.horizon,
        maxConsecutiveDays: Math.max(1, s.maxConsecutiveShifts),
        minConsecutiveDays: Math.max(1, s.minConsecutiveShifts),
        minConsecutiveDaysOff: Math.max(1, s.minConsecutiveDaysOff),
        maxWorkingWeekends: s.maxWeekends,
        minMinutes: s.minTotalMinutes,
        maxMinutes: s.maxTotalMinutes,
        maxShiftsPerTemplate: { ...s.maxShifts },
      },
      unavailable: s.daysOff.map((d) => ({ date: dates[d], reason: 'fixed day off' })),
      preferences: [
        ...instance.onRequests.filter((r) => instance.staff[r.employee] === s).map((r) => ({ date: dates[r.day], want: instance.shifts[r.shift].id, weight: r.weight })),
        ...instance.offRequests.filter((r) => instance.staff[r.employee] === s).map((r) => ({ date: dates[r.day], avoid: instance.shifts[r.shift].id, weight: r.weight })),
      ],
    })),
  };
  return { ...centerSchema.parse(input), id: instance.name };
}

/** One requirement row per cover row: queue = the shift type's queue, interval_start = the day at 00:00. */
export function toRequirements(instance: CqInstance, start = HORIZON_START): RequirementRow[] {
  const dates = horizonDates(instance, start);
  return instance.cover.map((c) => ({ queue: coverQueue(instance.shifts[c.shift].id), interval_start: `${dates[c.day]}T00:00:00Z`, required: c.requirement }));
}

/** The solution as a ShiftCast roster (assignments only; coverage and score are left for the rules to judge). */
export function toRoster(instance: CqInstance, solution: CqSolution, start = HORIZON_START): Roster {
  const dates = horizonDates(instance, start);
  const assignments: Assignment[] = [];
  solution.forEach((row, e) =>
    row.forEach((t, d) => {
      if (t < 0) return;
      const shift = instance.shifts[t];
      const begin = DateTime.fromISO(`${dates[d]}T00:00:00Z`, { zone: 'utc' });
      assignments.push({
        agent: instance.staff[e].id,
        date: dates[d],
        shift: shift.id,
        queue: coverQueue(shift.id),
        start: begin.toISO({ suppressMilliseconds: true }) as string,
        end: begin.plus({ minutes: shift.minutes }).toISO({ suppressMilliseconds: true }) as string,
        breaks: [],
      });
    }),
  );
  return { center: instance.name, month: dates[0].slice(0, 7), assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
}
