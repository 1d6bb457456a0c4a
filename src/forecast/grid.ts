/**
 * A queue's source series → the day × slot grid the models read, at the forecast interval.
 *
 * Open hours are learned from the recent history (the last 8 weeks): a weekday is open when at least half of its
 * dates have data, and a wall-clock position is open on that weekday when at least half of the weekday's recent
 * dates have a row there. So a weekday-only center gets no weekend, a 24×7 center gets every hour, and a short
 * Friday stays short, with no configuration. Inside open hours, a missing row is a gap: reported, and its slot
 * left NaN (ignored by every model), never read as zero. A DST day's skipped hour is not a gap.
 */
import { formatClock } from '../time/clock.ts';
import { dayIntervals } from '../time/local-day.ts';
import type { SourceSeries } from './series.ts';
import type { DayGrid, GapRun, OpenHours } from './types.ts';
import { weekdayOfDay, type ZoneClock } from './zone-clock.ts';

/** How far back open hours are learned from, and the share of dates that makes a day or position open. */
export const OPEN_HOURS_WINDOW_DAYS = 56;
export const OPEN_SHARE = 0.5;
/** Gap runs listed in the report (all are counted). */
const MAX_GAP_RUNS = 200;

export interface QueueHistory {
  grid: DayGrid;
  baseMinutes: number;
  rows: number;
  /** Σ aht × calls and Σ calls per day and slot at the forecast interval (all zero without aht_seconds). */
  ahtSum: Float64Array[];
  ahtWeight: Float64Array[];
  hasAht: boolean;
  openHours: OpenHours[];
  missingDays: string[];
  gaps: { count: number; intervals: number; runs: GapRun[] };
}

function learnOpenPositions(series: SourceSeries, weekdays: number[]) {
  const n = series.values.length;
  const positions = 1440 / series.baseMinutes;
  const windowStart = Math.max(0, n - OPEN_HOURS_WINDOW_DAYS);
  const openDays = new Array<boolean>(8).fill(false);
  const openPositions: boolean[][] = Array.from({ length: 8 }, () => new Array<boolean>(positions).fill(false));
  for (let w = 1; w <= 7; w++) {
    const dated: number[] = [];
    let occurrences = 0;
    for (let i = windowStart; i < n; i++) {
      if (weekdays[i] !== w) continue;
      occurrences++;
      if (series.values[i]) dated.push(i);
    }
    if (dated.length === 0 || dated.length < OPEN_SHARE * occurrences) continue;
    openDays[w] = true;
    const present = new Array<number>(positions).fill(0);
    for (const i of dated) {
      const v = series.values[i]!;
      for (let j = 0; j < positions; j++) if (!Number.isNaN(v[j])) present[j]++;
    }
    for (let j = 0; j < positions; j++) openPositions[w][j] = present[j] > 0 && present[j] >= OPEN_SHARE * dated.length;
  }
  return { openDays, openPositions };
}

/** Wall-clock positions that exist on a day: all of them, except the hour skipped on a spring-forward day. */
function existingPositions(clock: ZoneClock, day: number, baseMinutes: number): boolean[] | null {
  if (clock.dayMinutes(day) >= 1440) return null;
  const exists = new Array<boolean>(1440 / baseMinutes).fill(false);
  for (const iv of dayIntervals(clock.dateText(day), clock.zone, baseMinutes)) exists[iv.minuteOfDay / baseMinutes] = true;
  return exists;
}

