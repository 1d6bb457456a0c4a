/**
 * L9 — a team's planned attendance for a calendar month stays at or above `attendanceFloor` (95%); a leave
 * approval that would take it below needs the next level up.
 *   planned attendance = agent-days attended ÷ agent-days rostered,
 * over the team's members in the month's published (else latest) roster, overtime excluded. Approved leave
 * counts as rostered but not attended: leave approved earlier took its assignments out of the roster and is
 * added back to the rostered days (leave_days.was_rostered); the leave being decided takes its rostered days
 * out of the attended ones. A leave on rest days only changes nothing. A month without a roster is not judged
 * (reported as such). The caller holds the team-month decision locks.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn } from '../db/repos/requests.ts';
import { monthDates } from '../time/local-day.ts';
import type { BaseRoster } from './roster-versions.ts';
import type { CheckResult } from './types.ts';

export interface AttendanceMonth {
  month: string;
  team: string;
  roster: number | null;
  rostered: number;
  attendedBefore: number;
  attendedAfter: number;
  rateBefore: number | null;
  rateAfter: number | null;
  /** Rostered days of this leave (taken out of the attended ones). */
  leaveDaysOnShift: number;
  floor: number;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

export async function checkAttendanceFloor(
  tx: Queryable,
  center: Center,
  input: { agentId: string; teamId: string; days: readonly string[]; bases: ReadonlyMap<string, BaseRoster | null> },
): Promise<CheckResult> {
  const floor = center.rules.attendanceFloor;
  const members = new Set(center.agents.filter((a) => a.team === input.teamId).map((a) => a.id));
  const months: AttendanceMonth[] = [];
  for (const month of [...new Set(input.days.map((d) => d.slice(0, 7)))]) {
    const base = input.bases.get(month) ?? null;
    if (!base) {
      months.push({ month, team: input.teamId, roster: null, rostered: 0, attendedBefore: 0, attendedAfter: 0, rateBefore: null, rateAfter: null, leaveDaysOnShift: 0, floor });
      continue;
    }
    const worked = new Set(base.roster.assignments.filter((a) => members.has(a.agent) && a.kind !== 'overtime').map((a) => `${a.agent}|${a.date}`));
    const dates = monthDates(month);
    const earlierLeave = (await leaveDaysIn(tx, center.id, { from: dates[0], to: dates[dates.length - 1], teamId: input.teamId })).filter((l) => l.wasRostered).length;
    const rostered = worked.size + earlierLeave;
    const onShift = input.days.filter((d) => d.startsWith(month) && worked.has(`${input.agentId}|${d}`)).length;
    const after = worked.size - onShift;
    months.push({
      month, team: input.teamId, roster: base.meta.id, rostered, attendedBefore: worked.size, attendedAfter: after,
      rateBefore: rostered ? worked.size / rostered : null, rateAfter: rostered ? after / rostered : null, leaveDaysOnShift: onShift, floor,
    });
  }
  const failing = months.find((m) => m.leaveDaysOnShift > 0 && m.rostered > 0 && m.attendedAfter < floor * m.rostered - 1e-9);
  const numbers = { floor, months };
  if (!failing) {
    const judged = months.filter((m) => m.roster !== null);
    const summary = judged.map((m) => `${m.team} ${m.month}: ${m.attendedAfter}/${m.rostered} = ${pct(m.rateAfter)}`).join('; ');
    return { rule: 'L9', ok: true, message: judged.length ? `planned attendance stays at or above ${pct(floor)} (${summary})` : 'no roster for the leave\'s month(s): planned attendance not judged', numbers };
  }
  return {
    rule: 'L9',
    ok: false,
    message: `team ${failing.team} in ${failing.month}: ${failing.attendedAfter} of ${failing.rostered} rostered agent-days attended after this leave = ${pct(failing.rateAfter)} (before ${pct(failing.rateBefore)}), below the ${pct(floor)} floor`,
    numbers,
  };
}
