/**
 * Accepted voluntary time off in the attendance record (issue 26): the minutes an agent took off are approved.
 * The published roster already carries the shorter shift (the acceptance wrote a new version), so signing out
 * at the new end is on time; the day's record names the time off. A whole shift taken off is no longer on the
 * roster: it is recorded like a day of approved leave (rostered, not attended, not absence), which is how L9
 * counts it (team-rate.ts); a shortened shift is a day attended.
 */
import { DateTime } from 'luxon';
import type { Queryable } from '../db/db.ts';
import { leaveDay, type DayRecord } from './classify.ts';

export interface VtoDay {
  agent: string;
  date: string;
  offer: number;
  startMs: number;
  endMs: number;
  wholeShift: boolean;
}

export async function acceptedVtoDays(db: Queryable, centerId: string, from: string, to: string, agents?: readonly string[]): Promise<VtoDay[]> {
  const r = await db.query<{ offer_id: number; agent_id: string; day: string; off_from: Date; off_to: Date; whole_shift: boolean }>(
    `SELECT offer_id, agent_id, day::text AS day, off_from, off_to, whole_shift FROM vto_responses
      WHERE center_id = $1 AND accept AND day >= $2 AND day <= $3 AND ($4::text[] IS NULL OR agent_id = ANY($4::text[])) ORDER BY day, agent_id, off_from`,
    [centerId, from, to, agents ?? null],
  );
  return r.rows.map((x) => ({
    agent: x.agent_id, date: String(x.day).slice(0, 10), offer: Number(x.offer_id),
    startMs: new Date(x.off_from).getTime(), endMs: new Date(x.off_to).getTime(), wholeShift: x.whole_shift,
  }));
}

/** The day records with their accepted time off: noted on the day worked, or a day of approved absence for a whole shift. */
export function withVto(days: DayRecord[], vto: readonly VtoDay[], asOfMs: number, zone: string, render: (ms: number) => string): DayRecord[] {
  const clock = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  const byKey = new Map(days.map((d) => [`${d.agent}|${d.date}`, d]));
  const out = [...days];
  for (const v of vto) {
    const minutes = Math.round((v.endMs - v.startMs) / 60_000);
    const note = `approved VTO ${clock(v.startMs)}–${clock(v.endMs)} (${minutes} min, offer ${v.offer})`;
    const day = byKey.get(`${v.agent}|${v.date}`);
    const vtoField = { start: render(v.startMs), end: render(v.endMs), minutes, offer: v.offer };
    if (day) {
      day.vto = vtoField;
      day.notes.push(`${note}: not early leave or lateness`);
    } else if (v.wholeShift && v.startMs <= asOfMs) {
      const rec = leaveDay(v.agent, v.date, 'VTO', { startMs: v.startMs, endMs: v.endMs }, render);
      rec.notes = [`${note}: the whole shift, a day of approved absence`];
      rec.vto = vtoField;
      byKey.set(`${v.agent}|${v.date}`, rec);
      out.push(rec);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));
}
