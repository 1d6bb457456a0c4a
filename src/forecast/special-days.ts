/**
 * Special days (holidays, campaigns) from the center's calendar. In the history they are left out of training,
 * and so is the first open day after a closed one (it carries the calls the closed day did not take). In the
 * horizon: a closed day gets no forecast; a day with a multiplier is the normal forecast × multiplier; a day
 * "like" a past date copies that date's traffic, rescaled by how the level moved since; a day with neither
 * takes the median ratio (actual ÷ normal) of past special days of the same name, else of the same kind. The
 * first open day after closed days gets the normal forecast plus a share of their normal volume (a closed
 * Friday and Monday both pour into Tuesday); the share is learned from the history's closed days (median of
 * (actual − normal) ÷ normal of the closed days), or DEFAULT_CARRY_OVER when the history has no closed special day.
 * "Normal" for a past date is the mean of up to four usable days of the same weekday on each side.
 */
import { median } from 'simple-statistics';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { specialDaySchema } from '../domain/center-schema.ts';
import { zodProblems } from '../domain/center-loader.ts';
import { dayTotal } from './models/history-days.ts';
import type { DayGrid, SpecialDay, SpecialDayTreatment } from './types.ts';
import { dateOfDay, dayOfDate, weekdayOfDay } from './zone-clock.ts';

const NEIGHBOUR_WEEKS = 4;
/**
 * Share of a closed day's volume that arrives on the next open day when the history has no closed day to learn
 * it from: callers who could not get through call back, but most of a holiday's demand does not move.
 */
export const DEFAULT_CARRY_OVER = 0.2;

export function parseSpecialDays(input: unknown): SpecialDay[] {
  const parsed = z.array(specialDaySchema).safeParse(input ?? []);
  if (!parsed.success) {
    throw new ValidationError('invalid special days', zodProblems(parsed.error, ['specialDays']));
  }
  return parsed.data;
}

/** The first day after `day` that is an open weekday and not closed. */
export function nextOpenDay(day: number, openDays: readonly boolean[], closed: ReadonlySet<string>): number {
  let d = day + 1;
  for (let k = 0; k < 14; k++, d++) if (openDays[weekdayOfDay(d)] && !closed.has(dateOfDay(d))) return d;
  return d;
}

/** Mean total of up to four usable complete days of the same weekday on each side of grid day i. */
export function normalTotal(grid: DayGrid, i: number, before = Infinity): number {
  const w = grid.weekdays[i];
  const totals: number[] = [];
  for (const dir of [-1, 1]) {
    let found = 0;
    for (let j = i + 7 * dir; j >= 0 && j < Math.min(grid.dates.length, before) && found < NEIGHBOUR_WEEKS; j += 7 * dir) {
      if (!grid.usable[j] || !grid.complete[j]) continue;
      totals.push(dayTotal(grid.values[j], grid.openSlots[w]));
      found++;
    }
  }
  return totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : NaN;
}

export interface SpecialCalendar {
  byDate: Map<string, SpecialDay>;
  /** Position of each date in the given list (for error paths). */
  position: Map<string, number>;
  closed: Set<string>;
  /** Dates that are the first open day after a closed special day (absent from the calendar themselves). */
  afterClosed: Set<string>;
}

export function specialCalendar(days: readonly SpecialDay[], openDays: readonly boolean[]): SpecialCalendar {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const position = new Map(days.map((d, i) => [d.date, i]));
  const closed = new Set(days.filter((d) => d.closed).map((d) => d.date));
  const afterClosed = new Set<string>();
  for (const date of closed) {
    const next = dateOfDay(nextOpenDay(dayOfDate(date), openDays, closed));
    if (!byDate.has(next)) afterClosed.add(next);
  }
  return { byDate, position, closed, afterClosed };
}

/** Leaves special days and days after closed ones out of training (mutates grid.usable). */
export function excludeFromTraining(grid: DayGrid, cal: SpecialCalendar): void {
  grid.dates.forEach((date, i) => {
    if (cal.byDate.has(date) || cal.afterClosed.has(date)) grid.usable[i] = false;
  });
}

function actualTotal(grid: DayGrid, i: number): number {
  return dayTotal(grid.values[i], grid.openSlots[grid.weekdays[i]]);
}

/** Median actual ÷ normal over past special days matching `pick`; NaN when there is none. */
function learnedRatio(grid: DayGrid, cal: SpecialCalendar, pick: (d: SpecialDay) => boolean, trainEnd: number): number {
  const ratios: number[] = [];
  grid.dates.forEach((date, i) => {
    const d = cal.byDate.get(date);
    if (i >= trainEnd || !d || d.closed || !pick(d)) return;
    const actual = actualTotal(grid, i);
    const normal = normalTotal(grid, i, trainEnd);
    if (actual >= 0 && normal > 0) ratios.push(actual / normal);
  });
  return ratios.length ? median(ratios) : NaN;
}

/** Closed dates grouped by the open day that follows them (a closed Friday and Monday both lead to Tuesday). */
function closedBefore(cal: SpecialCalendar, openDays: readonly boolean[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const date of cal.closed) {
    const next = dateOfDay(nextOpenDay(dayOfDate(date), openDays, cal.closed));
    out.set(next, [...(out.get(next) ?? []), date]);
  }
  return out;
}