export function buildQueueHistory(
  series: SourceSeries,
  clock: ZoneClock,
  intervalMinutes: number,
  /** Dates left out of training (special days and the days after closed ones). */
  excluded: ReadonlySet<string>,
  /** Dates known to be closed (closed special days): not reported as missing. */
  closedDates: ReadonlySet<string>,
): QueueHistory {
  const base = series.baseMinutes;
  const k = intervalMinutes / base;
  const slots = 1440 / intervalMinutes;
  const n = series.values.length;
  const dates: string[] = [];
  const weekdays: number[] = [];
  for (let i = 0; i < n; i++) {
    dates.push(clock.dateText(series.firstDay + i));
    weekdays.push(weekdayOfDay(series.firstDay + i));
  }
  const { openDays, openPositions } = learnOpenPositions(series, weekdays);
  const openSlots = openPositions.map((pos) => Array.from({ length: slots }, (_, s) => pos.slice(s * k, s * k + k).some(Boolean)));

  const values: Float64Array[] = [];
  const ahtSum: Float64Array[] = [];
  const ahtWeight: Float64Array[] = [];
  const usable: boolean[] = [];
  const complete: boolean[] = [];
  const missingDays: string[] = [];
  const runs: GapRun[] = [];
  let gapCount = 0;
  let gapIntervals = 0;
  let hasAht = false;

  for (let i = 0; i < n; i++) {
    const src = series.values[i];
    const w = weekdays[i];
    const row = new Float64Array(slots).fill(NaN);
    const aSum = new Float64Array(slots);
    const aWeight = new Float64Array(slots);
    values.push(row);
    ahtSum.push(aSum);
    ahtWeight.push(aWeight);
    if (!src) {
      if (openDays[w] && !closedDates.has(dates[i])) missingDays.push(dates[i]);
      usable.push(false);
      complete.push(false);
      continue;
    }
    const exists = openDays[w] ? existingPositions(clock, series.firstDay + i, base) : null;
    const missing = new Array<boolean>(src.length).fill(false);
    if (openDays[w]) {
      for (let j = 0; j < src.length; j++) missing[j] = openPositions[w][j] && (!exists || exists[j]) && Number.isNaN(src[j]);
      let j = 0;
      while (j < src.length) {
        if (!missing[j]) { j++; continue; }
        const start = j;
        while (j < src.length && missing[j]) j++;
        gapCount++;
        gapIntervals += j - start;
        if (runs.length < MAX_GAP_RUNS) runs.push({ date: dates[i], from: formatClock(start * base), to: formatClock(j * base), intervals: j - start });
      }
    }
    let whole = openDays[w];
    const aSrcSum = series.ahtSum[i];
    const aSrcWeight = series.ahtWeight[i];
    for (let s = 0; s < slots; s++) {
      let sum = 0;
      let any = false;
      let gap = false;
      for (let j = s * k; j < s * k + k; j++) {
        if (missing[j]) gap = true;
        else if (!Number.isNaN(src[j])) {
          sum += src[j];
          any = true;
        }
        if (aSrcSum && aSrcWeight && aSrcWeight[j] > 0) {
          aSum[s] += aSrcSum[j];
          aWeight[s] += aSrcWeight[j];
          hasAht = true;
        }
      }
      if (any && !gap) row[s] = sum;
      else if (gap) whole = false;
    }
    usable.push(openDays[w] && !excluded.has(dates[i]));
    complete.push(whole);
  }

  const openHours: OpenHours[] = [];
  for (let w = 1; w <= 7; w++) {
    const pos = openPositions[w];
    const first = pos.indexOf(true);
    const last = pos.lastIndexOf(true);
    openHours.push({
      weekday: w,
      open: openDays[w],
      from: openDays[w] && first >= 0 ? formatClock(first * base) : null,
      to: openDays[w] && last >= 0 ? formatClock((last + 1) * base) : null,
      intervals: openSlots[w].filter(Boolean).length,
    });
  }

  return {
    grid: { queue: series.queue, intervalMinutes, slots, dates, weekdays, values, usable, complete, openSlots, openDays },
    baseMinutes: base,
    rows: series.rows,
    ahtSum,
    ahtWeight,
    hasAht,
    openHours,
    missingDays,
    gaps: { count: gapCount, intervals: gapIntervals, runs },
  };
}
