/**
 * Whole shifts from the month LP's fractional plan, day by day, aware of the coverage. Rounding each group's
 * options by largest remainder on its own (month-plan.ts roundPlan) ignores what the other groups' roundings
 * did to the same intervals: on the tight 60-agent center of issue 17 it turned an LP plan 107 agent-hours
 * short into whole shifts 256 short (after exact meal placement). Here the group-day totals are chosen together
 * (day-totals.ts), each day starts from the whole part of every group's share of the LP, the remaining shifts
 * go one at a time where they help the coverage most, every shift then moves to the best option and queue of
 * its group until no move helps, and an annealing on the day's shifts runs for the time given (HiGHS's own
 * MIP on the same day model, with or without this start, improved nothing in 1.5 s a day). Measured on that
 * center with the named assignment and exact placement after it: 208 agent-hours without the annealing, 183
 * with 6 s for the month, 173 with 27 s. A move keeps the LP's C1 rest rows with the day before (groups, not
 * people: a necessary condition; the named assignment and the search see to each person).
 */
import type { SolverModel } from '../model/build-model.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { CoverageState, Placed } from '../search/coverage-state.ts';
import type { LpBackend } from '../lp/linear-model.ts';
import type { ShiftCountVar } from './design-model.ts';
import { balancedTotals } from './day-totals.ts';
import type { StaffGroup } from './groups.ts';
import { countKey } from './month-plan.ts';
import { seededRandom } from '../../src/demo/generate-center.ts';

/** Passes of the improvement over a day's shifts (each pass tries every shift once). */
const MAX_PASSES = 6;

interface DayShift {
  g: number;
  placed: Placed;
}

/** Time limit of the group-day totals' MIP (day-totals.ts). */
const TOTALS_MIP_MS = 2_000;

export interface RoundingLimits {
  /** Time for the whole month's annealing (ms); spread evenly over the days left. */
  annealMs: number;
  /** Moves per shift of a day instead of a time budget (work-bounded, reproducible solves). */
  annealMoves?: number;
  shouldStop?: () => boolean;
}

export function roundByDays(m: SolverModel, groups: StaffGroup[], x: ShiftCountVar[], values: Float64Array, cov: CoverageState, backend: LpBackend, limits: RoundingLimits): Map<string, number> {
  const t0 = performance.now();
  const days = m.horizon.dates.length;
  const sums = groups.map(() => new Float64Array(days));
  const phoneHours = groups.map(() => 0);
  for (const v of x) {
    const n = Math.max(0, values[v.col]);
    sums[v.g][v.d] += n;
    phoneHours[v.g] += n * ((v.option.endMs - v.option.startMs) / 3_600_000 - v.option.mealMinutes / 60);
  }
  const hours = groups.map((g) => {
    const n = sums[g.index].reduce((a, b) => a + b, 0);
    return n > 0 ? phoneHours[g.index] / n : 1;
  });
  const totals = balancedTotals(groups, sums, hours, m.queueIds.length, backend, TOTALS_MIP_MS);
  const byDay = Array.from({ length: days }, () => [] as ShiftCountVar[]);
  for (const v of x) byDay[v.d].push(v);
  const counts = new Map<string, number>();
  let before = new Map<string, number>();
  for (let d = 0; d < days; d++) {
    const left = t0 + limits.annealMs - performance.now();
    const budget = { ms: left / (days - d), moves: limits.annealMoves, shouldStop: limits.shouldStop };
    const shifts = roundDay(m, groups, d, byDay[d], values, totals, cov, before, budget);
    const today = new Map<string, number>();
    for (const s of shifts) {
      const key = countKey(s.g, s.placed.option.id, s.placed.q);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const go = `${s.g}:${s.placed.option.id}`;
      today.set(go, (today.get(go) ?? 0) + 1);
    }
    before = today;
  }
  // The coverage was only a scratch pad: the named assignment applies the shifts again.
  return counts;
}

interface DayBudget {
  ms: number;
  moves?: number;
  shouldStop?: () => boolean;
}

