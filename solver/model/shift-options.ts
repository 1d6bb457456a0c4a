/**
 * Shift options of the month: every (day, template, start) the solver may roster, with the meal positions each
 * option allows (R8, R9) and, for each meal position, the agent's coverage of the intervals and the candidate
 * intervals of each hourly break (R7). A template with a start window (R4 floating shifts and windowed starts)
 * yields one option per interval step in the window. With bus departures (R12), only starts whose end falls
 * 10–15 min before a departure are kept (all are kept when none does, and R12 reports it).
 * Times are instants: a start is the local clock time on its date (luxon), the end is start + minutes of real
 * elapsed time, so shifts over a daylight-saving change keep their length.
 */
import type { Center, ShiftTemplate } from '../../src/domain/center-schema.ts';
import { clockMinutes } from '../../src/time/clock.ts';
import type { Horizon } from './horizon.ts';
import { overlapMs } from './horizon.ts';
import { isOpenDay } from './opening.ts';
import { workBlocks, type TimeSpan } from './work-blocks.ts';

export interface BreakSlot {
  /** Global interval of the slot, -1 outside the month. */
  idx: number;
  fromMs: number;
  toMs: number;
}

export interface MealChoice {
  meal?: TimeSpan;
  /** Coverage before breaks: global interval indices and the share of the interval on the phones. */
  idx: number[];
  frac: number[];
  /** R7: for each full working hour, the intervals its break may go in (R9: none in the first minutes). */
  blocks: BreakSlot[][];
}

export interface ShiftOption {
  id: number;
  day: number;
  date: string;
  template: number;
  templateId: string;
  floating: boolean;
  /** Local clock minutes of the start. */
  startClock: number;
  startMs: number;
  endMs: number;
  meals: MealChoice[];
  /** Minutes of meal this option carries (0 when the shift is not long enough for one). */
  mealMinutes: number;
}

export function templateStarts(t: ShiftTemplate, step: number): number[] {
  if (!Array.isArray(t.start)) return [clockMinutes(t.start)];
  const out: number[] = [];
  for (let m = clockMinutes(t.start[0]); m <= clockMinutes(t.start[1]); m += step) out.push(m);
  return out;
}

/** R12: whether a shift ending at `endMs` ends 10–15 min (rules.busLeadMinutes) before a bus departure. */
export function endsBeforeBus(center: Center, h: Horizon, date: string, endMs: number): boolean {
  const [lo, hi] = center.rules.busLeadMinutes;
  return center.busDepartures.some((dep) => {
    const clock = clockMinutes(dep);
    for (const extra of [0, 1440]) {
      const depMs = h.instant(date, clock + extra);
      const lead = (depMs - endMs) / 60_000;
      if (lead >= lo && lead <= hi) return true;
    }
    return false;
  });
}

function mealChoices(center: Center, h: Horizon, t: ShiftTemplate, date: string, startMs: number, endMs: number, startClock: number) {
  const rules = center.rules;
  const minutes = t.minutes;
  if (minutes <= rules.mealAfterShiftMinutes) return { spans: [undefined] as (TimeSpan | undefined)[], mealMinutes: 0 };
  const mealMinutes = t.meal?.minutes ?? rules.defaultMealMinutes;
  let fromMs: number;
  let toMs: number;
  if (t.meal) {
    let from = clockMinutes(t.meal.from);
    let to = clockMinutes(t.meal.to);
    if (from < startClock) from += 1440;
    if (to < from) to += 1440;
    fromMs = h.instant(date, from);
    toMs = h.instant(date, to);
  } else {
    // R8 without a window: anywhere in the shift.
    fromMs = startMs;
    toMs = endMs;
  }
  const mealMs = mealMinutes * 60_000;
  const earliest = Math.max(fromMs, startMs + rules.noBreakFirstMinutes * 60_000);
  const latest = Math.min(toMs, endMs) - mealMs;
  if (latest < earliest) return { spans: [] as (TimeSpan | undefined)[], mealMinutes };
  // Meal starts on the interval grid are enough when the meal is a whole number of intervals and the grid
  // starts on a boundary: a start in between covers what a mix of its two neighbours does (so the model's
  // relaxation loses nothing). Otherwise every 5-minute start. The window's first and last starts always.
  const stepMs = h.intervalMinutes * 60_000;
  const onGrid = (ms: number) => h.intervalContaining(ms) >= 0 && h.startMs[h.intervalContaining(ms)] === ms;
  const coarse = mealMinutes % h.intervalMinutes === 0;
  const starts = new Set<number>([earliest, latest]);
  const first = coarse ? Math.ceil((earliest - startMs) / stepMs) * stepMs + startMs : earliest;
  const step = coarse && onGrid(first) ? stepMs : 5 * 60_000;
  for (let s = coarse && onGrid(first) ? first : earliest; s <= latest; s += step) starts.add(s);
  const spans = [...starts].sort((a, b) => a - b).map((s) => ({ fromMs: s, toMs: s + mealMs }));
  return { spans: spans as (TimeSpan | undefined)[], mealMinutes };
}

