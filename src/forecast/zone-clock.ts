/**
 * Fast local calendar arithmetic in one IANA zone for bulk series work: instant → (local day number, minute of
 * day, weekday). Offsets come from luxon's IANAZone and are cached per quarter hour of elapsed time, so
 * converting 100 000 rows costs a few thousand zone look-ups. A "day number" is days since 1970-01-01 of the
 * local calendar date.
 */
import { IANAZone } from 'luxon';
import { ValidationError } from '../errors.ts';
import { dayStart } from '../time/local-day.ts';

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;

export function assertZone(zone: string, where = 'zone'): void {
  if (typeof zone !== 'string' || !IANAZone.isValidZone(zone)) {
    throw new ValidationError(`unknown time zone "${zone}"`, [
      { where, message: `"${zone}" is not an IANA time zone (e.g. America/New_York, Asia/Shanghai, UTC)` },
    ]);
  }
}

export class ZoneClock {
  readonly zone: string;
  private readonly iana: IANAZone;
  private readonly offsets = new Map<number, number>();
  private readonly dateTexts = new Map<number, string>();

  constructor(zone: string) {
    assertZone(zone);
    this.zone = zone;
    this.iana = IANAZone.create(zone);
  }

  /** UTC offset in minutes at an instant. */
  offsetMinutes(ms: number): number {
    const key = Math.floor(ms / QUARTER_HOUR);
    let off = this.offsets.get(key);
    if (off === undefined) {
      off = this.iana.offset(key * QUARTER_HOUR);
      this.offsets.set(key, off);
    }
    return off;
  }

  /** Local day number, minute of the local day and ISO weekday of an instant. */
  local(ms: number): { day: number; minute: number; weekday: number } {
    const localMs = ms + this.offsetMinutes(ms) * 60_000;
    const day = Math.floor(localMs / DAY);
    return { day, minute: Math.floor((localMs - day * DAY) / 60_000), weekday: weekdayOfDay(day) };
  }

  dateText(day: number): string {
    let text = this.dateTexts.get(day);
    if (text === undefined) {
      text = new Date(day * DAY).toISOString().slice(0, 10);
      this.dateTexts.set(day, text);
    }
    return text;
  }

  /** Minutes in a local day (1380, 1440 or 1500 around DST changes). */
  dayMinutes(day: number): number {
    const start = dayStart(this.dateText(day), this.zone);
    return Math.round(start.plus({ days: 1 }).startOf('day').diff(start, 'minutes').minutes);
  }

  /** Instant of local midnight of a day. */
  midnightMs(day: number): number {
    return dayStart(this.dateText(day), this.zone).toMillis();
  }
}

/** ISO weekday (1 = Monday) of a day number (day 0 = Thursday 1970-01-01). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Day number of a "YYYY-MM-DD" date. */
export function dayOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

