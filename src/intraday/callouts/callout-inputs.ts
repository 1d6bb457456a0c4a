/**
 * What ranking a callout needs from storage: the published assignments around the window's month (two weeks
 * before it for C1/C2 across the boundary, two days after), each agent's overtime minutes in that month, and
 * the month's approved leave (H3).
 */
import { DateTime } from 'luxon';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Queryable } from '../../db/db.ts';
import { ConflictError } from '../../errors.ts';
import { approvedLeaveDays } from '../../services/leave-days.ts';
import { addDays, monthDates } from '../../time/local-day.ts';
import { publishedAssignments, type StoredAssignment } from '../published-assignments.ts';
import type { CalloutWindow, RankInput } from './rank-candidates.ts';

export interface CalloutInputs extends RankInput {
  month: string;
  rosterId: number;
  assignments: StoredAssignment[];
}

export function overtimeMinutesByAgent(assignments: readonly StoredAssignment[], month: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of assignments) {
    if (a.kind !== 'overtime' || !a.date.startsWith(month)) continue;
    out.set(a.agent, (out.get(a.agent) ?? 0) + (Date.parse(a.end) - Date.parse(a.start)) / 60_000);
  }
  return out;
}

export async function loadCalloutInputs(db: Queryable, center: Center, window: CalloutWindow, rules: readonly Rule[]): Promise<CalloutInputs> {
  const date = DateTime.fromMillis(window.fromMs, { zone: center.timezone }).toISODate()!;
  const month = date.slice(0, 7);
  const dates = monthDates(month);
  const plan = await publishedAssignments(db, center, addDays(dates[0], -14), addDays(dates[dates.length - 1], 2));
  const roster = plan.rosters.get(month);
  if (!roster) throw new ConflictError(`no published roster for ${month}: publish the month's roster before calling people in`, 'O1');
  return {
    center, window, month, rosterId: roster.id, assignments: plan.assignments,
    overtimeMinutes: overtimeMinutesByAgent(plan.assignments, month),
    leave: await approvedLeaveDays(db, center, month),
    rules,
  };
}
