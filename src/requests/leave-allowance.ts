/**
 * Leave an agent can still be granted, shown before they ask (what WFM suites call allowances): for each day of
 * a month, whether they are rostered, whether their duty supervisor's one-a-day (L7) is taken, whether they are
 * in new-hire training (L10), and how many more leave days their team's month can take before planned attendance
 * falls below the floor (L9). A day is "open" when leave there would be granted at the normal level; "needs the
 * manager" when L7 or L9 would send it up; "closed" in training; "free" when not rostered (nothing to take).
 * The same measures the approval uses (attendance-floor.ts, supervisor-day-limit.ts), on the month's base roster.
 * Beside them the month's balances: rest-day moves (R5) and swaps (R6) used of their quotas, and leave days taken
 * by type this month and this year (the manual sets no yearly leave entitlement to count them against).
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn, quotaSlotsInUse, type QuotaKind } from '../db/repos/requests.ts';
import { NotFoundError } from '../errors.ts';
import { monthDates } from '../time/local-day.ts';
import { teamAttendance } from './attendance-floor.ts';
import { quotaOf } from './quotas.ts';
import { checkSupervisorDayLimit } from './supervisor-day-limit.ts';
import { trainingOverlap } from './training.ts';
import { monthContext } from './rule-context.ts';
import { baseRoster } from './roster-versions.ts';

export type AllowanceDay = {
  date: string;
  rostered: boolean;
  /** Leave of others under the same duty supervisor that day, and the L7 limit. */
  supervisorDay: { onLeave: number; limit: number };
  training: boolean;
  mine: boolean;
  status: 'open' | 'needs manager' | 'closed' | 'free' | 'on leave';
  rules: string[];
};

export interface LeaveAllowance {
  agent: string;
  team: string | null;
  supervisor: string | null;
  month: string;
  /** L9: the team's planned month, and how many more leave days keep it at or above the floor (null: no roster). */
  team9: { worked: number; leave: number; rate: number; floor: number; moreDays: number } | null;
  /** The month's quotas (R5 rest-day moves, R6 swaps: used of allowed, held by approved or open requests) and leave taken by type. */
  balances: {
    restDay: Balance;
    swapSelf: Balance;
    swapPeer: Balance;
    leaveDays: { month: Record<string, number>; year: Record<string, number> };
  };
  days: AllowanceDay[];
}

export interface Balance { used: number; quota: number; left: number }

export async function leaveAllowance(db: Queryable, center: Center, agentId: string, month: string): Promise<LeaveAllowance> {
  const agent = center.agents.find((a) => a.id === agentId);
  if (!agent) throw new NotFoundError(`agent "${agentId}" not found in center ${center.id}`);
  const team = agent.team ? center.teams.find((t) => t.id === agent.team) ?? null : null;
  const dates = monthDates(month);
  const base = await baseRoster(db, center, month);
  let team9: LeaveAllowance['team9'] = null;
  if (base && team) {
    const ctx = await monthContext(db, center, month, { roster: base.roster, requirementSetId: base.meta.requirementSetId });
    const members = center.agents.filter((a) => a.team === team.id).map((a) => a.id);
    const t = teamAttendance(base.roster, ctx, team.id, members);
    const floor = center.rules.attendanceFloor;
    // Each leave day on a worked day moves one agent-day from worked to leave: (worked − k) ÷ rostered ≥ floor.
    team9 = { worked: t.worked, leave: t.leave, rate: Math.round(t.rate * 10_000) / 10_000, floor, moreDays: Math.max(0, Math.floor(t.worked - floor * (t.worked + t.leave) + 1e-9)) };
  }
  // L7 and L10 as the approval decides them (supervisor-day-limit.ts, training.ts), for every day of the month.
  const l7 = team?.supervisor ? await checkSupervisorDayLimit(db, center, { agentId, supervisorId: team.supervisor, days: dates }) : null;
  const others = new Map((l7?.numbers.days as Array<{ date: string; onLeave: unknown[] }> | undefined)?.map((d) => [d.date, d.onLeave.length]) ?? []);
  const limit = center.rules.leavePerSupervisorPerDay;
  const year = await leaveDaysIn(db, center.id, { from: `${month.slice(0, 4)}-01-01`, to: `${month.slice(0, 4)}-12-31`, agentIds: [agentId] });
  const mineDays = new Set(year.map((l) => l.day));
  const worked = new Set(base ? base.roster.assignments.filter((a) => a.agent === agentId && a.kind !== 'overtime').map((a) => a.date) : []);
  const days = dates.map((date): AllowanceDay => {
    const onLeave = others.get(date) ?? 0;
    const training = trainingOverlap(agent, date, date) !== null;
    const mine = mineDays.has(date);
    const rostered = worked.has(date);
    const rules: string[] = [];
    if (training) rules.push('L10');
    if (onLeave >= limit) rules.push('L7');
    if (team9 && team9.moreDays < 1) rules.push('L9');
    const status = mine ? 'on leave' : training ? 'closed' : !rostered ? 'free' : rules.length > 0 ? 'needs manager' : 'open';
    return { date, rostered, supervisorDay: { onLeave, limit }, training, mine, status, rules };
  });
  const balance = async (kind: QuotaKind): Promise<Balance> => {
    const used = (await quotaSlotsInUse(db, center.id, agentId, month, kind)).length;
    const quota = quotaOf(center, kind);
    return { used, quota, left: Math.max(0, quota - used) };
  };
  const byType = (rows: typeof year) => rows.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.type]: (acc[l.type] ?? 0) + 1 }), {});
  const balances = {
    restDay: await balance('rest-day'), swapSelf: await balance('swap-self'), swapPeer: await balance('swap-peer'),
    leaveDays: { month: byType(year.filter((l) => l.day.startsWith(month))), year: byType(year) },
  };
  return { agent: agentId, team: team?.id ?? null, supervisor: team?.supervisor ?? null, month, team9, balances, days };
}
