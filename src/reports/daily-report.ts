/**
 * RP1: yesterday's operating metrics, which the operations manager sends the director by 10:00. Per queue: calls
 * offered against the stored forecast, wMAPE and bias over the intervals (src/forecast metrics, Hyndman &
 * Koehler 2006), the service level estimated from the calls, their AHT and the agents the published roster had
 * on the phones (service-level.ts), the reported abandonment, agent-hours required by the actual traffic vs
 * scheduled; the published roster replayed against the day's calls (service level, abandonment, intervals below
 * target); attendance per team (L9 daily rate, absences, lates, early leaves, leave); overtime hours worked.
 * JSON, or long-format CSV (date, scope, metric, value).
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { ErrorAccumulator } from '../forecast/index.ts';
import { attendanceDays } from '../attendance/attendance-service.ts';
import { teamRate } from '../attendance/team-rate.ts';
import { intradayView } from '../intraday/intraday-view.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { dayStart } from '../time/local-day.ts';
import { NotFoundError } from '../errors.ts';
import { replayDay } from '../services/day-replay.ts';
import { toCsv } from './csv.ts';
import { estimateServiceLevel } from './service-level.ts';

export interface QueueDayMetrics {
  queue: string;
  kind: 'inbound' | 'outbound';
  offered: number;
  forecast: number;
  /** Σ|actual − forecast| / Σ actual over the intervals (null without volume). */
  wMAPE: number | null;
  bias: number | null;
  /** Offered-weighted estimated service level (inbound; null without calls). */
  serviceLevel: number | null;
  serviceLevelTarget: number | null;
  abandonRate: number | null;
  requiredAgentHours: number;
  scheduledAgentHours: number;
  understaffedAgentHours: number;
  overtimeHours: number;
  /** The published roster replayed call by call against the day's calls (src/replay: 20 runs, seed 1); null without calls or roster. */
  replayServiceLevel: number | null;
  replayAbandonRate: number | null;
  replayIntervalsBelowTarget: number | null;
}

export interface DailyReport {
  center: string;
  date: string;
  forecastId: number | null;
  queues: QueueDayMetrics[];
  attendance: {
    rostered: number;
    attended: number;
    rate: number | null;
    floor: number;
    absenceDays: number;
    lates: number;
    earlyLeaves: number;
    leave: number;
    teams: Array<{ team: string; rostered: number; attended: number; rate: number | null }>;
  };
  overtime: { hours: number; people: number };
}

const r = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
/** Runs of the day's replay in the report (the replay API's default). */
const REPLAY_RUNS = 20;

export function yesterday(center: Center, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: center.timezone }).minus({ days: 1 }).toISODate()!;
}

