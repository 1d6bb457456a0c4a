/**
 * The per-day shift-design model, compact enough for any LP backend: how many of a staff group's people work
 * each shift option (template and start) on each queue on one day, given how many of them the day may use;
 * exactly that many work; the meal positions of each option are split continuously; each hourly break is spread evenly over its
 * candidate intervals (so no break variables). Integer shift counts make it a small MIP. The solver uses it
 * (on HiGHS) as its design when the month LP cannot finish within the time budget; the benchmark solves it
 * with HiGHS and javascript-lp-solver side by side through the same LpBackend interface.
 */
import { LinearModel, type LinearSolution, type LpBackend } from '../lp/linear-model.ts';
import type { SolverModel } from '../model/build-model.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { StaffGroup } from './groups.ts';

export interface DayDesign {
  lp: LinearModel;
  x: Array<{ g: number; option: ShiftOption; q: number; col: number }>;
  underCols: number[];
}

/**
 * @param staff shifts each group may work that day (group index → count)
 * @param fixed [queue][interval] agents on the phones from shifts outside the model
 */
export function buildDayDesign(m: SolverModel, groups: StaffGroup[], d: number, staff: ReadonlyMap<number, number>, fixed: Float64Array[], integer = true): DayDesign {
  const lp = new LinearModel();
  const h = m.intervalHours;
  const x: DayDesign['x'] = [];
  const cover = new Map<string, { q: number; i: number; idx: number[]; val: number[] }>();
  const touch = (q: number, i: number, col: number, v: number) => {
    if (i < 0 || Number.isNaN(m.req.required[q][i])) return;
    const key = `${q}:${i}`;
    const e = cover.get(key) ?? cover.set(key, { q, i, idx: [], val: [] }).get(key)!;
    e.idx.push(col);
    e.val.push(v);
  };
  const byGroup = new Map<number, number[]>();
  for (const option of m.optionsByDay[d]) {
    for (const q of m.queueIds.keys()) {
      const xs: number[] = [];
      for (const g of groups) {
        if (!g.templates[option.template] || !g.queues.includes(q) || (staff.get(g.index) ?? 0) === 0) continue;
        const col = lp.addVar(0, staff.get(g.index)!, 0, integer);
        x.push({ g: g.index, option, q, col });
        xs.push(col);
        (byGroup.get(g.index) ?? byGroup.set(g.index, []).get(g.index)!).push(col);
      }
      if (xs.length === 0) continue;
      const ns = option.meals.map((meal) => {
        const n = lp.addVar(0, Infinity, 0);
        const coef = new Map<number, number>();
        meal.idx.forEach((i, k) => coef.set(i, (coef.get(i) ?? 0) + meal.frac[k]));
        for (const block of meal.blocks) for (const slot of block) coef.set(slot.idx, (coef.get(slot.idx) ?? 0) - m.breakShare / block.length);
        for (const [i, v] of coef) touch(q, i, n, v);
        return n;
      });
      lp.addRow([...ns, ...xs], [...ns.map(() => 1), ...xs.map(() => -1)], 0, 0);
    }
  }
  for (const [g, cols] of byGroup) lp.addRow(cols, cols.map(() => 1), staff.get(g)!, staff.get(g)!);
  const underCols: number[] = [];
  for (const e of cover.values()) {
    const rhs = m.req.required[e.q][e.i] - fixed[e.q][e.i];
    const u = lp.addVar(0, Infinity, h * m.req.weight[e.q][e.i]);
    const v = lp.addVar(0, Infinity, h * m.weights.overstaffed);
    underCols.push(u);
    lp.addRow([...e.idx, u, v], [...e.val, 1, -1], rhs, rhs);
  }
  return { lp, x, underCols };
}

/**
 * Whole shifts per group, option and queue for the day (key `${g}:${optionId}:${q}`), and the solve. With
 * `relax`, the LP relaxation is solved and each group's shifts rounded by largest remainder (fast and safe
 * when time is short); otherwise the MIP.
 */
export function solveDayDesign(design: DayDesign, backend: LpBackend, timeLimitMs: number, relax = false): { counts: Map<string, number>; solution: LinearSolution } {
  const solution = backend.solve(design.lp, { timeLimitMs, relGap: 1e-3, relax });
  const counts = new Map<string, number>();
  if (solution.status !== 'optimal' && solution.status !== 'feasible') return { counts, solution };
  const byGroup = new Map<number, DayDesign['x']>();
  for (const v of design.x) (byGroup.get(v.g) ?? byGroup.set(v.g, []).get(v.g)!).push(v);
  for (const vars of byGroup.values()) {
    const exact = vars.map((v) => Math.max(0, solution.values[v.col]));
    const whole = exact.map((e) => Math.floor(e + 1e-6));
    let left = Math.round(exact.reduce((a, b) => a + b, 0)) - whole.reduce((a, b) => a + b, 0);
    const order = exact.map((e, k) => ({ k, rest: e - whole[k] })).sort((a, b) => b.rest - a.rest);
    for (const o of order) {
      if (left <= 0) break;
      whole[o.k]++;
      left--;
    }
    vars.forEach((v, k) => {
      if (whole[k] > 0) counts.set(`${v.g}:${v.option.id}:${v.q}`, whole[k]);
    });
  }
  return { counts, solution };
}

/**
 * A month's design from per-day models alone (when the month LP cannot run in time): each group works the days
 * its members' contracts allow at most (understaffing weighs far more than overstaffing), spread over the month
 * in proportion to the day's required agent-hours on the group's queues times its members free that day
 * (cumulative rounding keeps the month's total), and each day's model places them.
 */
export function designByDays(m: SolverModel, groups: StaffGroup[], backend: LpBackend, fixed: Float64Array[], perDayMs: number, shouldStop?: () => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  const days = m.horizon.dates.length;
  const demand = (g: StaffGroup, d: number) => {
    let hours = 0;
    for (const q of g.queues) for (let i = m.horizon.dayFirst[d]; i < m.horizon.dayFirst[d + 1]; i++) hours += Number.isNaN(m.req.required[q][i]) ? 0 : m.req.required[q][i];
    return hours * g.free[d];
  };
  const share = groups.map((g) => {
    const total = g.members.reduce((s, p) => s + Math.min(p.maxDays, p.free.filter(Boolean).length), 0);
    const weights = Array.from({ length: days }, (_, d) => demand(g, d));
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    return weights.map((w) => (total * w) / sum);
  });
  const cumulative = groups.map(() => 0);
  const given = groups.map(() => 0);
  for (let d = 0; d < days && !shouldStop?.(); d++) {
    const staff = new Map<number, number>();
    for (const g of groups) {
      cumulative[g.index] += share[g.index][d];
      const n = Math.min(g.free[d], Math.max(0, Math.round(cumulative[g.index]) - given[g.index]));
      given[g.index] += n;
      staff.set(g.index, n);
    }
    const { counts: day } = solveDayDesign(buildDayDesign(m, groups, d, staff, fixed, false), backend, perDayMs, true);
    for (const [k, v] of day) counts.set(k, v);
  }
  return counts;
}
