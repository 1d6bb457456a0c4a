/**
 * Attendance from storage: every rostered day of the published roster (regular shifts; overtime is extra and
 * not an attendance day) judged from the sign-in/sign-out events (classify.ts); approved leave days (issue 6's
 * leave_days, also those whose shift the approval took off the roster, and the center file's leave entries)
 * are leave; L6: sick leave whose papers were due before today and never recorded (requests.papers_due /
 * papers_received_at) counts as absence; accepted voluntary time off is approved (vto-days.ts). Then per agent
 * (A3/A4/A5, month-summary.ts) and per team (L9 actual, team-rate.ts).
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn, sickLeaveMissingPapers } from '../db/repos/requests.ts';
import { isoWithOffset, monthDates } from '../time/local-day.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { classifyDay, leaveDay, type DayEvents, type DayRecord } from './classify.ts';
import { readEvents } from './events.ts';
import { summarizeMonth, type AgentMonth } from './month-summary.ts';
import { teamRate, type TeamRate } from './team-rate.ts';
import { acceptedVtoDays, withVto } from './vto-days.ts';

export interface AttendanceQuery {
  from: string;
  to: string;
  agents?: string[];
  /** Judge as of this moment (default now): later shifts are left out, running ones are pending. */
  asOf?: string | Date;
}

const LEAVE_REASON = /leave|假/i;

export async function attendanceDays(db: Queryable, center: Center, q: AttendanceQuery): Promise<DayRecord[]> {
  const zone = center.timezone;
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));
  const asOfMs = q.asOf ? new Date(q.asOf).getTime() : Date.now();
  const asOfDate = DateTime.fromMillis(asOfMs, { zone }).toISODate()!;
  const only = q.agents ? new Set(q.agents) : null;
  const plan = await publishedAssignments(db, center, q.from, q.to, q.agents);
  const leave = await leaveDaysIn(db, center.id, { from: q.from, to: q.to, agentIds: q.agents });
  const fileLeave = center.agents.flatMap((a) => a.unavailable.filter((u) => LEAVE_REASON.test(u.reason) && u.date >= q.from && u.date <= q.to).map((u) => ({ agent: a.id, date: u.date, type: u.reason })));
  // L6: approved sick leave whose papers were due before today and never recorded.
  const missing = new Set((await sickLeaveMissingPapers(db, center.id, asOfDate)).map((r) => Number(r.id)));
  const events = await readEvents(db, center.id, zone, q.from, q.to, q.agents);

  const byDay = new Map<string, DayEvents>();
  const key = (agent: string, date: string) => `${agent}|${date}`;
  for (const e of events) {
    const k = key(e.agent, e.day);
    const d = byDay.get(k) ?? byDay.set(k, { signIns: [], signOuts: [] }).get(k)!;
    if (e.kind === 'sign-in') d.signIns.push(e.atMs);
    else if (e.kind === 'sign-out') d.signOuts.push(e.atMs);
    else if (e.kind === 'excuse') d.excuse = { reason: e.reason ?? '', by: e.recordedBy };
    else if (e.kind === 'left-post') d.leftPost = { reason: e.reason, by: e.recordedBy };
  }
  const leaveByKey = new Map<string, { type: string; papersMissing: boolean; wasRostered: boolean }>();
  for (const l of fileLeave) leaveByKey.set(key(l.agent, l.date), { type: l.type, papersMissing: false, wasRostered: false });
  for (const l of leave) leaveByKey.set(key(l.agentId, l.day), { type: l.type, papersMissing: missing.has(Number(l.requestId)), wasRostered: l.wasRostered });

  const out: DayRecord[] = [];
  const seen = new Set<string>();
  const onLeave = (agent: string, date: string, l: { type: string; papersMissing: boolean }, shift: { startMs: number; endMs: number } | null) => {
    const rec = leaveDay(agent, date, l.type, shift, render);
    if (l.papersMissing) {
      Object.assign(rec, { status: 'absent', absenceDays: 1, attended: 0, rules: ['L6', 'A4'] });
      rec.notes.push('sick-leave papers not handed in by the day back: counts as absence (L6)');
    }
    return rec;
  };
  for (const a of plan.assignments) {
    if (a.kind === 'overtime' || (only && !only.has(a.agent))) continue;
    const startMs = Date.parse(a.start);
    if (startMs > asOfMs) continue;
    const k = key(a.agent, a.date);
    if (seen.has(k)) continue;
    seen.add(k);
    const l = leaveByKey.get(k);
    const shift = { startMs, endMs: Date.parse(a.end) };
    if (l) out.push(onLeave(a.agent, a.date, l, shift));
    else out.push(classifyDay({ agent: a.agent, date: a.date, ...shift, events: byDay.get(k) ?? { signIns: [], signOuts: [] }, asOfMs }, center.rules, render));
  }
  // Leave that took a rostered shift off the roster (issue 6 removes the assignment on approval).
  for (const l of leave) {
    const k = key(l.agentId, l.day);
    if (!l.wasRostered || seen.has(k) || l.day > asOfDate || (only && !only.has(l.agentId))) continue;
    seen.add(k);
    out.push(onLeave(l.agentId, l.day, leaveByKey.get(k)!, null));
  }
  return withVto(out, await acceptedVtoDays(db, center.id, q.from, q.to, q.agents), asOfMs, zone, render);
}

export interface MonthAttendance {
  month: string;
  asOf: string;
  agents: AgentMonth[];
  teams: TeamRate[];
  days: DayRecord[];
}

export async function monthAttendance(db: Queryable, center: Center, month: string, asOf?: string | Date): Promise<MonthAttendance> {
  const dates = monthDates(month);
  const days = await attendanceDays(db, center, { from: dates[0], to: dates[dates.length - 1], asOf });
  const team = new Map(center.agents.map((a) => [a.id, a.team ?? null]));
  const byAgent = new Map<string, DayRecord[]>();
  for (const d of days) (byAgent.get(d.agent) ?? byAgent.set(d.agent, []).get(d.agent)!).push(d);
  const agents = [...byAgent].sort(([a], [b]) => a.localeCompare(b)).map(([agent, list]) => summarizeMonth(agent, team.get(agent) ?? null, month, list, center.rules));
  const teams = center.teams.map((t) => teamRate(t.id, month, center.rules.attendanceFloor, days.filter((d) => team.get(d.agent) === t.id)));
  const asOfMs = asOf ? new Date(asOf).getTime() : Date.now();
  return { month, asOf: isoWithOffset(DateTime.fromMillis(asOfMs, { zone: center.timezone })), agents, teams, days };
}
