/**
 * L9 — a team's planned attendance stays at or above the floor (rules.attendanceFloor, 95%): for each team and
 * the month, agent-days attended ÷ agent-days rostered, where rostered = worked days + approved leave days of
 * the team's agents and lead, and attended = worked days (approved leave counts as not attended).
 * Soft in the roster (the leave is already approved; the roster can only add working days). Penalty:
 * percentage points below the floor, per team.
 */
import type { Violation } from '../roster.ts';
import { PHONE_ROLES } from './availability.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export interface TeamAttendance {
  team: string;
  worked: number;
  leave: number;
  rate: number;
}

export function plannedAttendance(view: ReturnType<typeof rosterView>, ctx: Parameters<Rule['check']>[1]): TeamAttendance[] {
  return ctx.center.teams.map((team) => {
    let worked = 0;
    let leave = 0;
    for (const agent of ctx.agents.values()) {
      if (agent.team !== team.id || !PHONE_ROLES.has(agent.role)) continue;
      worked += new Set((view.byAgent.get(agent.id) ?? []).filter((p) => p.inMonth).map((p) => p.a.date)).size;
      const cal = view.calendar(agent.id);
      leave += ctx.dates.filter((d) => cal.leave.has(d)).length;
    }
    return { team: team.id, worked, leave, rate: worked + leave > 0 ? worked / (worked + leave) : 1 };
  });
}

export const rule: Rule = {
  id: 'L9',
  label: 'planned attendance per team ≥ 95%',
  level: 'soft',
  check(roster, ctx) {
    const floor = ctx.center.rules.attendanceFloor;
    const out: Violation[] = [];
    for (const t of plannedAttendance(rosterView(roster, ctx), ctx)) {
      if (t.leave === 0 || t.rate >= floor) continue;
      out.push({
        rule: 'L9', level: 'soft', team: t.team, penalty: (floor - t.rate) * 100, unit: 'percentage points',
        message: `team ${t.team}: ${t.leave} approved leave days against ${t.worked + t.leave} rostered agent-days in ${ctx.month}: planned attendance ${(t.rate * 100).toFixed(1)}% < ${Math.round(floor * 100)}%`,
      });
    }
    return out;
  },
};
