/**
 * When the center is open (FORMATS.md "Center" `open`, `specialDays`): the open spans of a date as instants,
 * closed holidays excluded. R11 needs a supervisor for every open minute; shifts are only rostered on open days.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import { clockMinutes } from '../../src/time/clock.ts';
import { isoWeekday, localInstant } from '../../src/time/local-day.ts';
import type { TimeSpan } from './work-blocks.ts';

const cache = new WeakMap<Center, Map<string, TimeSpan[]>>();

/** Open spans of one date, merged and in time order; empty on a closed day (cached per center). */
export function openSpans(center: Center, date: string): TimeSpan[] {
  let byDate = cache.get(center);
  if (!byDate) cache.set(center, (byDate = new Map()));
  let spans = byDate.get(date);
  if (!spans) byDate.set(date, (spans = computeOpenSpans(center, date)));
  return spans;
}

function computeOpenSpans(center: Center, date: string): TimeSpan[] {
  if (center.specialDays.some((d) => d.date === date && d.closed)) return [];
  const weekday = isoWeekday(date);
  const spans = center.open
    .filter((o) => o.days.includes(weekday))
    .map((o) => ({
      fromMs: localInstant(date, clockMinutes(o.from), center.timezone).toMillis(),
      toMs: localInstant(date, clockMinutes(o.to), center.timezone).toMillis(),
    }))
    .filter((s) => s.toMs > s.fromMs)
    .sort((a, b) => a.fromMs - b.fromMs);
  const merged: TimeSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, s.toMs);
    else merged.push({ ...s });
  }
  return merged;
}

export function isOpenDay(center: Center, date: string): boolean {
  return openSpans(center, date).length > 0;
}
