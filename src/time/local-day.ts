/**
 * Local days and their intervals in a center's IANA zone. A day is stepped in real elapsed time from local
 * midnight to the next local midnight, so a daylight-saving day has 23 or 25 hours: the skipped hour yields no
 * interval and a repeated hour yields two, told apart by their UTC offsets.
 */
import { DateTime } from 'luxon';

export interface LocalInterval {
  /** ISO-8601 with offset, seconds included: "2026-12-01T08:00:00+08:00". */
  start: string;
  /** Milliseconds since the epoch. */
  startMs: number;
  /** Local wall-clock minutes after midnight (a repeated hour gives the same value twice). */
  minuteOfDay: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

export function dayStart(date: string, zone: string): DateTime {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new RangeError(`invalid date "${date}" in zone ${zone}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt.startOf('day');
}

/** Length of a local day in minutes (1380, 1440 or 1500 around DST changes). */
export function dayLengthMinutes(date: string, zone: string): number {
  const start = dayStart(date, zone);
  return Math.round(start.plus({ days: 1 }).startOf('day').diff(start, 'minutes').minutes);
}

export function isoWithOffset(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** Every interval of a local day, in elapsed-time order. */
export function dayIntervals(date: string, zone: string, intervalMinutes: number): LocalInterval[] {
  const start = dayStart(date, zone);
  const endMs = start.plus({ days: 1 }).startOf('day').toMillis();
  const out: LocalInterval[] = [];
  for (let ms = start.toMillis(); ms < endMs; ms += intervalMinutes * 60_000) {
    const dt = DateTime.fromMillis(ms, { zone });
    out.push({ start: isoWithOffset(dt), startMs: ms, minuteOfDay: dt.hour * 60 + dt.minute, weekday: dt.weekday });
  }
  return out;
}

/** The instant of a local wall-clock time on a date; a time skipped by DST moves forward (luxon's rule). */
export function localInstant(date: string, minuteOfDay: number, zone: string): DateTime {
  return dayStart(date, zone).set({ hour: Math.floor(minuteOfDay / 60) % 24, minute: minuteOfDay % 60 }).plus({ days: minuteOfDay >= 1440 ? 1 : 0 });
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** Calendar dates from `from` for `days` days ("YYYY-MM-DD"). */
export function dateRange(from: string, days: number): string[] {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  return Array.from({ length: days }, (_, i) => start.plus({ days: i }).toISODate()!);
}

/** Every date of a month "YYYY-MM". */
export function monthDates(month: string): string[] {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  if (!start.isValid) throw new RangeError(`invalid month "${month}", expected YYYY-MM`);
  return dateRange(start.toISODate()!, start.daysInMonth!);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
