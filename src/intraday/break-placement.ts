/**
 * Breaks and meal of one shift placed against the day's coverage (R7, R8, R9 with the center's settings): the
 * meal (the template's, or defaultMealMinutes for shifts over mealAfterShiftMinutes) starts inside its window
 * where the agents on the phones exceed the requirement most; then one break of hourlyBreakMinutes in each full
 * hour, never starting in the first noBreakFirstMinutes nor overlapping the meal, at the 5-minute slot whose
 * interval has the largest surplus. Placing shifts one after another with the coverage updated in between
 * staggers the breaks (R7: "staggered so that coverage stays as close to the requirement as possible").
 */
import type { BreakSlot } from '../../solver/roster.ts';
import type { Center, ShiftTemplate } from '../domain/center-schema.ts';
import { clockMinutes } from '../time/clock.ts';
import { localInstant } from '../time/local-day.ts';

export interface CoverageGrid {
  intervalStarts: readonly number[];
  intervalMs: number;
  required: readonly number[];
  scheduled: readonly number[];
}

const SLOT = 5 * 60_000;

function surplusAt(grid: CoverageGrid, ms: number): number {
  const i = Math.floor((ms - grid.intervalStarts[0]) / grid.intervalMs);
  if (i < 0 || i >= grid.intervalStarts.length) return Infinity;
  return grid.scheduled[i] - grid.required[i];
}

/** Lowest surplus over [from, to): what taking an agent off the phones there costs least when it is high. */
function minSurplus(grid: CoverageGrid, from: number, to: number): number {
  let m = Infinity;
  for (let t = from; t < to; t += SLOT) m = Math.min(m, surplusAt(grid, t));
  return m;
}

export function placeBreaks(
  center: Center, template: ShiftTemplate | undefined, date: string, startMs: number, endMs: number, grid: CoverageGrid, render: (ms: number) => string,
): BreakSlot[] {
  const r = center.rules;
  const minutes = (endMs - startMs) / 60_000;
  const out: Array<{ ms: number; minutes: number; kind: 'break' | 'meal' }> = [];
  const earliest = startMs + r.noBreakFirstMinutes * 60_000;
  const mealMinutes = template?.meal?.minutes ?? (minutes > r.mealAfterShiftMinutes ? r.defaultMealMinutes : 0);
  let meal: [number, number] | null = null;
  if (mealMinutes > 0) {
    const lo = Math.max(earliest, template?.meal ? localInstant(date, clockMinutes(template.meal.from), center.timezone).toMillis() : startMs + (minutes * 60_000 - mealMinutes * 60_000) / 3);
    const hiEnd = Math.min(endMs, template?.meal ? localInstant(date, clockMinutes(template.meal.to), center.timezone).toMillis() : endMs - (minutes * 60_000) / 4);
    let best: number | null = null;
    let bestValue = -Infinity;
    for (let t = lo; t + mealMinutes * 60_000 <= hiEnd; t += SLOT) {
      const v = minSurplus(grid, t, t + mealMinutes * 60_000);
      if (v > bestValue) {
        bestValue = v;
        best = t;
      }
    }
    if (best !== null) {
      meal = [best, best + mealMinutes * 60_000];
      out.push({ ms: best, minutes: mealMinutes, kind: 'meal' });
    }
  }
  if (r.hourlyBreakMinutes > 0) {
    const len = r.hourlyBreakMinutes * 60_000;
    for (let h = startMs; h + 3_600_000 <= endMs; h += 3_600_000) {
      let best: number | null = null;
      let bestValue = -Infinity;
      for (let t = Math.max(h, earliest); t + len <= h + 3_600_000; t += SLOT) {
        if (meal && t < meal[1] && t + len > meal[0]) continue;
        const v = minSurplus(grid, t, t + len);
        if (v > bestValue) {
          bestValue = v;
          best = t;
        }
      }
      if (best !== null) out.push({ ms: best, minutes: r.hourlyBreakMinutes, kind: 'break' });
    }
  }
  return out.sort((a, b) => a.ms - b.ms).map((b) => ({ start: render(b.ms), minutes: b.minutes, kind: b.kind }));
}
