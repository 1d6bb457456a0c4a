/**
 * The roster assignment an accepted callout becomes (kind "overtime", shift "OT"): for an extension the extra
 * piece next to the regular shift, for a day off a shift of its own. Breaks follow R7/R9/R8 with the center's
 * settings: one break of hourlyBreakMinutes in the second half of each full hour (so never inside the first
 * noBreakFirstMinutes = 30), and a meal of defaultMealMinutes in the middle when the piece is longer than
 * mealAfterShiftMinutes (hourly breaks that would overlap the meal are dropped).
 */
import { DateTime } from 'luxon';
import type { Assignment, BreakSlot } from '../../../solver/roster.ts';
import type { Center } from '../../domain/center-schema.ts';
import { isoWithOffset } from '../../time/local-day.ts';

export function overtimeAssignment(center: Center, agent: string, queue: string, date: string, startMs: number, endMs: number): Assignment {
  const zone = center.timezone;
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));
  const r = center.rules;
  const minutes = (endMs - startMs) / 60_000;
  const breaks: BreakSlot[] = [];
  let meal: [number, number] | null = null;
  if (minutes > r.mealAfterShiftMinutes && r.defaultMealMinutes > 0) {
    const at = startMs + Math.round((minutes - r.defaultMealMinutes) / 2 / 5) * 5 * 60_000;
    meal = [at, at + r.defaultMealMinutes * 60_000];
    breaks.push({ start: render(at), minutes: r.defaultMealMinutes, kind: 'meal' });
  }
  if (r.hourlyBreakMinutes > 0) {
    const offset = Math.max(30, r.noBreakFirstMinutes);
    for (let k = 0; startMs + (k + 1) * 3_600_000 <= endMs; k++) {
      const at = startMs + k * 3_600_000 + offset * 60_000;
      const end = at + r.hourlyBreakMinutes * 60_000;
      if (end > startMs + (k + 1) * 3_600_000) continue;
      if (meal && at < meal[1] && end > meal[0]) continue;
      breaks.push({ start: render(at), minutes: r.hourlyBreakMinutes, kind: 'break' });
    }
  }
  breaks.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { agent, date, shift: 'OT', queue, start: render(startMs), end: render(endMs), breaks, kind: 'overtime' };
}
