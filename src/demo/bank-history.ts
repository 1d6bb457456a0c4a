/**
 * The demo center's traffic history: the real 2003 bank series (data/bank-calls-2003) moved onto the weeks just
 * before a reference day, so forecasts for this month and next make sense on day one.
 *
 * - Dates move by whole weeks (weekdays stay weekdays); wall-clock times move +1 h (bank 07:00–20:55 →
 *   center 08:00–21:55) and are read in the center's zone.
 * - Volumes are thinned binomially (each call kept with probability p, seeded), which keeps Poisson-like noise:
 *   CSR p = 0.18, TSR p = 0.055 (sized so the demo's requirements need about all of its agents' paid hours;
 *   the TSR series is the day's outbound call target).
 * - The bank is closed at weekends; the demo center is open every day. Saturdays and Sundays are derived from
 *   the same week's Friday, thinned to 60% and 45%; the Monday to Thursday after the file's last Friday repeat
 *   the week before (thinned afresh), so the history runs to the day before the reference day. This part is
 *   synthetic, and the README says so.
 */
import { DateTime } from 'luxon';
import { fileURLToPath } from 'node:url';
import { readTrafficFile, type TrafficRow } from '../formats/traffic-csv.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { seededRandom } from './generate-center.ts';

export const BANK_FILE = fileURLToPath(new URL('../../data/bank-calls-2003/traffic-5min.csv', import.meta.url));

const SHARES = { csr: 0.18, tsr: 0.055 } as const;
const WEEKEND = { 6: 0.6, 7: 0.45 } as const;

function binomial(n: number, p: number, rand: () => number): number {
  if (n > 60) {
    // normal approximation, rounded and clamped; exact enough at these counts
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    const u = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.min(n, Math.round(mean + sd * z)));
  }
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

/** Whole weeks to add so the file's last day lands in the week before `today`. */
export function weekShift(lastDate: string, today: string): number {
  const last = DateTime.fromISO(lastDate, { zone: 'UTC' });
  const target = DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: 1 });
  return Math.floor(target.diff(last, 'days').days / 7);
}

export async function demoHistory(zone: string, today: string, seed = 2003): Promise<TrafficRow[]> {
  const bank = await readTrafficFile(BANK_FILE, { zone: 'UTC', source: 'bank-calls-2003' });
  const rand = seededRandom(seed);
  const lastDate = bank[bank.length - 1].intervalStart.slice(0, 10);
  const weeks = weekShift(lastDate, today);
  const out: TrafficRow[] = [];
  let line = 0;
  const emit = (local: DateTime, queue: 'csr' | 'tsr', offered: number) => {
    const dt = DateTime.fromObject(
      { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute },
      { zone },
    );
    out.push({ queue, intervalStart: isoWithOffset(dt), startMs: dt.toMillis(), offered, line: ++line });
  };
  // The last week of the file is repeated once after it (Monday to Thursday), so the history reaches the day
  // before `today` whatever the weekday.
  const lastLocal = DateTime.fromISO(lastDate, { zone: 'UTC' }).plus({ weeks }).toISODate()!;
  for (const row of bank) {
    const local = DateTime.fromISO(row.intervalStart, { zone: 'UTC' }).plus({ weeks, hours: 1 });
    if (local.hour >= 22) continue;
    const again = local.plus({ weeks: 1 });
    for (const queue of ['csr', 'tsr'] as const) {
      emit(local, queue, binomial(row.offered, SHARES[queue], rand));
      if (again.toISODate()! > lastLocal && again.weekday <= 4) emit(again, queue, binomial(row.offered, SHARES[queue], rand));
      if (local.weekday === 5) {
        for (const [weekday, share] of Object.entries(WEEKEND)) {
          emit(local.plus({ days: Number(weekday) - 5 }), queue, binomial(row.offered, SHARES[queue] * share, rand));
        }
      }
    }
  }
  const limit = DateTime.fromISO(today, { zone }).startOf('day').toMillis();
  return out.filter((r) => r.startMs < limit).sort((a, b) => a.queue.localeCompare(b.queue) || a.startMs - b.startMs);
}
