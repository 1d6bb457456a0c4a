/**
 * What ranking a callout needs from storage: the published assignments of the days around the window
 * (enough days either side for C1 rest and for C2 runs of every contract's length, across a month boundary
 * too; only of the people with the queue's skill), each agent's overtime minutes in the window's month (summed in SQL, so the month's rows are
 * not read), and the month's approved leave (H3). Reading only the neighbourhood keeps a callout for a
 * 200-agent center well under 200 ms.
 */
import { DateTime } from 'luxon';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Queryable } from '../../db/db.ts';
import { ConflictError } from '../../errors.ts';
import { approvedLeaveDays } from '../../services/leave-days.ts';
import { addDays, monthDates } from '../../time/local-day.ts';
import { publishedAssignmentsLean, type StoredAssignment } from '../published-assignments.ts';
import { contextDays, type CalloutWindow, type RankInput } from './rank-candidates.ts';

export interface CalloutInputs extends RankInput {
  month: string;
  rosterId: number;
  assignments: StoredAssignment[];
}

/** Overtime minutes per agent in a month of a published roster (summed in SQL). */
export async function overtimeMinutesInMonth(db: Queryable, rosterId: number, month: string): Promise<Map<string, number>> {
  const dates = monthDates(month);
  const r = await db.query<{ agent_id: string; minutes: number }>(
    `SELECT agent_id, sum(extract(epoch FROM end_at - start_at) / 60)::float AS minutes FROM roster_assignments
      WHERE roster_id = $1 AND kind = 'overtime' AND day >= $2 AND day <= $3 GROUP BY agent_id`,
    [rosterId, dates[0], dates[dates.length - 1]],
  );
  return new Map(r.rows.map((x) => [x.agent_id, Number(x.minutes)]));
}

export async function loadCalloutInputs(db: Queryable, center: Center, window: CalloutWindow, rules: readonly Rule[]): Promise<CalloutInputs> {
  const date = DateTime.fromMillis(window.fromMs, { zone: center.timezone }).toISODate()!;
  const month = date.slice(0, 7);
  // People without the queue's skill are judged with no assignments: H2 excludes them all the same.
  const skilled = center.agents.filter((a) => a.skills.includes(window.queue)).map((a) => a.id);
  const context = contextDays(center);
  const plan = await publishedAssignmentsLean(db, center, addDays(date, -context), addDays(date, context), skilled);
  const roster = plan.rosters.get(month);
  if (!roster) throw new ConflictError(`no published roster for ${month}: publish the month's roster before calling people in`, 'O1');
  return {
    center, window, month, rosterId: roster.id, assignments: plan.assignments,
    overtimeMinutes: await overtimeMinutesInMonth(db, roster.id, month),
    leave: await approvedLeaveDays(db, center, month),
    rules,
  };
}
