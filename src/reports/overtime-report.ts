/**
 * O3: the month's overtime and whether it earns overtime pay. For each overtime assignment of the published
 * roster (requested: from a callout or put in the roster by a planner) the agent's calls per hour during it —
 * and, where the phone system reports successes (TSR), the success rate — are compared with the center's
 * average on the same queue over the month (agent_metrics). At or above average on every metric reported →
 * overtime pay; below → commission only. No metrics for the overtime → "no-data" (undecided, not guessed).
 * Unrequested overtime — signing out at least one interval after a shift's end with no overtime rostered
 * next to it — is commission only by O3 whatever the metrics.
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { readEvents } from '../attendance/events.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { dayStart, isoWithOffset, monthDates, addDays } from '../time/local-day.ts';
import { metricTotals, type MetricTotals } from './agent-metrics.ts';
import { toCsv } from './csv.ts';

export type OvertimePay = 'overtime-pay' | 'commission-only' | 'no-data';

export interface OvertimeEntry {
  agent: string;
  date: string;
  queue: string;
  start: string;
  end: string;
  hours: number;
  requested: boolean;
  callout: number | null;
  callsPerHour: number | null;
  centerCallsPerHour: number | null;
  successRate: number | null;
  centerSuccessRate: number | null;
  pay: OvertimePay;
  reason: string;
}

export interface OvertimeReport {
  center: string;
  month: string;
  entries: OvertimeEntry[];
  agents: Array<{ agent: string; hours: number; overtimePayHours: number; commissionOnlyHours: number; noDataHours: number; capHours: number }>;
}

const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const cph = (t: MetricTotals) => (t.loggedHours > 0 ? t.handled / t.loggedHours : null);
const success = (t: MetricTotals) => (t.successes !== null && t.handled > 0 ? t.successes / t.handled : null);

export async function overtimeReport(db: Queryable, center: Center, month: string, agents?: Set<string>): Promise<OvertimeReport> {
  const zone = center.timezone;
  const dates = monthDates(month);
  const monthFrom = dayStart(dates[0], zone).toJSDate();
  const monthTo = dayStart(addDays(dates[dates.length - 1], 1), zone).toJSDate();
  const plan = await publishedAssignments(db, center, dates[0], dates[dates.length - 1]);
  const links = await db.query<{ assignment_id: number; callout_id: number }>(
    `SELECT r.assignment_id, r.callout_id FROM callout_responses r JOIN callouts c ON c.id = r.callout_id
      WHERE c.center_id = $1 AND r.assignment_id IS NOT NULL`, [center.id],
  );
  const calloutOf = new Map(links.rows.map((x) => [Number(x.assignment_id), Number(x.callout_id)]));
  const centerAvg = new Map<string, MetricTotals>();
  for (const q of center.queues) centerAvg.set(q.id, await metricTotals(db, center.id, q.id, monthFrom, monthTo));

  const entries: OvertimeEntry[] = [];
  const inScope = (agent: string) => !agents || agents.has(agent);
  for (const a of plan.assignments) {
    if (a.kind !== 'overtime' || !inScope(a.agent)) continue;
    const mine = await metricTotals(db, center.id, a.queue, new Date(a.start), new Date(a.end), a.agent);
    const avg = centerAvg.get(a.queue)!;
    const [mc, ac, ms, as] = [cph(mine), cph(avg), success(mine), success(avg)];
    let pay: OvertimePay = 'no-data';
    let reason = 'no agent metrics for the overtime yet';
    if (mc !== null && ac !== null) {
      const below = mc < ac - 1e-9 || (ms !== null && as !== null && ms < as - 1e-9);
      pay = below ? 'commission-only' : 'overtime-pay';
      reason = below
        ? `below the center's average (${r(mc, 2)} calls/h vs ${r(ac, 2)}${ms !== null && as !== null ? `, success ${r(ms)} vs ${r(as)}` : ''}): commission only (O3)`
        : `at or above the center's average (${r(mc, 2)} calls/h vs ${r(ac, 2)}): overtime pay`;
    }
    entries.push({
      agent: a.agent, date: a.date, queue: a.queue, start: a.start, end: a.end, hours: r((Date.parse(a.end) - Date.parse(a.start)) / 3_600_000, 2),
      requested: true, callout: calloutOf.get(a.id) ?? null, callsPerHour: mc === null ? null : r(mc, 2), centerCallsPerHour: ac === null ? null : r(ac, 2),
      successRate: ms === null ? null : r(ms), centerSuccessRate: as === null ? null : r(as), pay, reason,
    });
  }
  // Unrequested overtime: a sign-out at least one interval after a regular shift's end with no overtime next to it.
  const events = await readEvents(db, center.id, zone, dates[0], dates[dates.length - 1]);
  const step = center.intervalMinutes * 60_000;
  for (const a of plan.assignments) {
    if (a.kind === 'overtime' || !inScope(a.agent)) continue;
    const end = Date.parse(a.end);
    const out = events.filter((e) => e.agent === a.agent && e.day === a.date && e.kind === 'sign-out').map((e) => e.atMs);
    if (out.length === 0) continue;
    const last = Math.max(...out);
    if (last - end < step) continue;
    const covered = plan.assignments.some((o) => o.agent === a.agent && o.kind === 'overtime' && Date.parse(o.start) <= end && Date.parse(o.end) >= last);
    if (covered) continue;
    entries.push({
      agent: a.agent, date: a.date, queue: a.queue, start: a.end, end: isoWithOffset(DateTime.fromMillis(last, { zone })), hours: r((last - end) / 3_600_000, 2),
      requested: false, callout: null, callsPerHour: null, centerCallsPerHour: null, successRate: null, centerSuccessRate: null,
      pay: 'commission-only', reason: 'overtime nobody asked for (signed out after the shift without a callout): commission only (O3)',
    });
  }
  entries.sort((x, y) => x.date.localeCompare(y.date) || x.agent.localeCompare(y.agent) || x.start.localeCompare(y.start));
  const byAgent = new Map<string, OvertimeReport['agents'][number]>();
  for (const e of entries) {
    const t = byAgent.get(e.agent) ?? { agent: e.agent, hours: 0, overtimePayHours: 0, commissionOnlyHours: 0, noDataHours: 0, capHours: center.rules.monthlyOvertimeCapHours };
    t.hours = r(t.hours + e.hours, 2);
    if (e.pay === 'overtime-pay') t.overtimePayHours = r(t.overtimePayHours + e.hours, 2);
    else if (e.pay === 'commission-only') t.commissionOnlyHours = r(t.commissionOnlyHours + e.hours, 2);
    else t.noDataHours = r(t.noDataHours + e.hours, 2);
    byAgent.set(e.agent, t);
  }
  return { center: center.id, month, entries, agents: [...byAgent.values()].sort((a, b) => a.agent.localeCompare(b.agent)) };
}

export function overtimeReportCsv(report: OvertimeReport): string {
  return toCsv(
    ['month', 'agent', 'date', 'queue', 'start', 'end', 'hours', 'requested', 'callout', 'calls_per_hour', 'center_calls_per_hour', 'success_rate', 'center_success_rate', 'pay', 'reason'],
    report.entries.map((e) => ({
      month: report.month, agent: e.agent, date: e.date, queue: e.queue, start: e.start, end: e.end, hours: e.hours, requested: e.requested, callout: e.callout,
      calls_per_hour: e.callsPerHour, center_calls_per_hour: e.centerCallsPerHour, success_rate: e.successRate, center_success_rate: e.centerSuccessRate, pay: e.pay, reason: e.reason,
    })),
  );
}
