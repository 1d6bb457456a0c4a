/**
 * The month as a line of intervals in real elapsed time, in the center's IANA zone (luxon, through
 * src/time/local-day.ts). Every local day contributes its own intervals, so a daylight-saving day has 23 or 25
 * hours: a skipped hour has no interval and a repeated hour has two, told apart by their instants (epoch ms)
 * and their ISO strings with offsets. Everything downstream addresses intervals by their global index here.
 */
import { dayIntervals, isoWeekday, isoWithOffset, localInstant, monthDates, dayStart } from '../../src/time/local-day.ts';
import { DateTime } from 'luxon';

export interface Horizon {
  zone: string;
  month: string;
  intervalMinutes: number;
  intervalMs: number;
  dates: string[];
  /** ISO weekday of each date (1 = Monday). */
  weekdays: number[];
  /** Global index of the first interval of each date; dayFirst[dates.length] = interval count. */
  dayFirst: number[];
  /** Per global interval: start instant (ms), ISO string with offset, local minute of day, day index. */
  startMs: number[];
  startIso: string[];
  minuteOfDay: number[];
  dayOf: number[];
  /** Instant of the month's first local midnight and of the local midnight after its last day. */
  beginMs: number;
  endMs: number;
  /** Date index of a "YYYY-MM-DD" in the month, or -1. */
  dayIndex(date: string): number;
  /** Global interval whose start is exactly this instant, or -1. */
  intervalAt(ms: number): number;
  /** Global interval containing this instant, or -1 outside the month. */
  intervalContaining(ms: number): number;
  /** The instant of a local clock time ("minutes after midnight", may exceed 1440) on a date of any month (cached). */
  instant(date: string, minuteOfDay: number): number;
  /** Local clock minutes (0–1439) of an instant. */
  clockOf(ms: number): number;
  /** ISO-8601 with the zone's offset at that instant (cached). */
  iso(ms: number): string;
}

export function buildHorizon(month: string, zone: string, intervalMinutes: number): Horizon {
  const dates = monthDates(month);
  const dayFirst: number[] = [];
  const startMs: number[] = [];
  const startIso: string[] = [];
  const minuteOfDay: number[] = [];
  const dayOf: number[] = [];
  dates.forEach((date, d) => {
    dayFirst.push(startMs.length);
    for (const iv of dayIntervals(date, zone, intervalMinutes)) {
      startMs.push(iv.startMs);
      startIso.push(iv.start);
      minuteOfDay.push(iv.minuteOfDay);
      dayOf.push(d);
    }
  });
  dayFirst.push(startMs.length);
  const byMs = new Map<number, number>();
  startMs.forEach((ms, i) => byMs.set(ms, i));
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const beginMs = dayStart(dates[0], zone).toMillis();
  const endMs = dayStart(dates[dates.length - 1], zone).plus({ days: 1 }).startOf('day').toMillis();
  const intervalMs = intervalMinutes * 60_000;
  const instants = new Map<string, number>();
  const isos = new Map<number, string>();
  const clockOf = (ms: number) => {
    if (ms >= beginMs && ms < endMs) {
      let lo = 0;
      let hi = startMs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (startMs[mid] <= ms) lo = mid;
        else hi = mid - 1;
      }
      const m = minuteOfDay[lo] + Math.floor((ms - startMs[lo]) / 60_000);
      if (m < 1440) return m;
    }
    const dt = DateTime.fromMillis(ms, { zone });
    return dt.hour * 60 + dt.minute;
  };
  return {
    zone,
    month,
    intervalMinutes,
    intervalMs,
    dates,
    weekdays: dates.map(isoWeekday),
    dayFirst,
    startMs,
    startIso,
    minuteOfDay,
    dayOf,
    beginMs,
    endMs,
    dayIndex: (date) => dateIndex.get(date) ?? -1,
    intervalAt: (ms) => byMs.get(ms) ?? -1,
    intervalContaining(ms) {
      if (ms < beginMs || ms >= endMs) return -1;
      // Intervals are contiguous in elapsed time; the grid may restart at a local midnight, so search.
      let lo = 0;
      let hi = startMs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (startMs[mid] <= ms) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    instant(date, minute) {
      const key = `${date}|${minute}`;
      let ms = instants.get(key);
      if (ms === undefined) instants.set(key, (ms = localInstant(date, minute, zone).toMillis()));
      return ms;
    },
    clockOf,
    iso(ms) {
      let text = isos.get(ms);
      if (text === undefined) isos.set(ms, (text = isoWithOffset(DateTime.fromMillis(ms, { zone }))));
      return text;
    },
  };
}

/** Overlap in ms of [a0, a1) and [b0, b1). */
export function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