function roundDay(
  m: SolverModel, groups: StaffGroup[], d: number, vars: ShiftCountVar[], values: Float64Array, totals: number[][], cov: CoverageState, before: Map<string, number>, budget: DayBudget,
): DayShift[] {
  const options = m.optionsByDay[d];
  const prevOptions = d > 0 ? m.optionsByDay[d - 1] : [];
  const today = new Map<string, number>();
  // C1 at group level: shifts yesterday whose rest runs into `o`, plus today's on `o`, fit in the members.
  const restOk = (g: StaffGroup, o: ShiftOption) => {
    let clash = 0;
    for (const p of prevOptions) if (o.startMs - p.endMs < g.minRestMs) clash += before.get(`${g.index}:${p.id}`) ?? 0;
    if (clash === 0) return true;
    const members = g.members.filter((p) => p.free[d] || p.free[d - 1]).length;
    return clash + (today.get(`${g.index}:${o.id}`) ?? 0) + 1 <= members;
  };
  const shifts: DayShift[] = [];
  const count = (g: number, o: ShiftOption, n: 1 | -1) => {
    const go = `${g}:${o.id}`;
    today.set(go, (today.get(go) ?? 0) + n);
  };
  const add = (g: number, placed: Placed) => {
    cov.apply(placed, 1);
    count(g, placed.option, 1);
    shifts.push({ g, placed });
  };
  // Whole parts of each group's LP share (scaled to the group's rounded total).
  const left = groups.map((g) => totals[g.index][d]);
  const sum = groups.map(() => 0);
  for (const v of vars) sum[v.g] += Math.max(0, values[v.col]);
  for (const v of vars) {
    const exact = sum[v.g] > 0 ? (Math.max(0, values[v.col]) * totals[v.g][d]) / sum[v.g] : 0;
    for (let k = Math.floor(exact + 1e-9); k > 0 && left[v.g] > 0; k--) {
      add(v.g, cov.bestPlacement(v.option, v.q).placed);
      left[v.g]--;
    }
  }
  // Each cell a group may work today.
  const cellsOf = groups.map((g) => options.filter((o) => g.templates[o.template]).flatMap((o) => g.queues.map((q) => ({ option: o, q }))));
  const bestCell = (g: StaffGroup) => {
    let best: { placed: Placed; delta: number } | undefined;
    for (const c of cellsOf[g.index]) {
      if (!restOk(g, c.option)) continue;
      const b = cov.bestPlacement(c.option, c.q);
      if (!best || b.delta < best.delta - 1e-12) best = b;
    }
    return best;
  };
  // The rest one at a time where the coverage gains most.
  for (;;) {
    let pick: { g: number; placed: Placed; delta: number } | undefined;
    for (const g of groups) {
      if (left[g.index] <= 0) continue;
      const b = bestCell(g);
      if (b && (!pick || b.delta < pick.delta - 1e-12)) pick = { g: g.index, ...b };
    }
    if (!pick) break;
    add(pick.g, pick.placed);
    left[pick.g]--;
  }
  // Each shift to its group's best cell, until a pass changes nothing.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (const s of shifts) {
      cov.apply(s.placed, -1);
      count(s.g, s.placed.option, -1);
      const stay = cov.bestPlacement(s.placed.option, s.placed.q);
      // Staying re-places the meal and breaks when that helps; a move must beat the best stay.
      const b = bestCell(groups[s.g]);
      const next = b && b.delta < stay.delta - 1e-9 ? b.placed : stay.placed;
      if (next.option !== s.placed.option || next.q !== s.placed.q) moved = true;
      s.placed = next;
      cov.apply(next, 1);
      count(s.g, next.option, 1);
    }
    if (!moved) break;
  }
  if (!budget.shouldStop?.()) anneal(shifts, groups, cellsOf, restOk, cov, count, seededRandom(d + 1), budget);
  return shifts;
}

/** Temperatures of the annealing (agent-hours, roster-weighted), from start to end. */
const T_START = 0.5;
const T_END = 0.005;
/** Moves per shift of a day at most, whatever the time (a long time limit is not a reason to anneal forever). */
const MAX_MOVES_PER_SHIFT = 4_000;

/**
 * Simulated annealing over the day's shifts (a shift to another cell of its group, or its meal and breaks
 * re-placed), the best day seen kept: single moves taken only when they help stall LP+3 agent-hours a day
 * above the LP on the tight center, since a shift's neighbours keep their meals while it moves.
 */
function anneal(
  shifts: DayShift[], groups: StaffGroup[], cellsOf: Array<Array<{ option: ShiftOption; q: number }>>, restOk: (g: StaffGroup, o: ShiftOption) => boolean,
  cov: CoverageState, count: (g: number, o: ShiftOption, n: 1 | -1) => void, rand: () => number, budget: DayBudget,
): void {
  const n = shifts.length;
  const moves = (budget.moves ?? MAX_MOVES_PER_SHIFT) * n;
  if (n === 0 || moves <= 0 || budget.ms <= 0) return;
  const start = performance.now();
  let cost = 0;
  let best = 0;
  let bestPlaced = shifts.map((s) => s.placed);
  let progress = 0;
  for (let it = 0; progress < 1; it++) {
    if ((it & 255) === 0) {
      progress = budget.moves !== undefined ? it / moves : Math.max(it / moves, (performance.now() - start) / budget.ms);
      if (budget.shouldStop?.()) break;
    } else if (budget.moves !== undefined) progress = it / moves;
    const temp = T_START * Math.pow(T_END / T_START, Math.min(1, progress));
    const s = shifts[Math.floor(rand() * n)];
    const removal = cov.removalDelta(s.placed);
    cov.apply(s.placed, -1);
    count(s.g, s.placed.option, -1);
    const cells = cellsOf[s.g];
    const c = rand() < 0.2 ? s.placed : cells[Math.floor(rand() * cells.length)];
    let next = s.placed;
    if (c === s.placed || restOk(groups[s.g], c.option)) {
      const b = cov.bestPlacement(c.option, c.q);
      const delta = removal + b.delta;
      if (delta <= 1e-12 || rand() < Math.exp(-delta / temp)) {
        next = b.placed;
        cost += delta;
      }
    }
    s.placed = next;
    cov.apply(next, 1);
    count(s.g, next.option, 1);
    if (cost < best - 1e-9) {
      best = cost;
      bestPlaced = shifts.map((x) => x.placed);
    }
  }
  shifts.forEach((s, k) => {
    cov.apply(s.placed, -1);
    count(s.g, s.placed.option, -1);
    s.placed = bestPlaced[k];
    cov.apply(s.placed, 1);
    count(s.g, s.placed.option, 1);
  });
}
