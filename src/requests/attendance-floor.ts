/**
 * L9 — a team's planned attendance for a calendar month stays at or above `attendanceFloor` (95%); a leave
 * approval that would take it below (and lower than it is) needs the next level up. The rulebook decides the
 * measure (solver/rules/l9-planned-attendance.ts: attended = days worked in the roster, rostered = worked +
 * approved leave days of the team's agents and lead); this check runs it on the month's published (else
 * latest) roster twice — as it is, and with this leave approved (its shifts off the roster, its days added to
 * the approved leave) — and reports both. A month without a roster is not judged (reported as such). The
 * caller holds the team-month decision locks, so no other approval changes the team's month meanwhile.
 */
import type { Assignment } from '../../solver/roster.ts';
import { plannedAttendance, type TeamAttendance } from '../../solver/rules/l9-planned-attendance.ts';
import type { RuleContext } from '../../solver/rules/rule.ts';
import { rosterView } from '../../solver/rules/roster-view.ts';
import type { Roster } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import type { BaseRoster } from './roster-versions.ts';
import { monthContext } from './rule-context.ts';
import { focusOn } from './rulebook.ts';
import type { CheckResult } from './types.ts';

export interface AttendanceMonth {
  month: string;
  team: string;
  roster: number | null;
  before: TeamAttendance | null;
  after: TeamAttendance | null;
  floor: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/**
 * A rate beside the floor with enough decimals that the two read differently when they differ (94.96% vs
 * 95%, not 95.0% vs 95.0%).
 */
export function pctAgainst(rate: number, floor: number): string {
  for (let d = 1; d < 6; d++) if ((rate * 100).toFixed(d) !== (floor * 100).toFixed(d)) return `${(rate * 100).toFixed(d)}%`;
  return pct(rate);
}
const EPS = 1e-9;

/** The rulebook's planned attendance of one team (the roster and context narrowed to its members). */
/** A team's planned attendance for the month of `ctx` (the rulebook's L9 measure). */
export function teamAttendance(roster: Roster, ctx: RuleContext, teamId: string, members: readonly string[]): TeamAttendance {
  const focus = focusOn(ctx, members);
  return plannedAttendance(rosterView(focus.roster(roster), focus.ctx), focus.ctx).find((t) => t.team === teamId)!;
}

export async function checkAttendanceFloor(
  tx: Queryable,
  center: Center,
  input: { agentId: string; teamId: string; days: readonly string[]; bases: ReadonlyMap<string, BaseRoster | null> },
): Promise<CheckResult> {
  const floor = center.rules.attendanceFloor;
  const members = center.agents.filter((a) => a.team === input.teamId).map((a) => a.id);
  const months: AttendanceMonth[] = [];
  for (const month of [...new Set(input.days.map((d) => d.slice(0, 7)))]) {
    const base = input.bases.get(month) ?? null;
    if (!base) {
      months.push({ month, team: input.teamId, roster: null, before: null, after: null, floor });
      continue;
    }
    const ctx = await monthContext(tx, center, month, { roster: base.roster, requirementSetId: base.meta.requirementSetId });
    const mine = new Set(input.days.filter((d) => d.startsWith(month)));
    const onLeave = (a: Assignment) => a.agent === input.agentId && mine.has(a.date);
    const approved: RuleContext = { ...ctx, leave: [...ctx.leave, ...[...mine].map((date) => ({ agent: input.agentId, date }))] };
    months.push({
      month, team: input.teamId, roster: base.meta.id, floor,
      before: teamAttendance(base.roster, ctx, input.teamId, members),
      after: teamAttendance({ ...base.roster, assignments: base.roster.assignments.filter((a) => !onLeave(a)) }, approved, input.teamId, members),
    });
  }
  const failing = months.find((m) => m.after && m.before && m.after.rate < floor - EPS && m.after.rate < m.before.rate - EPS);
  const numbers = { floor, months };
  const judged = months.filter((m) => m.after);
  const line = (m: AttendanceMonth) => `${m.team} ${m.month}: ${m.after!.worked} of ${m.after!.worked + m.after!.leave} agent-days attended = ${pctAgainst(m.after!.rate, floor)}`;
  if (!failing) {
    return {
      rule: 'L9', ok: true, numbers,
      message: judged.length ? `planned attendance stays at or above ${pct(floor)} (${judged.map(line).join('; ')})` : 'no roster for the leave\'s month(s): planned attendance not judged',
    };
  }
  return {
    rule: 'L9',
    ok: false,
    numbers,
    message: `team ${line(failing)} after this leave (${failing.after!.leave} days of approved leave; before ${pctAgainst(failing.before!.rate, floor)}), below the ${pct(floor)} floor`,
  };
}
