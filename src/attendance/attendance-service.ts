/**
 * Attendance from storage: every rostered day of the published roster (regular shifts; overtime is extra and
 * not an attendance day) judged from the sign-in/sign-out events (classify.ts), approved leave days (also those
 * the roster no longer shows because the leave removed the shift), and L6: sick leave whose papers were not
 * handed in by the time the person is back counts as absence. Then per agent (A3/A4/A5, month-summary.ts) and
 * per team (L9 actual, team-rate.ts).
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { approvedLeaveDays, type LeaveDayEntry } from '../services/leave-days.ts';
import { addDays, isoWithOffset, monthDates } from '../time/local-day.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { classifyDay, leaveDay, type DayEvents, type DayRecord } from './classify.ts';
import { readEvents, type AttendanceEvent } from './events.ts';
import { summarizeMonth, type AgentMonth } from './month-summary.ts';
import { teamRate, type TeamRate } from './team-rate.ts';

export interface AttendanceQuery {
  from: string;
  to: string;
  agents?: string[];
  /** Judge as of this moment (default now): later shifts are left out, running ones are pending. */
  asOf?: string | Date;
}

const LEAVE_TYPES = /^(personal|sick|other)$|leave|假/i;

function monthsOf(from: string, to: string): string[] {
  const out = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) out.add(d.slice(0, 7));
  return [...out];
}

/** Sick-leave runs (consecutive sick days per agent). */
function sickRuns(leave: readonly LeaveDayEntry[]): Array<{ agent: string; dates: string[] }> {
  const sick = leave.filter((l) => l.type === 'sick').sort((a, b) => a.agent.localeCompare(b.agent) || a.date.localeCompare(b.date));
  const runs: Array<{ agent: string; dates: string[] }> = [];
  for (const l of sick) {
    const last = runs[runs.length - 1];
    if (last && last.agent === l.agent && addDays(last.dates[last.dates.length - 1], 1) === l.date) last.dates.push(l.date);
    else runs.push({ agent: l.agent, dates: [l.date] });
  }
  return runs;
}

export async function attendanceDays(db: Queryable, center: Center, q: AttendanceQuery): Promise<DayRecord[]> {
  const zone = center.timezone;
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));
  const asOfMs = q.asOf ? new Date(q.asOf).getTime() : Date.now();
  const only = q.agents ? new Set(q.agents) : null;
  const plan = await publishedAssignments(db, center, q.from, q.to, q.agents);
  const leave: LeaveDayEntry[] = [];
  for (const m of monthsOf(addDays(q.from, -31), q.to)) leave.push(...(await approvedLeaveDays(db, center, m)));
  const events = await readEvents(db, center.id, zone, addDays(q.from, -31), addDays(q.to, 31), q.agents);

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
  const leaveByKey = new Map(leave.filter((l) => !only || only.has(l.agent)).map((l) => [key(l.agent, l.date), l]));
  const out: DayRecord[] = [];
  const seen = new Set<string>();
  for (const a of plan.assignments) {
    if (a.kind === 'overtime' || (only && !only.has(a.agent))) continue;
    const startMs = Date.parse(a.start);
    if (startMs > asOfMs) continue;
    const k = key(a.agent, a.date);
    if (seen.has(k)) continue;
    seen.add(k);
    const l = leaveByKey.get(k);
    if (l) out.push(leaveDay(a.agent, a.date, l.type, { startMs, endMs: Date.parse(a.end) }, render));
    else out.push(classifyDay({ agent: a.agent, date: a.date, startMs, endMs: Date.parse(a.end), events: byDay.get(k) ?? { signIns: [], signOuts: [] }, asOfMs }, center.rules, render));
  }
  const asOfDate = DateTime.fromMillis(asOfMs, { zone }).toISODate()!;
  for (const l of leaveByKey.values()) {
    const k = key(l.agent, l.date);
    if (seen.has(k) || l.date < q.from || l.date > q.to || l.date > asOfDate || !LEAVE_TYPES.test(l.type)) continue;
    seen.add(k);
    out.push(leaveDay(l.agent, l.date, l.type, null, render));
  }
  applyPapersRule(out, leave, events);
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));
}

/** L6: sick days count as absence when the person is back (signed in after the leave) without papers. */
function applyPapersRule(days: DayRecord[], leave: readonly LeaveDayEntry[], events: readonly AttendanceEvent[]): void {
  for (const run of sickRuns(leave)) {
    const first = run.dates[0];
    const last = run.dates[run.dates.length - 1];
    const papers = events.some((e) => e.agent === run.agent && e.kind === 'papers' && e.day >= first);
    const back = events.some((e) => e.agent === run.agent && e.kind === 'sign-in' && e.day > last);
    for (const d of days) {
      if (d.agent !== run.agent || d.status !== 'leave' || !run.dates.includes(d.date)) continue;
      if (papers) d.notes.push('sick-leave papers handed in (L6)');
      else if (!back) d.notes.push('sick-leave papers due on return (L6)');
      else {
        d.status = 'absent';
        d.absenceDays = 1;
        d.attended = 0;
        d.rules = ['L6', 'A4'];
        d.notes.push('back from sick leave without papers: counts as absence (L6)');
      }
    }
  }
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
