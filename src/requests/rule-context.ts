/**
 * The rulebook's context for judging a changed roster of one month: the center, the month's dates, the
 * requirements (the roster's own coverage rows, else its requirement set), the approved leave of the month
 * (from leave_days, plus any being decided now) and the previous month's last week (rest and consecutive-day
 * rules across the boundary).
 */
import { DateTime } from 'luxon';
import type { Roster } from '../../solver/roster.ts';
import { buildRuleContext, type LeaveDay, type RequirementRow, type RuleContext } from '../../solver/rules/rule.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn } from '../db/repos/requests.ts';
import { getAssignments, listRosters, publishedRoster } from '../db/repos/rosters.ts';
import { addDays, isoWithOffset, monthDates } from '../time/local-day.ts';

/** Days of the previous month handed to the rules. */
const PREVIOUS_DAYS = 7;

export interface MonthContextInput {
  roster: Roster;
  requirementSetId?: number | null;
  /** Leave being decided now, not yet in leave_days. */
  extraLeave?: readonly LeaveDay[];
}

async function requirementsOf(tx: Queryable, center: Center, dates: string[], input: MonthContextInput): Promise<RequirementRow[]> {
  if (input.roster.coverage.length > 0) return input.roster.coverage.map((c) => ({ queue: c.queue, interval_start: c.interval_start, required: c.required }));
  if (!input.requirementSetId) return [];
  const from = DateTime.fromISO(dates[0], { zone: center.timezone }).startOf('day');
  const to = DateTime.fromISO(dates[dates.length - 1], { zone: center.timezone }).plus({ days: 1 }).startOf('day');
  const r = await tx.query<{ queue_id: string; interval_start: Date; required: number }>(
    `SELECT queue_id, interval_start, required FROM requirement_points WHERE set_id = $1 AND interval_start >= $2 AND interval_start < $3 ORDER BY interval_start, queue_id`,
    [input.requirementSetId, from.toJSDate(), to.toJSDate()],
  );
  return r.rows.map((p) => ({ queue: p.queue_id, interval_start: isoWithOffset(DateTime.fromJSDate(new Date(p.interval_start), { zone: center.timezone })), required: p.required }));
}

export async function monthContext(tx: Queryable, center: Center, month: string, input: MonthContextInput): Promise<RuleContext> {
  const dates = monthDates(month);
  const leaveRows = await leaveDaysIn(tx, center.id, { from: dates[0], to: dates[dates.length - 1] });
  const leave: LeaveDay[] = [...leaveRows.map((l): LeaveDay => ({ agent: l.agentId, date: l.day, type: l.type })), ...(input.extraLeave ?? [])];
  const prevMonth = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).minus({ months: 1 }).toFormat('yyyy-MM');
  const prevMeta = (await publishedRoster(tx, center.id, prevMonth)) ?? (await listRosters(tx, center.id, prevMonth))[0];
  const previous = prevMeta ? (await getAssignments(tx, prevMeta.id, center.timezone, { from: addDays(dates[0], -PREVIOUS_DAYS) })).map(({ id: _id, ...a }) => a) : [];
  return buildRuleContext(center, month, dates, { requirements: await requirementsOf(tx, center, dates, input), leave, previous });
}