export async function dailyReport(db: Queryable, center: Center, date: string): Promise<DailyReport> {
  const endOfDay = dayStart(date, center.timezone).plus({ days: 1 }).toJSDate();
  const view = await intradayView(db, center, { date, asOf: endOfDay });
  const plan = await publishedAssignments(db, center, date, date);
  const overtime = plan.assignments.filter((a) => a.kind === 'overtime');
  const hours = center.intervalMinutes / 60;
  const abandoned = await db.query<{ queue_id: string; abandoned: number | null; offered: number }>(
    `SELECT queue_id, sum(abandoned)::int AS abandoned, sum(offered)::int AS offered FROM traffic
      WHERE center_id = $1 AND interval_start >= $2 AND interval_start < $3 AND abandoned IS NOT NULL GROUP BY queue_id`,
    [center.id, dayStart(date, center.timezone).toJSDate(), endOfDay],
  );
  // The replay: what the day's calls met with the roster as published (not only what Erlang estimates).
  const replay = await replayDay(db, center, { date, runs: REPLAY_RUNS, seed: 1 }).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  const queues: QueueDayMetrics[] = view.queues.map((q) => {
    const replayed = replay?.queues.find((x) => x.queue === q.queue)?.day;
    const queue = center.queues.find((x) => x.id === q.queue)!;
    const acc = new ErrorAccumulator();
    let slWeighted = 0;
    let slCalls = 0;
    let required = 0, scheduled = 0, under = 0;
    for (const row of q.intervals) {
      const actual = row.actual ?? 0;
      if (row.forecast > 0 || actual > 0) acc.add(actual, row.forecast);
      required += row.reforecastRequired * hours;
      scheduled += row.scheduled * hours;
      under += Math.max(0, row.reforecastRequired - row.scheduled) * hours;
      if (queue.kind === 'inbound' && actual > 0) {
        slWeighted += actual * estimateServiceLevel(queue, actual, row.ahtSeconds ?? queue.ahtSeconds, row.scheduled, center.intervalMinutes);
        slCalls += actual;
      }
    }
    const m = acc.result();
    const ab = abandoned.rows.find((x) => x.queue_id === q.queue);
    const ot = overtime.filter((a) => a.queue === q.queue).reduce((s, a) => s + (Date.parse(a.end) - Date.parse(a.start)) / 3_600_000, 0);
    return {
      queue: q.queue, kind: q.kind, offered: m.actual, forecast: r(m.forecast, 1), wMAPE: m.wMAPE === null ? null : r(m.wMAPE), bias: m.bias === null ? null : r(m.bias),
      serviceLevel: slCalls > 0 ? r(slWeighted / slCalls) : null, serviceLevelTarget: queue.kind === 'inbound' ? queue.serviceLevel.target : null,
      abandonRate: ab && ab.offered > 0 && ab.abandoned !== null ? r(ab.abandoned / ab.offered) : null,
      requiredAgentHours: r(required, 2), scheduledAgentHours: r(scheduled, 2), understaffedAgentHours: r(under, 2), overtimeHours: r(ot, 2),
      replayServiceLevel: replayed?.replay.serviceLevel ?? null, replayAbandonRate: replayed?.replay.abandonRate ?? null,
      replayIntervalsBelowTarget: replayed && replayed.replay.offered > 0 ? replayed.intervalsBelowTarget : null,
    };
  });
  const days = await attendanceDays(db, center, { from: date, to: date, asOf: endOfDay });
  const team = new Map(center.agents.map((a) => [a.id, a.team]));
  const all = teamRate('center', date.slice(0, 7), center.rules.attendanceFloor, days);
  return {
    center: center.id, date, forecastId: view.forecastId, queues,
    attendance: {
      rostered: all.rostered, attended: all.attended, rate: all.rate, floor: center.rules.attendanceFloor,
      absenceDays: days.reduce((s, d) => s + d.absenceDays, 0), lates: days.filter((d) => d.late).length,
      earlyLeaves: days.filter((d) => d.earlyLeave).length, leave: days.filter((d) => d.status === 'leave').length,
      teams: center.teams.map((t) => {
        const tr = teamRate(t.id, date.slice(0, 7), center.rules.attendanceFloor, days.filter((d) => team.get(d.agent) === t.id));
        return { team: t.id, rostered: tr.rostered, attended: tr.attended, rate: tr.rate };
      }),
    },
    overtime: {
      hours: r(overtime.reduce((s, a) => s + (Date.parse(a.end) - Date.parse(a.start)) / 3_600_000, 0), 2),
      people: new Set(overtime.map((a) => a.agent)).size,
    },
  };
}

/** Long-format CSV: one metric per row (date, scope, metric, value). */
export function dailyReportCsv(report: DailyReport): string {
  const rows: Array<Record<string, unknown>> = [];
  const push = (scope: string, metric: string, value: unknown) => rows.push({ date: report.date, scope, metric, value });
  for (const q of report.queues) {
    for (const [k, v] of Object.entries(q)) if (k !== 'queue' && k !== 'kind') push(`queue:${q.queue}`, k, v);
  }
  const a = report.attendance;
  for (const k of ['rostered', 'attended', 'rate', 'floor', 'absenceDays', 'lates', 'earlyLeaves', 'leave'] as const) push('center', `attendance.${k}`, a[k]);
  for (const t of a.teams) {
    push(`team:${t.team}`, 'attendance.rostered', t.rostered);
    push(`team:${t.team}`, 'attendance.rate', t.rate);
  }
  push('center', 'overtime.hours', report.overtime.hours);
  push('center', 'overtime.people', report.overtime.people);
  return toCsv(['date', 'scope', 'metric', 'value'], rows);
}
