/**
 * Small facts about a shift that several rules and the solver must read the same way: its local start clock,
 * whether it is a "late" shift (Q3 fairness: it ends at or after 21:00 local time, or after midnight), and the
 * weekend it falls in.
 */
import { DateTime } from 'luxon';
import type { Horizon } from '../model/horizon.ts';

/** A shift ending at or after this local clock time (or on a later date) is a late shift. */
export const LATE_END_MINUTES = 21 * 60;

export function localClock(zone: string, ms: number): number {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.hour * 60 + dt.minute;
}

export function isLateEnd(zone: string, startMs: number, endMs: number): boolean {
  const start = DateTime.fromMillis(startMs, { zone });
  const end = DateTime.fromMillis(endMs, { zone });
  if (end.toISODate() !== start.toISODate()) return true;
  return end.hour * 60 + end.minute >= LATE_END_MINUTES;
}

/** isLateEnd through the month's interval line (no date arithmetic for instants inside the month). */
export function isLateShift(h: Horizon, startMs: number, endMs: number): boolean {
  const a = h.intervalContaining(startMs);
  const b = h.intervalContaining(endMs);
  if (a < 0 || b < 0) return isLateEnd(h.zone, startMs, endMs);
  if (h.dayOf[a] !== h.dayOf[b]) return true;
  return h.clockOf(endMs) >= LATE_END_MINUTES;
}