/** Share of the closed days' normal volume that arrives on the next open day, from the history (NaN if none). */
export function learnedCarryOver(grid: DayGrid, cal: SpecialCalendar, trainEnd: number): number {
  const index = new Map(grid.dates.map((d, i) => [d, i]));
  const shares: number[] = [];
  for (const [next, closedDates] of closedBefore(cal, grid.openDays)) {
    const j = index.get(next);
    const closed = closedDates.map((d) => index.get(d));
    if (j === undefined || j >= trainEnd || !cal.afterClosed.has(next) || !grid.complete[j] || closed.some((i) => i === undefined)) continue;
    const lost = closed.reduce((acc: number, i) => acc + normalTotal(grid, i!, trainEnd), 0);
    const normalNext = normalTotal(grid, j, trainEnd);
    const extra = actualTotal(grid, j) - normalNext;
    if (lost > 0 && normalNext > 0) shares.push(extra / lost);
  }
  return shares.length ? Math.min(1, Math.max(0, median(shares))) : NaN;
}

/** Level now ÷ level around a past date, from mean daily totals of usable complete days (4 weeks each). */
function levelRatio(grid: DayGrid, likeIndex: number, trainEnd: number): number {
  const mean = (from: number, to: number) => {
    const xs: number[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, trainEnd); i++) if (grid.usable[i] && grid.complete[i]) xs.push(actualTotal(grid, i));
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
  };
  const now = mean(trainEnd - 28, trainEnd);
  const then = mean(likeIndex - 14, likeIndex + 15);
  return now > 0 && then > 0 ? now / then : 1;
}

/**
 * Applies the calendar to forecast rows (one per target date, per slot), in place. `normal` must hold the
 * ordinary forecast for every target date, closed ones included (it measures the carried-over volume).
 * Returns the treatment of each special target date, and the dates to leave out entirely.
 */
export function applySpecialDays(
  grid: DayGrid,
  cal: SpecialCalendar,
  targetDates: readonly string[],
  rows: Float64Array[],
): { treatments: SpecialDayTreatment[]; closedTargets: Set<string> } {
  const trainEnd = grid.dates.length;
  const treatments: SpecialDayTreatment[] = [];
  const closedTargets = new Set<string>();
  const index = new Map(grid.dates.map((d, i) => [d, i]));
  const targetIndex = new Map(targetDates.map((d, t) => [d, t]));
  const normal = rows.map((r) => Float64Array.from(r));
  const total = (r: Float64Array, date: string) => {
    const w = weekdayOfDay(dayOfDate(date));
    return r.reduce((acc, x, s) => acc + (grid.openSlots[w][s] ? x : 0), 0);
  };
  const carry = learnedCarryOver(grid, cal, trainEnd);
  const before = closedBefore(cal, grid.openDays);
  targetDates.forEach((date, t) => {
    const d = cal.byDate.get(date);
    if (d) {
      const label = { date, kind: d.kind, name: d.name };
      if (d.closed) {
        closedTargets.add(date);
        treatments.push({ ...label, treatment: 'closed: no forecast' });
        return;
      }
      let factor = d.multiplier ?? 1;
      let how = d.multiplier !== undefined ? `normal × ${d.multiplier}` : '';
      if (d.likeDate) {
        const i = index.get(d.likeDate);
        if (i === undefined || !grid.values[i].some((x) => !Number.isNaN(x))) {
          throw new ValidationError(`special day ${date}: no history on its "like" date ${d.likeDate}`, [
            { where: `$.specialDays[${cal.position.get(date)}].likeDate`, message: `the history has no traffic on ${d.likeDate}` },
          ]);
        }
        const scale = levelRatio(grid, i, trainEnd) * factor;
        rows[t] = Float64Array.from(grid.values[i], (x) => (Number.isNaN(x) ? 0 : x * scale));
        treatments.push({ ...label, treatment: `like ${d.likeDate} × ${round(scale)} (level change${d.multiplier ? ` × multiplier ${d.multiplier}` : ''})` });
        return;
      }
      if (d.multiplier === undefined) {
        const byName = d.name ? learnedRatio(grid, cal, (p) => p.name === d.name, trainEnd) : NaN;
        const byKind = learnedRatio(grid, cal, (p) => p.kind === d.kind, trainEnd);
        factor = Number.isNaN(byName) ? (Number.isNaN(byKind) ? 1 : byKind) : byName;
        how = Number.isNaN(byName) && Number.isNaN(byKind)
          ? 'no multiplier and no past example: forecast as a normal day'
          : `normal × ${round(factor)} (learned from past ${Number.isNaN(byName) ? `${d.kind} days` : `"${d.name}" days`})`;
      }
      for (let s = 0; s < rows[t].length; s++) rows[t][s] *= factor;
      treatments.push({ ...label, treatment: how });
      return;
    }
    if (!cal.afterClosed.has(date)) return;
    const closedDates = before.get(date) ?? [];
    const lost = closedDates.reduce((acc, c) => {
      const k = targetIndex.get(c);
      return acc + (k === undefined ? NaN : total(normal[k], c));
    }, 0);
    const closedDate = closedDates.join(', ');
    const base = total(normal[t], date);
    if (!(lost > 0) || !(base > 0)) {
      treatments.push({ date, kind: 'after-closed', name: `after ${closedDate}`, treatment: 'normal forecast' });
      return;
    }
    const share = Number.isNaN(carry) ? DEFAULT_CARRY_OVER : carry;
    const factor = 1 + (share * lost) / base;
    for (let s = 0; s < rows[t].length; s++) rows[t][s] *= factor;
    const source = Number.isNaN(carry) ? `the default share (no closed day in the history to learn it from)` : 'learned from the history\'s closed days';
    treatments.push({ date, kind: 'after-closed', name: `after ${closedDate}`, treatment: `normal + ${round(share)} of the closed day${closedDates.length > 1 ? 's\'' : '\'s'} volume, ${source} (× ${round(factor)})` });
  });
  return { treatments, closedTargets };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
