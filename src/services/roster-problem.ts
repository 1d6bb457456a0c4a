/**
 * Builds the solver's problem for a stored center and month: the current requirements, approved leave, the
 * published days to keep (P1) and the previous month's last week (rest C1 and consecutive days C2 across the
 * boundary). Days of a published version before `replanFrom` stay as published; later days are solved again.
 */
import { DateTime } from 'luxon';
import type { RosterProblem } from '../../solver/problem.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { currentRequirements } from '../db/repos/requirements.ts';
import { getAssignments, publishedRoster } from '../db/repos/rosters.ts';
import { ValidationError } from '../errors.ts';
import { monthDates } from '../time/local-day.ts';
import { approvedLeaveDays } from './leave-days.ts';

export interface ProblemOptions {
  /** First day to solve again when the month has a published version (default: tomorrow in the center's zone). */
  replanFrom?: string;
  /** "Today" for the default above (tests). */
  today?: string;
}

export async function buildRosterProblem(db: Queryable, center: Center, month: string, options: ProblemOptions = {}): Promise<RosterProblem> {
  const zone = center.timezone;
  const start = DateTime.fromISO(`${month}-01`, { zone }).startOf('day');
  const end = start.plus({ months: 1 });
  const requirements = await currentRequirements(db, center.id, zone, start.toJSDate(), end.toJSDate());
  if (requirements.length === 0) {
    throw new ValidationError(`no requirements for ${month}: forecast the month and compute requirements first (POST /api/centers/${center.id}/requirements)`, [
      { where: 'month', message: 'no requirements stored for this month' },
    ], 422);
  }
  const leave = (await approvedLeaveDays(db, center, month)).map((d) => ({ agent: d.agent, date: d.date, type: d.type }));

  const problem: RosterProblem = { center, month, requirements, leave };
  const published = await publishedRoster(db, center.id, month);
  if (published) {
    const today = options.today ?? DateTime.now().setZone(zone).toISODate()!;
    const replanFrom = options.replanFrom ?? DateTime.fromISO(today).plus({ days: 1 }).toISODate()!;
    const pinnedDates = monthDates(month).filter((d) => d < replanFrom);
    if (pinnedDates.length > 0) {
      problem.pinnedDates = pinnedDates;
      problem.pinned = (await getAssignments(db, published.id, zone, { from: pinnedDates[0], to: pinnedDates[pinnedDates.length - 1] }))
        .filter((a) => (a.kind ?? 'regular') === 'regular')
        .map(({ id: _id, ...a }) => a);
    }
  }
  const previousMonth = start.minus({ months: 1 }).toFormat('yyyy-MM');
  const before = await publishedRoster(db, center.id, previousMonth);
  if (before) {
    const from = start.minus({ days: 7 }).toISODate()!;
    problem.previous = (await getAssignments(db, before.id, zone, { from, to: start.minus({ days: 1 }).toISODate()! })).map(({ id: _id, ...a }) => a);
  }
  return problem;
}
