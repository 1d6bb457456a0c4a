/**
 * RP3: team leads send their team's results after each shift. Per team and shift of a day (the team's people
 * rostered on one shift template): the calls of the team's queue while the shift ran (offered, handled,
 * abandoned), the service level the queue had then (estimated per interval as the daily report does, weighted
 * by calls), attendance (rostered, attended, late, absent, on leave) and breaks kept (planned break and meal
 * minutes spent on break or at a meal, from the agent-state feed; null where nobody has one). Ready once the
 * shift has ended; before, it says "in progress" with the figures so far.
 */
import { DateTime } from 'luxon';
import type { Principal } from '../auth/principal.ts';
import { canSeeTeam } from '../auth/principal.ts';
import { attendanceDays } from '../attendance/attendance-service.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { actualSpans, plannedSpans, stateAt } from '../intraday/adherence.ts';
import { stateChanges } from '../intraday/agent-states.ts';
import { intradayView } from '../intraday/intraday-view.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { dayStart, isoWithOffset } from '../time/local-day.ts';
import { toCsv } from './csv.ts';
import { estimateServiceLevel } from './service-level.ts';

export interface TeamShiftReport {
  team: string;
  lead: string | null;
  queue: string;
  date: string;
  shift: string;
  from: string;
  to: string;
  status: 'ready' | 'in progress' | 'upcoming';
  calls: { offered: number; handled: number | null; abandoned: number | null };
  serviceLevel: number | null;
  serviceLevelTarget: number | null;
  /** People rostered, attending (any part of the day), late (A3 incidents), days of absence (A1, A2, A4, A5; halves count half), on leave, not judged yet. */
  attendance: { rostered: number; attended: number; late: number; absenceDays: number; onLeave: number; pending: number };
  breaks: { plannedMinutes: number; keptMinutes: number; kept: number | null; people: number };
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export async function teamShiftReports(db: Queryable, center: Center, principal: Principal, date: string, team?: string, now: Date = new Date()): Promise<TeamShiftReport[]> {
  const zone = center.timezone;
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));
  const teams = center.teams.filter((t) => (!team || t.id === team) && canSeeTeam(principal, center, t.id));
  const plan = await publishedAssignments(db, center, date, date);
  const teamOf = new Map(center.agents.map((a) => [a.id, a.team]));
  const endOfDay = dayStart(date, zone).plus({ days: 1 }).toJSDate();
  const days = await attendanceDays(db, center, { from: date, to: date, asOf: now });
  const views = new Map<string, Awaited<ReturnType<typeof intradayView>>['queues'][number]>();
  const out: TeamShiftReport[] = [];
  for (const t of teams) {
    const mine = plan.assignments.filter((a) => a.date === date && teamOf.get(a.agent) === t.id && a.kind !== 'overtime');
    for (const shift of [...new Set(mine.map((a) => a.shift))].sort()) {
      const group = mine.filter((a) => a.shift === shift);
      const from = Math.min(...group.map((a) => Date.parse(a.start)));
      const to = Math.max(...group.map((a) => Date.parse(a.end)));
      const upTo = Math.min(to, now.getTime());
      const queue = center.queues.find((q) => q.id === t.queue)!;
      if (!views.has(queue.id)) views.set(queue.id, (await intradayView(db, center, { date, queues: [queue.id], asOf: endOfDay })).queues[0]);
      const rows = views.get(queue.id)!.intervals.filter((i) => Date.parse(i.interval_start) >= from && Date.parse(i.interval_start) < upTo);
      const traffic = await db.query<{ offered: number; handled: number | null; abandoned: number | null }>(
        `SELECT sum(offered)::int AS offered, sum(handled)::int AS handled, sum(abandoned)::int AS abandoned FROM traffic
          WHERE center_id = $1 AND queue_id = $2 AND interval_start >= $3 AND interval_start < $4`, [center.id, queue.id, new Date(from), new Date(upTo)]);
      let slCalls = 0, slSum = 0;
      if (queue.kind === 'inbound') {
        for (const i of rows) {
          if (!i.actual) continue;
          slSum += i.actual * estimateServiceLevel(queue, i.actual, i.ahtSeconds ?? queue.ahtSeconds, i.scheduled, center.intervalMinutes);
          slCalls += i.actual;
        }
      }
      const people = group.map((a) => a.agent);
      const records = days.filter((d) => people.includes(d.agent));
      const states = await stateChanges(db, center.id, from, to);
      let planned = 0, kept = 0, fed = 0;
      for (const agent of people) {
        const changes = states.get(agent);
        if (!changes?.length) continue;
        fed++;
        const p = plannedSpans(group.filter((a) => a.agent === agent), from, upTo);
        const act = actualSpans(changes, from, upTo);
        for (const span of p.filter((s) => s.state === 'break' || s.state === 'meal')) {
          planned += span.to - span.from;
          // Minute by minute: on break or at a meal while the plan has a break or meal.
          for (let m = span.from; m < span.to; m += 60_000) if (['break', 'meal'].includes(stateAt(act, m))) kept += Math.min(60_000, span.to - m);
        }
      }
      const r = traffic.rows[0];
      out.push({
        team: t.id, lead: t.lead ?? null, queue: queue.id, date, shift, from: render(from), to: render(to),
        status: now.getTime() >= to ? 'ready' : now.getTime() >= from ? 'in progress' : 'upcoming',
        calls: { offered: r?.offered ?? 0, handled: r?.handled ?? null, abandoned: r?.abandoned ?? null },
        serviceLevel: slCalls > 0 ? r4(slSum / slCalls) : null, serviceLevelTarget: queue.kind === 'inbound' ? queue.serviceLevel.target : null,
        attendance: {
          rostered: people.length, attended: records.filter((d) => (d.attended ?? 0) > 0).length, late: records.filter((d) => d.late).length,
          absenceDays: records.filter((d) => d.status !== 'leave').reduce((n, d) => n + d.absenceDays, 0), onLeave: records.filter((d) => d.status === 'leave').length,
          pending: records.filter((d) => d.attended === null && d.status !== 'leave').length,
        },
        breaks: { plannedMinutes: Math.round(planned / 60_000), keptMinutes: Math.round(kept / 60_000), kept: planned > 0 ? r4(kept / planned) : null, people: fed },
      });
    }
  }
  return out;
}

/** One row per report, flat, for the lead's CSV. */
export function teamShiftCsv(reports: readonly TeamShiftReport[]): string {
  return toCsv(
    ['date', 'team', 'shift', 'from', 'to', 'status', 'queue', 'offered', 'handled', 'abandoned', 'service_level', 'target', 'rostered', 'attended', 'late', 'absence_days', 'on_leave', 'break_minutes_planned', 'break_minutes_kept'],
    reports.map((r) => ({
      date: r.date, team: r.team, shift: r.shift, from: r.from, to: r.to, status: r.status, queue: r.queue, offered: r.calls.offered, handled: r.calls.handled ?? '',
      abandoned: r.calls.abandoned ?? '', service_level: r.serviceLevel ?? '', target: r.serviceLevelTarget ?? '', rostered: r.attendance.rostered, attended: r.attendance.attended,
      late: r.attendance.late, absence_days: r.attendance.absenceDays, on_leave: r.attendance.onLeave, break_minutes_planned: r.breaks.plannedMinutes, break_minutes_kept: r.breaks.keptMinutes,
    })));
}
