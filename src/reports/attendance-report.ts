/**
 * RP2: monthly attendance per agent and per team (the data analyst's report), from the attendance service.
 * Pay-related columns (A3 bonus withheld, A4 consequence, resignation flag) are included only when the caller
 * may see pay (S3: the agent themself, their managers and the director); otherwise they are left out.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { monthAttendance } from '../attendance/attendance-service.ts';
import type { AgentMonth } from '../attendance/month-summary.ts';
import type { TeamRate } from '../attendance/team-rate.ts';
import { toCsv } from './csv.ts';

export interface AttendanceReport {
  center: string;
  month: string;
  asOf: string;
  floor: number;
  includesPay: boolean;
  agents: Array<Omit<AgentMonth, 'pay'> & { pay?: AgentMonth['pay'] }>;
  teams: Array<Omit<TeamRate, 'daily'> & { daily: TeamRate['daily'] }>;
}

export async function attendanceReport(db: Queryable, center: Center, month: string, options: { includePay: boolean; asOf?: string | Date; agents?: Set<string> | 'all'; teams?: Set<string> | 'all' }): Promise<AttendanceReport> {
  const m = await monthAttendance(db, center, month, options.asOf);
  const agentScope = options.agents ?? 'all';
  const teamScope = options.teams ?? 'all';
  return {
    center: center.id, month, asOf: m.asOf, floor: center.rules.attendanceFloor, includesPay: options.includePay,
    agents: m.agents.filter((a) => agentScope === 'all' || agentScope.has(a.agent)).map(({ pay, ...rest }) => (options.includePay ? { ...rest, pay } : rest)),
    teams: m.teams.filter((t) => teamScope === 'all' || teamScope.has(t.team)),
  };
}

export function attendanceAgentsCsv(r: AttendanceReport): string {
  const cols = ['month', 'agent', 'team', 'rostered', 'attended', 'leave', 'absence_days', 'lates', 'early_leaves', 'excused', 'rate'];
  if (r.includesPay) cols.push('bonus_withheld', 'pay_consequence', 'resignation_flag');
  return toCsv(cols, r.agents.map((a) => ({
    month: r.month, agent: a.agent, team: a.team, rostered: a.rostered, attended: a.attended, leave: a.leave, absence_days: a.absenceDays,
    lates: a.lates, early_leaves: a.earlyLeaves, excused: a.excused, rate: a.rate,
    ...(a.pay ? { bonus_withheld: a.pay.bonusWithheld, pay_consequence: a.pay.consequence, resignation_flag: a.pay.resignation.flagged } : {}),
  })));
}

export function attendanceTeamsCsv(r: AttendanceReport): string {
  return toCsv(['month', 'team', 'rostered', 'attended', 'rate', 'floor', 'below_floor'], r.teams.map((t) => ({
    month: r.month, team: t.team, rostered: t.rostered, attended: t.attended, rate: t.rate, floor: t.floor, below_floor: t.below,
  })));
}