function coverageOf(h: Horizon, startMs: number, endMs: number, meal: TimeSpan | undefined) {
  const idx: number[] = [];
  const frac: number[] = [];
  const first = h.intervalContaining(Math.max(startMs, h.beginMs));
  if (first < 0) return { idx, frac };
  for (let i = first; i < h.startMs.length && h.startMs[i] < endMs; i++) {
    const i0 = h.startMs[i];
    const i1 = i + 1 < h.startMs.length ? h.startMs[i + 1] : h.endMs;
    let on = overlapMs(startMs, endMs, i0, i1);
    if (meal) on -= overlapMs(meal.fromMs, meal.toMs, i0, i1);
    if (on > 0) {
      idx.push(i);
      frac.push(on / (i1 - i0));
    }
  }
  return { idx, frac };
}

function breakSlots(h: Horizon, center: Center, startMs: number, endMs: number, meal: TimeSpan | undefined): BreakSlot[][] {
  const breakMs = center.rules.hourlyBreakMinutes * 60_000;
  if (breakMs === 0) return [];
  const earliest = startMs + center.rules.noBreakFirstMinutes * 60_000;
  return workBlocks(startMs, endMs, meal ? [meal] : []).map((block) => {
    const slots: BreakSlot[] = [];
    for (const piece of block.pieces) {
      const from = Math.max(piece.fromMs, earliest);
      if (piece.toMs - from < breakMs) continue;
      // Split the piece at interval boundaries; a break never straddles two intervals.
      let at = from;
      while (at < piece.toMs) {
        const idx = h.intervalContaining(at);
        const boundary = idx >= 0 ? (idx + 1 < h.startMs.length ? h.startMs[idx + 1] : h.endMs) : piece.toMs;
        const to = Math.min(piece.toMs, boundary > at ? boundary : piece.toMs);
        if (to - at >= breakMs) slots.push({ idx, fromMs: at, toMs: to });
        at = to;
      }
    }
    return slots;
  });
}

/** Every shift option of the month, per day. */
export function buildShiftOptions(center: Center, h: Horizon): ShiftOption[][] {
  const perDay: ShiftOption[][] = [];
  let id = 0;
  h.dates.forEach((date, day) => {
    const list: ShiftOption[] = [];
    perDay.push(list);
    if (!isOpenDay(center, date)) return;
    center.shiftTemplates.forEach((t, template) => {
      if (t.days && !t.days.includes(h.weekdays[day])) return;
      const starts = templateStarts(t, h.intervalMinutes).map((startClock) => {
        const startMs = h.instant(date, startClock);
        return { startClock, startMs, endMs: startMs + t.minutes * 60_000 };
      });
      const bus = center.busDepartures.length > 0 ? starts.filter((s) => endsBeforeBus(center, h, date, s.endMs)) : [];
      for (const s of bus.length > 0 ? bus : starts) {
        const { spans, mealMinutes } = mealChoices(center, h, t, date, s.startMs, s.endMs, s.startClock);
        const meals: MealChoice[] = spans.map((meal) => ({
          meal,
          ...coverageOf(h, s.startMs, s.endMs, meal),
          blocks: breakSlots(h, center, s.startMs, s.endMs, meal),
        }));
        if (meals.length === 0) continue; // a long shift whose meal cannot fit its window: not offered (R8)
        list.push({ id: id++, day, date, template, templateId: t.id, floating: t.floating, ...s, meals, mealMinutes });
      }
    });
  });
  return perDay;
}
