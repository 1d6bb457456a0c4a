/**
 * Default public-holiday calendars, for a center that declares no special days: its time zone names its
 * country. The United States: the eleven federal holidays (5 U.S.C. § 6103), with a Saturday holiday observed
 * on the Friday before and a Sunday one on the Monday after. China (Asia/Shanghai and the other mainland zones):
 * the fixed-date statutory holidays (New Year's Day, Labour Day 1 May, National Day 1–3 October); the lunar
 * ones (Spring Festival, Qingming, Dragon Boat, Mid-Autumn) move with the calendar the State Council
 * publishes each year and are left to the center's own special days. Whether a center closes on them is
 * decided from its history (src/forecast/inferred-holidays.ts), never assumed for a center open every day.
 */
import { DateTime } from 'luxon';

export interface PublicHoliday {
  date: string;
  name: string;
}

const US_ZONES = /^(America\/(New_York|Detroit|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Juneau|Boise|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Menominee|Adak|Nome|Sitka|Yakutat|Metlakatla)|Pacific\/Honolulu|US\/.+)$/;
const CN_ZONES = /^(Asia\/(Shanghai|Chongqing|Harbin|Urumqi|Kashgar)|PRC)$/;

export function holidayCountry(zone: string): 'US' | 'CN' | null {
  if (US_ZONES.test(zone)) return 'US';
  if (CN_ZONES.test(zone)) return 'CN';
  return null;
}

const iso = (y: number, m: number, d: number) => DateTime.utc(y, m, d).toISODate()!;

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = DateTime.utc(y, m, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) }).toISODate()!;
  }
  const last = DateTime.utc(y, m, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 }).toISODate()!;
}

/** A fixed-date federal holiday as observed: Saturday → Friday before, Sunday → Monday after. */
function observed(y: number, m: number, d: number): string {
  const day = DateTime.utc(y, m, d);
  if (day.weekday === 6) return day.minus({ days: 1 }).toISODate()!;
  if (day.weekday === 7) return day.plus({ days: 1 }).toISODate()!;
  return day.toISODate()!;
}

function usHolidays(y: number): PublicHoliday[] {
  return [
    { date: observed(y, 1, 1), name: "New Year's Day" },
    { date: nthWeekday(y, 1, 1, 3), name: 'Martin Luther King Jr. Day' },
    { date: nthWeekday(y, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(y, 5, 1, -1), name: 'Memorial Day' },
    ...(y >= 2021 ? [{ date: observed(y, 6, 19), name: 'Juneteenth' }] : []),
    { date: observed(y, 7, 4), name: 'Independence Day' },
    { date: nthWeekday(y, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(y, 10, 1, 2), name: 'Columbus Day' },
    { date: observed(y, 11, 11), name: 'Veterans Day' },
    { date: nthWeekday(y, 11, 4, 4), name: 'Thanksgiving Day' },
    { date: observed(y, 12, 25), name: 'Christmas Day' },
  ];
}

function cnHolidays(y: number): PublicHoliday[] {
  return [
    { date: iso(y, 1, 1), name: "New Year's Day" },
    { date: iso(y, 5, 1), name: 'Labour Day' },
    { date: iso(y, 10, 1), name: 'National Day' },
    { date: iso(y, 10, 2), name: 'National Day' },
    { date: iso(y, 10, 3), name: 'National Day' },
  ];
}

/** Public holidays of the zone's country between two dates (inclusive), sorted; [] for an unknown country. */
export function publicHolidays(zone: string, from: string, to: string): PublicHoliday[] {
  const country = holidayCountry(zone);
  if (!country) return [];
  const out: PublicHoliday[] = [];
  // A year's New Year's Day may be observed on the last day of the year before.
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) + 1; y++) {
    for (const h of country === 'US' ? usHolidays(y) : cnHolidays(y)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
