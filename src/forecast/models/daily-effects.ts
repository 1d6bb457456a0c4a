/**
 * The daily totals of a history, decomposed: log total = week effect + weekday effect + month-position effect,
 * fitted by alternating means (weekday and position effects recency-weighted) and each family of effects
 * shrunk toward 0 by how much of its spread its noise explains (shrinkage.ts). Month position: among the
 * center's open days, the first three and the last two of a month carry their own volume in many centers
 * (billing runs, pay days, month-end deadlines); the rest of the month is the reference.
 */
import type { ModelInput } from '../types.ts';
import { dateOfDay, dayOfDate, weekdayOfDay } from '../zone-clock.ts';
import { dayTotal } from './history-days.ts';
import { shrinkFactor, WeightedMoments } from './shrinkage.ts';

export interface TrainingDay {
  i: number;
  weekday: number;
  /** Month position among open days (monthPosition). */
  position: number;
  total: number;
  /** Recency weight of the shapes (1 for the newest day). */
  weight: number;
}

/**
 * Position of a day in its month among the center's open days: 1, 2, 3 = the first open days, -1, -2 = the last
 * ones, 0 otherwise.
 */
export function monthPosition(day: number, dates: (k: number) => string, open: (k: number) => boolean): number {
  const month = dates(day).slice(0, 7);
  let before = 0;
  for (let k = day - 1; dates(k).slice(0, 7) === month; k--) if (open(k)) before++;
  let after = 0;
  for (let k = day + 1; dates(k).slice(0, 7) === month; k++) if (open(k)) after++;
  if (before < 3) return before + 1;
  if (after < 2) return -(after + 1);
  return 0;
}

/** Calendar helpers over grid day indices (before the grid's first day and past its end included). */
export function calendarOf(input: ModelInput) {
  const { grid } = input;
  const first = dayOfDate(grid.dates[0]);
  const date = (k: number) => dateOfDay(first + k);
  const open = (k: number) => grid.openDays[weekdayOfDay(first + k)] && !input.closedDates?.has(date(k));
  return { date, open, position: (k: number) => monthPosition(k, date, open) };
}

/** Usable complete days before the origin, with their totals, positions and recency weights. */
export function trainingDays(input: ModelInput, halfLifeWeeks: number): TrainingDay[] {
  const { grid, trainEnd } = input;
  const cal = calendarOf(input);
  const out: TrainingDay[] = [];
  for (let i = 0; i < trainEnd; i++) {
    if (!grid.usable[i] || !grid.complete[i]) continue;
    const w = grid.weekdays[i];
    const total = dayTotal(grid.values[i], grid.openSlots[w]);
    if (!(total > 0)) continue;
    out.push({ i, weekday: w, position: cal.position(i), total, weight: 0.5 ** ((trainEnd - 1 - i) / 7 / halfLifeWeeks) });
  }
  return out;
}

export interface DailyEffects {
  /** log weekday effect by ISO weekday (0 for closed weekdays), centred on the open weekdays. */
  weekday: number[];
  /** log month-position effect by position (see monthPosition); absent = 0. */
  position: Map<number, number>;
}

/** Effects of a family (by key), each shrunk by the family's James–Stein factor. */
function shrunkEffects(moments: Map<number, WeightedMoments>, prior: number): Map<number, number> {
  let spread = 0;
  let noise: number | null = 0;
  let n = 0;
  for (const m of moments.values()) {
    spread += m.mean ** 2;
    const v = m.varianceOfMean;
    noise = v === null || noise === null ? null : noise + v;
    n += m.n;
  }
  const k = shrinkFactor(spread, noise, n / Math.max(1, moments.size), prior);
  return new Map([...moments].map(([key, m]) => [key, k * m.mean]));
}

export function dailyEffects(days: readonly TrainingDay[], openDays: readonly boolean[], o: { weekdayPrior: number; positionPrior: number }): DailyEffects {
  const b = new Array<number>(8).fill(0);
  const m = new Map<number, number>();
  if (days.length === 0) return { weekday: b, position: m };
  const week = (i: number) => Math.floor(i / 7);
  const weekEffect = new Map<number, number>();
  const pos = (d: TrainingDay) => m.get(d.position) ?? 0;
  const open = [1, 2, 3, 4, 5, 6, 7].filter((w) => openDays[w]);
  for (let iter = 0; iter < 10; iter++) {
    const sums = new Map<number, [number, number]>();
    for (const d of days) {
      const s = sums.get(week(d.i)) ?? [0, 0];
      s[0] += Math.log(d.total) - b[d.weekday] - pos(d);
      s[1] += 1;
      sums.set(week(d.i), s);
    }
    for (const [k, [sum, n]] of sums) weekEffect.set(k, sum / n);
    const byWeekday = new Map<number, WeightedMoments>();
    for (const d of days) {
      const mo = byWeekday.get(d.weekday) ?? new WeightedMoments();
      mo.add(Math.log(d.total) - weekEffect.get(week(d.i))! - pos(d), d.weight);
      byWeekday.set(d.weekday, mo);
    }
    const shrunk = shrunkEffects(byWeekday, o.weekdayPrior);
    for (let w = 1; w <= 7; w++) b[w] = shrunk.get(w) ?? 0;
    const mean = open.reduce((s, w) => s + b[w], 0) / Math.max(1, open.length);
    for (const w of open) b[w] -= mean;
    if (o.positionPrior < Infinity) {
      const byPosition = new Map<number, WeightedMoments>();
      for (const d of days) {
        if (d.position === 0) continue;
        const mo = byPosition.get(d.position) ?? new WeightedMoments();
        mo.add(Math.log(d.total) - weekEffect.get(week(d.i))! - b[d.weekday], 1);
        byPosition.set(d.position, mo);
      }
      m.clear();
      for (const [k, v] of shrunkEffects(byPosition, o.positionPrior)) m.set(k, v);
    }
  }
  return { weekday: b, position: m };
}
