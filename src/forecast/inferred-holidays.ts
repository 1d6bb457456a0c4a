/**
 * Holidays for a queue whose center declared none: the public holidays of its country
 * (src/forecast/public-holidays.ts), taken as closed days when the history shows the center closes on them:
 * a holiday the history holds is closed if its days there had no traffic; the others if at least half of the
 * history's public holidays on open weekdays had none, or, when the history holds none, if the center closes
 * on some weekday (a weekday business usually keeps public holidays; a center open every day is not assumed
 * closed). Closed holidays get no forecast, the day after them the
 * carried-over volume (special-days.ts), and in the history they are closures, not gaps.
 */
import type { SpecialDay } from './types.ts';
import type { SourceSeries } from './series.ts';
import { publicHolidays, type PublicHoliday } from './public-holidays.ts';
import { dateOfDay, dayOfDate, weekdayOfDay } from './zone-clock.ts';

export interface InferredHolidays {
  days: SpecialDay[];
  /** How the decision was made, for the report. */
  note: string;
}

export function inferHolidays(series: SourceSeries, zone: string, horizonEnd: string, declared: readonly SpecialDay[]): InferredHolidays {
  const from = dateOfDay(series.firstDay);
  const all = publicHolidays(zone, from, horizonEnd);
  if (all.length === 0) return { days: [], note: 'no public-holiday calendar for this time zone: only declared special days' };
  const seen = new Array<number>(8).fill(0);
  const withData = new Array<number>(8).fill(0);
  series.values.forEach((v, k) => {
    const w = weekdayOfDay(series.firstDay + k);
    seen[w]++;
    if (v) withData[w]++;
  });
  const openWeekday = (w: number) => seen[w] > 0 && withData[w] >= 0.5 * seen[w];
  const inHistory = all.filter((h) => dayOfDate(h.date) <= series.lastDay && openWeekday(weekdayOfDay(dayOfDate(h.date))));
  const isClosed = (h: PublicHoliday) => !series.values[dayOfDate(h.date) - series.firstDay];
  const closedOnes = inHistory.filter(isClosed);
  const weekdayClosed = [1, 2, 3, 4, 5, 6, 7].some((w) => !openWeekday(w));
  // A holiday the history shows is decided by its own days; the others follow the history's holidays as a
  // whole (at least half closed), or, with none in the history, whether the center closes on some weekday.
  const observes = inHistory.length > 0 ? closedOnes.length * 2 >= inHistory.length : weekdayClosed;
  const ownVerdict = new Map<string, boolean>();
  for (const name of new Set(inHistory.map((h) => h.name))) {
    const mine = inHistory.filter((h) => h.name === name);
    ownVerdict.set(name, mine.filter(isClosed).length * 2 > mine.length);
  }
  const evidence = inHistory.length > 0
    ? `${closedOnes.length} of the ${inHistory.length} public holiday(s) in the history had no traffic (${inHistory.map((h) => `${h.date}${isClosed(h) ? ' closed' : ' open'}`).join(', ')})`
    : weekdayClosed ? 'no public holiday in the history; the center closes on some weekdays' : 'no public holiday in the history; the center is open every day';
  const declaredDates = new Set(declared.map((d) => d.date));
  const days: SpecialDay[] = all
    .filter((h) => (ownVerdict.get(h.name) ?? observes) && !declaredDates.has(h.date) && openWeekday(weekdayOfDay(dayOfDate(h.date))))
    .map((h) => ({ date: h.date, kind: 'holiday' as const, name: h.name, closed: true }));
  if (days.length === 0) return { days: [], note: `public holidays not taken as closed: ${evidence}` };
  return { days, note: `public holidays taken as closed days: ${evidence}` };
}
