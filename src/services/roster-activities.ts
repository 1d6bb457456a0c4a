/**
 * The activities of a roster version (TR1–TR4) as a deputy manager reads them: per definition its attendees,
 * how many have it placed, who has not and why, its hours; and per queue the surplus the roster had and what
 * absorbed it — the activities' minutes off the phones split, interval by interval, into what came out of the
 * surplus and what went into understaffing (their price; a break an activity replaced counts as phone time).
 * The solve's own measure of the price (before and after placing, at solve time) is given beside it when stored.
 */
import type { Assignment, CoverageRow } from '../../solver/roster.ts';
import { assignmentCoverage } from '../../solver/model/assignment-coverage.ts';
import { buildHorizon } from '../../solver/model/horizon.ts';
import { attendeesOf, startRange, windowDates } from '../../solver/activities/activity-window.ts';
import { PHONE_ROLES } from '../../solver/rules/availability.ts';
import type { Center } from '../domain/center-schema.ts';

export interface ActivitySummary {
  activity: string;
  name?: string;
  rule: string;
  minutes: number;
  attendees: number;
  placed: number;
  hours: number;
  missing: Array<{ agent: string; code: 'no-shift' | 'not-placed'; reason: string }>;
}

export interface QueueAbsorption {
  queue: string;
  /** Agent-hours above need with the activities off the phones, and what the activities took from it. */
  surplusLeft: number;
  absorbed: number;
  /** Agent-hours of activity time that went into understaffing. */
  price: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function rosterActivities(center: Center, month: string, assignments: readonly Assignment[], coverage: readonly CoverageRow[]) {
  const h = buildHorizon(month, center.timezone, center.intervalMinutes);
  const dates = h.dates;
  const activities: ActivitySummary[] = center.activities.map((def) => {
    const window = new Set(windowDates(def, dates));
    const attendees = attendeesOf(def, center);
    let placed = 0;
    let hours = 0;
    const missing: ActivitySummary['missing'] = [];
    for (const agent of attendees) {
      const mine = assignments.filter((a) => a.agent === agent.id);
      const got = mine.flatMap((a) => (a.activities ?? []).filter((x) => x.activity === def.id));
      placed += Math.min(got.length, def.perPerson);
      hours += got.reduce((s, x) => s + x.minutes / 60, 0);
      if (got.length >= def.perPerson) continue;
      const hosts = mine.filter((a) => window.has(a.date) && startRange(def, h, a.date, Date.parse(a.start), Date.parse(a.end), center.rules.noBreakFirstMinutes));
      missing.push(hosts.length === 0
        ? { agent: agent.id, code: 'no-shift', reason: `no shift that can hold it on days ${def.days.from}–${def.days.to} (leave or rest days)` }
        : { agent: agent.id, code: 'not-placed', reason: 'not placed in this version' });
    }
    return { activity: def.id, ...(def.name ? { name: def.name } : {}), rule: def.rule, minutes: def.minutes, attendees: attendees.length * def.perPerson, placed, hours: round(hours), missing };
  });

  const roles = new Map(center.agents.map((a) => [a.id, a.role]));
  const off = new Map<string, Float64Array>();
  for (const a of assignments) {
    if (!a.activities?.length || !PHONE_ROLES.has(roles.get(a.agent) ?? '')) continue;
    let row = off.get(a.queue);
    if (!row) off.set(a.queue, (row = new Float64Array(h.startMs.length)));
    for (const x of a.activities) {
      const from = Date.parse(x.start);
      const { idx, frac } = assignmentCoverage(h, from, from + x.minutes * 60_000, []);
      idx.forEach((i, k) => (row![i] += frac[k]));
    }
  }
  const hours = center.intervalMinutes / 60;
  const byQueue = new Map<string, QueueAbsorption>();
  for (const c of coverage) {
    const q = byQueue.get(c.queue) ?? byQueue.set(c.queue, { queue: c.queue, surplusLeft: 0, absorbed: 0, price: 0 }).get(c.queue)!;
    const i = h.intervalAt(Date.parse(c.interval_start));
    const a = i >= 0 ? off.get(c.queue)?.[i] ?? 0 : 0;
    const surplusWithout = Math.max(0, c.scheduled + a - c.required);
    q.surplusLeft += Math.max(0, c.scheduled - c.required) * hours;
    q.absorbed += Math.min(a, surplusWithout) * hours;
    q.price += Math.max(0, a - surplusWithout) * hours;
  }
  const queues = [...byQueue.values()].map((q) => ({ queue: q.queue, surplusLeft: round(q.surplusLeft), absorbed: round(q.absorbed), price: round(q.price) }));
  return { activities, queues };
}
