/**
 * R4 intraday service: re-place today's floating shifts against the reforecast (floating.ts) as a preview, or
 * apply it: each moved assignment of the published roster is replaced (same roster, same day; the audit log
 * keeps before and after; a roster fact keeps the day in later replans), the roster's coverage is updated, and
 * the moved agents are notified.
 */
import { DateTime } from 'luxon';
import type { Assignment, Roster } from '../../solver/roster.ts';
import { buildRuleContext, type Rule } from '../../solver/rules/rule.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { ConflictError } from '../errors.ts';
import { insertAssignments } from '../db/repos/rosters.ts';
import { addFacts } from '../db/repos/roster-facts.ts';
import { approvedLeaveDays } from '../services/leave-days.ts';
import { addDays, dayIntervals, monthDates } from '../time/local-day.ts';
import { deliverSoon, enqueueNotifications } from './callouts/outbox.ts';
import { scheduledAgents, timed } from './coverage.ts';
import { replaceFloating, type FloatingMove } from './floating.ts';
import { intradayView } from './intraday-view.ts';
import { publishedAssignments } from './published-assignments.ts';
import { updateRosterCoverage } from './roster-coverage.ts';
import type { ReforecastOptions } from './reforecast.ts';

export interface FloatingOptions {
  date: string;
  asOf?: string | Date;
  noticeMinutes?: number;
  apply?: boolean;
  reforecast?: ReforecastOptions;
}

export interface FloatingResult {
  date: string;
  asOf: string;
  applied: boolean;
  moves: FloatingMove[];
  understaffedBefore: number;
  understaffedAfter: number;
}

function violationCount(rules: readonly Rule[], center: Center, month: string, agentId: string, own: Assignment[], previous: Assignment[], leave: Parameters<typeof buildRuleContext>[3]): Map<string, number> {
  const ctx = buildRuleContext(center, month, monthDates(month), { ...leave, previous });
  const agent = center.agents.find((a) => a.id === agentId);
  if (agent) ctx.agents = new Map([[agent.id, agent]]);
  const roster: Roster = { center: center.id, month, assignments: own, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
  const out = new Map<string, number>();
  for (const r of rules) for (const v of r.check(roster, ctx)) if (!v.agent || v.agent === agentId) out.set(v.rule, (out.get(v.rule) ?? 0) + v.penalty);
  return out;
}

export async function replaceFloatingShifts(db: Db, center: Center, options: FloatingOptions, rules: readonly Rule[], userId: number | null): Promise<FloatingResult> {
  const zone = center.timezone;
  const month = options.date.slice(0, 7);
  const monthStart = `${month}-01`;
  const view = await intradayView(db, center, { date: options.date, asOf: options.asOf, reforecast: options.reforecast });
  const asOfMs = Date.parse(view.asOf);
  const step = center.intervalMinutes * 60_000;
  const intervals = dayIntervals(options.date, zone, center.intervalMinutes);
  const starts = intervals.map((i) => i.startMs);
  const required = new Map<string, number[]>();
  for (const q of view.queues) {
    const arr = starts.map(() => 0);
    for (const row of q.intervals) arr[Math.floor((Date.parse(row.interval_start) - starts[0]) / step)] = row.reforecastRequired;
    required.set(q.queue, arr);
  }
  const plan = await publishedAssignments(db, center, addDays(monthStart, -14), addDays(options.date, 2));
  const today = plan.assignments.filter((a) => a.date === options.date || a.date === addDays(options.date, -1));
  const timedToday = today.map(timed);
  const scheduled = new Map(center.queues.map((q) => [q.id, scheduledAgents(timedToday, q.id, starts, step)]));
  const hours = center.intervalMinutes / 60;
  const under = () => [...required].reduce((s, [q, req]) => s + req.reduce((t, r, i) => t + Math.max(0, r - (scheduled.get(q)?.[i] ?? 0)) * hours, 0), 0);
  const before = under();
  const leave = { leave: (await approvedLeaveDays(db, center, month)).map((l) => ({ agent: l.agent, date: l.date, type: l.type })) };

  const moves = replaceFloating({
    center, date: options.date, asOfMs, intervalStarts: starts, required, scheduled, assignments: today, noticeMinutes: options.noticeMinutes,
    accept(original, changed) {
      const own = plan.assignments.filter((x) => x.agent === original.agent);
      const previous = own.filter((x) => x.date < monthStart);
      const inMonth = own.filter((x) => x.date >= monthStart);
      const was = violationCount(rules, center, month, original.agent, inMonth, previous, leave);
      const now = violationCount(rules, center, month, original.agent, inMonth.map((x) => ((x as { id?: number }).id === (original as { id?: number }).id ? changed : x)), previous, leave);
      return [...now].every(([rule, p]) => p <= (was.get(rule) ?? 0) + 1e-9);
    },
  });
  const after = under();
  const moved = moves.filter((m) => m.moved);
  if (options.apply && moved.length > 0) {
    const ids = await db.transaction(async (tx) => {
      const rosterId = plan.rosters.get(month)!.id;
      const changes: Parameters<typeof updateRosterCoverage>[3] = [];
      for (const m of moved) {
        const old = today.find((x) => x.id === m.assignmentId)!;
        const gone = await tx.query('DELETE FROM roster_assignments WHERE id = $1 AND roster_id = $2 AND start_at = $3 RETURNING id', [m.assignmentId, rosterId, old.start]);
        if (gone.rows.length === 0) throw new ConflictError(`assignment ${m.assignmentId} changed while re-placing floating shifts; try again`, 'R4');
        const [id] = await insertAssignments(tx, rosterId, [m.to]);
        changes.push({ assignment: timed(old), sign: -1 }, { assignment: timed(m.to), sign: 1 });
        m.assignmentId = id;
        await audit(tx, { userId, centerId: center.id, action: 'floating.move', objectKind: 'roster_assignment', objectId: id, rule: 'R4', before: old, after: m.to, detail: { reason: m.reason } });
      }
      await updateRosterCoverage(tx, rosterId, center.intervalMinutes, changes);
      await addFacts(tx, rosterId, moved.map((m) => ({ agent: m.agent, date: options.date, kind: 'floating' as const, ref: { assignment: m.assignmentId } })));
      return enqueueNotifications(tx, center.id, moved.map((m) => ({
        channel: 'sms', recipient: m.agent, payload: { type: 'floating.moved', date: options.date, queue: m.to.queue, start: m.to.start, end: m.to.end, breaks: m.to.breaks },
      })));
    });
    deliverSoon(db, ids);
  }
  return {
    date: options.date, asOf: DateTime.fromMillis(asOfMs, { zone }).toISO()!, applied: !!options.apply && moved.length > 0, moves,
    understaffedBefore: Math.round(before * 1000) / 1000, understaffedAfter: Math.round(after * 1000) / 1000,
  };
}
