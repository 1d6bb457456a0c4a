/**
 * Attendance events in storage: sign-in and sign-out (from the agent or a badge system), a lead's excuse for a
 * day's lateness (A1, with a reason), and a lead's record that someone left the post without approval (A5). An event belongs to a roster day: the day of the shift whose time
 * (4 hours either side) contains it, else its local date, so a night shift's sign-out after midnight counts
 * for the night's day.
 */
import { DateTime } from 'luxon';
import type { Assignment } from '../../solver/roster.ts';
import type { Queryable } from '../db/db.ts';

/** Kinds recorded here (L6 papers are recorded on the leave request itself: POST /api/requests/:id/papers). */
export const EVENT_KINDS = ['sign-in', 'sign-out', 'excuse', 'left-post'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface AttendanceEvent {
  id: number;
  agent: string;
  kind: EventKind;
  at: string;
  atMs: number;
  day: string;
  reason: string | null;
  recordedBy: number | null;
}

export interface NewEvent {
  agent: string;
  kind: EventKind;
  /** Instant of the event (ISO). */
  at: string;
  /** The roster day it belongs to; derived from the agent's shifts when absent. */
  day?: string;
  reason?: string | null;
}

const SLACK = 4 * 3_600_000;

/** The roster day an instant belongs to for an agent (their shift ±4 h), else its local date. */
export function eventDay(atMs: number, shifts: readonly Pick<Assignment, 'date' | 'start' | 'end'>[], zone: string): string {
  let best: { date: string; distance: number } | null = null;
  for (const s of shifts) {
    const start = Date.parse(s.start);
    const end = Date.parse(s.end);
    if (atMs < start - SLACK || atMs > end + SLACK) continue;
    const distance = atMs < start ? start - atMs : atMs > end ? atMs - end : 0;
    if (!best || distance < best.distance) best = { date: s.date, distance };
  }
  return best?.date ?? DateTime.fromMillis(atMs, { zone }).toISODate()!;
}

export async function insertEvents(tx: Queryable, centerId: string, events: ReadonlyArray<NewEvent & { day: string }>, recordedBy: number | null): Promise<number[]> {
  if (events.length === 0) return [];
  const r = await tx.query<{ id: number }>(
    `INSERT INTO attendance_events (center_id, agent_id, kind, at, day, reason, recorded_by)
     SELECT $1, u.a, u.k, u.t, u.d, u.r, $7 FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::date[], $6::text[]) WITH ORDINALITY AS u(a, k, t, d, r, n)
      ORDER BY u.n RETURNING id`,
    [centerId, events.map((e) => e.agent), events.map((e) => e.kind), events.map((e) => e.at), events.map((e) => e.day), events.map((e) => e.reason ?? null), recordedBy],
  );
  return r.rows.map((x) => Number(x.id));
}

export async function readEvents(db: Queryable, centerId: string, zone: string, from: string, to: string, agents?: string[]): Promise<AttendanceEvent[]> {
  const r = await db.query<{ id: number; agent_id: string; kind: EventKind; at: Date; day: string | Date; reason: string | null; recorded_by: number | null }>(
    `SELECT id, agent_id, kind, at, day::text AS day, reason, recorded_by FROM attendance_events
      WHERE center_id = $1 AND kind <> 'papers' AND day >= $2 AND day <= $3 AND ($4::text[] IS NULL OR agent_id = ANY($4::text[])) ORDER BY at, id`,
    [centerId, from, to, agents ?? null],
  );
  return r.rows.map((e) => {
    const ms = new Date(e.at).getTime();
    return {
      id: Number(e.id), agent: e.agent_id, kind: e.kind, at: DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!, atMs: ms,
      day: String(e.day).slice(0, 10), reason: e.reason, recordedBy: e.recorded_by === null ? null : Number(e.recorded_by),
    };
  });
}
