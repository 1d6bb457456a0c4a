/**
 * L9 in actuals: a team's attendance rate for the month so far = agent-days attended ÷ agent-days rostered
 * (approved leave and absence both count as not attended; a half day of absence attends half), against
 * center.rules.attendanceFloor (95%). The daily rates are the trend; the floor applies to the month.
 */
import type { DayRecord } from './classify.ts';

export interface TeamDay {
  date: string;
  rostered: number;
  attended: number;
  leave: number;
  absent: number;
  rate: number | null;
}

export interface TeamRate {
  team: string;
  month: string;
  floor: number;
  rostered: number;
  attended: number;
  rate: number | null;
  /** True when the month so far is below the floor. */
  below: boolean;
  /** Agent-days the team may still lose this month with the days rostered so far and stay at the floor. */
  marginAgentDays: number | null;
  daily: TeamDay[];
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function teamRate(team: string, month: string, floor: number, days: readonly DayRecord[]): TeamRate {
  const byDate = new Map<string, TeamDay>();
  let rostered = 0;
  let attended = 0;
  for (const d of days) {
    if (d.status === 'pending' || d.attended === null) continue;
    const day = byDate.get(d.date) ?? { date: d.date, rostered: 0, attended: 0, leave: 0, absent: 0, rate: null };
    day.rostered += 1;
    day.attended += d.attended;
    if (d.status === 'leave') day.leave += 1;
    day.absent += d.absenceDays;
    byDate.set(d.date, day);
    rostered += 1;
    attended += d.attended;
  }
  const daily = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ ...d, attended: r4(d.attended), rate: d.rostered > 0 ? r4(d.attended / d.rostered) : null }));
  const rate = rostered > 0 ? attended / rostered : null;
  return {
    team, month, floor, rostered, attended: r4(attended), rate: rate === null ? null : r4(rate), below: rate !== null && rate < floor - 1e-12,
    marginAgentDays: rostered > 0 ? r4(attended - floor * rostered) : null, daily,
  };
}
