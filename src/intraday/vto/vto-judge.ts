/**
 * Who may take a VTO window, judged on the published roster as it is now: the agents on shift around the
 * window are found from the lean plan, their months read with breaks (the break rules need them), then ranked
 * (vto-rank.ts). A whole shift given up counts for L9 as a day of approved absence: checked with the leave
 * approval's own measure (requests/attendance-floor.ts, the rulebook's planned attendance), so a team's month
 * does not fall below the floor (95%) through VTO; a shortened shift leaves the day attended.
 */
import { DateTime } from 'luxon';
import type { LeaveDay, Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Queryable } from '../../db/db.ts';
import { ConflictError } from '../../errors.ts';
import { teamOf } from '../../requests/approvers.ts';
import { checkAttendanceFloor } from '../../requests/attendance-floor.ts';
import { baseRoster, type BaseRoster } from '../../requests/roster-versions.ts';
import { approvedLeaveDays } from '../../services/leave-days.ts';
import { addDays, monthDates } from '../../time/local-day.ts';
import { publishedAssignments, publishedAssignmentsLean } from '../published-assignments.ts';
import { rankVto, type VtoRankResult, type VtoWindow } from './vto-rank.ts';

/** Days before a month that the run rules (C5, C6) see. */
const PREVIOUS_DAYS = 7;

/** VTO minutes accepted per agent over a date range (summed in SQL). */
export async function vtoMinutesBetween(db: Queryable, centerId: string, from: string, to: string): Promise<Map<string, number>> {
  const r = await db.query<{ agent_id: string; minutes: number }>(
    `SELECT agent_id, sum(extract(epoch FROM off_to - off_from) / 60)::float AS minutes FROM vto_responses
      WHERE center_id = $1 AND accept AND day >= $2 AND day <= $3 GROUP BY agent_id`,
    [centerId, from, to],
  );
  return new Map(r.rows.map((x) => [x.agent_id, Number(x.minutes)]));
}

/** The window's local date (a VTO window lies within one day). */
export function windowDate(center: Center, window: VtoWindow): string {
  return DateTime.fromMillis(window.fromMs, { zone: center.timezone }).toISODate()!;
}

export async function judgeVto(db: Queryable, center: Center, window: VtoWindow, rules: readonly Rule[], only?: ReadonlySet<string>): Promise<VtoRankResult & { rosterId: number }> {
  const date = windowDate(center, window);
  // The day before too: a night shift of yesterday may run into the window.
  const near = await publishedAssignmentsLean(db, center, addDays(date, -1), date, only ? [...only] : undefined);
  const roster = near.rosters.get(date.slice(0, 7));
  if (!roster) throw new ConflictError(`no published roster for ${date.slice(0, 7)}: publish the month's roster before offering time off`);
  const touching = near.assignments.filter((a) => Date.parse(a.start) < window.toMs && Date.parse(a.end) > window.fromMs && (only || a.queue === window.queue));
  const agents = only ? [...only] : [...new Set(touching.map((a) => a.agent))];
  const months = [...new Set([date, ...touching.map((a) => a.date)].map((d) => d.slice(0, 7)))].sort();
  const first = addDays(`${months[0]}-01`, -PREVIOUS_DAYS);
  const lastDates = monthDates(months[months.length - 1]);
  const plan = agents.length ? await publishedAssignments(db, center, first, lastDates[lastDates.length - 1], agents) : { assignments: [] };
  const leave: LeaveDay[] = [];
  for (const m of months) leave.push(...(await approvedLeaveDays(db, center, m)));
  const ranked = rankVto({
    center, window, assignments: plan.assignments.map(({ id: _id, rosterId: _r, ...a }) => a), leave, rules, only,
    vtoMinutes: await vtoMinutesBetween(db, center.id, `${months[0]}-01`, lastDates[lastDates.length - 1]),
  });
  return { ...(await keepAttendanceFloor(db, center, ranked)), rosterId: roster.id };
}

/** Moves to the excluded list whoever's whole shift given up would take their team's month below the L9 floor. */
async function keepAttendanceFloor(db: Queryable, center: Center, ranked: VtoRankResult): Promise<VtoRankResult> {
  const whole = ranked.candidates.filter((c) => c.mode === 'whole-shift');
  if (whole.length === 0) return ranked;
  const bases = new Map<string, BaseRoster | null>();
  const refused = new Set<string>();
  for (const c of whole) {
    const team = teamOf(center, c.agent);
    if (!team) continue;
    const month = c.date.slice(0, 7);
    if (!bases.has(month)) bases.set(month, await baseRoster(db, center, month));
    const l9 = await checkAttendanceFloor(db, center, { agentId: c.agent, teamId: team.id, days: [c.date], bases });
    if (l9.ok) c.reasons.push(`the day off counts as approved absence: L9 ${l9.message}`);
    else {
      refused.add(c.agent);
      ranked.excluded.push({ agent: c.agent, rules: ['L9'], reasons: [`a whole shift off counts as approved absence: ${l9.message}`] });
    }
  }
  if (refused.size === 0) return ranked;
  ranked.excluded.sort((a, b) => a.agent.localeCompare(b.agent));
  const candidates = ranked.candidates.filter((c) => !refused.has(c.agent)).map((c, i) => ({ ...c, rank: i + 1 }));
  return { ...ranked, candidates };
}
