/**
 * The demo center's simulated day-to-day life, so the intraday and attendance pages have something to show
 * (README says so): today's actual calls arrive every 5 minutes, and people sign in and out of the published
 * shifts that have started.
 *
 * - Actual calls: each finished 5-minute interval of today gets the same interval one week earlier (real bank
 *   traffic moved onto the demo's weeks), with Poisson-like noise (normal approximation, seeded by interval).
 * - Attendance: for every started shift of the month without events, a sign-in and (once the shift ended) a
 *   sign-out; about 93% on time, 5% late by 3–13 minutes (A1), 2% absent (A4) and 3% leaving 8 minutes early
 *   (A2). Seeded by agent and date, so the same month is recorded on every run.
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { queryTraffic } from '../db/repos/traffic.ts';
import { recordAttendance } from '../attendance/record.ts';
import type { NewEvent } from '../attendance/events.ts';
import { ingestActuals } from '../intraday/actuals.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import type { TrafficRow } from '../formats/traffic-csv.ts';
import { isoWithOffset } from '../time/local-day.ts';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/** A deterministic number in [0, 1) from a text (FNV-1a). */
export function unit(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1_000_000) / 1_000_000;
}

/** Stores today's finished 5-minute intervals that are not stored yet; returns how many rows it added. */
export async function feedDemoActuals(db: Db, center: Center, now = DateTime.now()): Promise<number> {
  const zone = center.timezone;
  const dayStart = now.setZone(zone).startOf('day');
  const until = Math.floor(now.toMillis() / (5 * MINUTE)) * 5 * MINUTE; // intervals that have ended
  const have = new Set((await queryTraffic(db, center.id, zone, { from: dayStart.toJSDate(), to: new Date(until) })).map((r) => `${r.queue}|${r.startMs}`));
  const lastWeek = await queryTraffic(db, center.id, zone, { from: dayStart.minus({ weeks: 1 }).toJSDate(), to: new Date(until - WEEK) });
  const rows: TrafficRow[] = [];
  for (const r of lastWeek) {
    const ms = r.startMs + WEEK;
    if (have.has(`${r.queue}|${ms}`)) continue;
    const u1 = Math.max(unit(`${r.queue}|${ms}|a`), 1e-9);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * unit(`${r.queue}|${ms}|b`));
    const offered = Math.max(0, Math.round(r.offered + Math.sqrt(r.offered) * z));
    rows.push({ queue: r.queue, intervalStart: isoWithOffset(DateTime.fromMillis(ms, { zone })), startMs: ms, offered, line: rows.length + 1 });
  }
  if (rows.length === 0) return 0;
  await ingestActuals(db, center, rows, { intervalMinutes: 5 });
  return rows.length;
}

/** Records sign-ins and sign-outs for the month's started shifts that have none; returns how many events. */
export async function recordDemoAttendance(db: Db, center: Center, now = DateTime.now()): Promise<number> {
  const zone = center.timezone;
  const local = now.setZone(zone);
  const from = local.startOf('month').toISODate()!;
  const plan = await publishedAssignments(db, center, from, local.toISODate()!);
  const done = await db.query<{ agent_id: string; day: string; kind: string }>(
    'SELECT agent_id, day, kind FROM attendance_events WHERE center_id = $1 AND day >= $2',
    [center.id, from],
  );
  const seen = new Set(done.rows.map((r) => `${r.agent_id}|${r.day}|${r.kind}`));
  const events: NewEvent[] = [];
  const nowMs = now.toMillis();
  for (const a of plan.assignments) {
    if (a.kind === 'overtime') continue;
    const start = Date.parse(a.start);
    const end = Date.parse(a.end);
    if (start > nowMs) continue;
    const r = unit(`${a.agent}|${a.date}`);
    if (r < 0.02) continue; // absent without leave (A4)
    const lateMinutes = r < 0.07 ? 3 + Math.round((r - 0.02) * 200) : -2 - Math.round(r * 5);
    const signIn = start + lateMinutes * MINUTE;
    if (signIn <= nowMs && !seen.has(`${a.agent}|${a.date}|sign-in`)) {
      events.push({ agent: a.agent, kind: 'sign-in', at: new Date(signIn).toISOString(), day: a.date });
    }
    const early = r > 0.97 ? 8 : -2;
    const signOut = end - early * MINUTE;
    if (signOut <= nowMs && !seen.has(`${a.agent}|${a.date}|sign-out`)) {
      events.push({ agent: a.agent, kind: 'sign-out', at: new Date(signOut).toISOString(), day: a.date });
    }
  }
  for (let i = 0; i < events.length; i += 1000) await recordAttendance(db, center, events.slice(i, i + 1000), null);
  return events.length;
}
