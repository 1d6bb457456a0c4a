/**
 * The shift-design model (a covering model in the tradition of Dantzig 1954 and Aykin 1996, "Optimal shift
 * scheduling with multiple break windows"): how many members of each staff group work each shift option on
 * each queue, with the meals and hourly breaks placed in aggregate — for every (option, queue) the number of
 * its agents taking the meal at each allowed position, and for every full working hour the number taking its
 * break in each candidate interval. Coverage of interval t = Σ shifts on the phones there − meals − breaks/6
 * (a 5-minute break removes 1/6 of a 30-minute interval); u_t ≥ required − coverage is understaffing.
 *
 * Any roster keeping the hard rules maps to a feasible point of this model with the same understaffing (group
 * rows are sums of the members' C2/C3/H3 limits; rest rows are implied by C1), so the LP relaxation with
 * objective Σ u_t is a valid lower bound on understaffed agent-hours. The same builder makes the month model
 * (all days) and the per-day model (one day, the others fixed).
 */
import { LinearModel } from '../lp/linear-model.ts';
import type { SolverModel } from '../model/build-model.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { StaffGroup } from './groups.ts';

export interface DesignSpec {
  days: number[];
  /** [queue][interval] agents on the phones from shifts outside the model (pinned days, fixed days). */
  fixedCoverage: Float64Array[];
  objective: 'understaffed' | 'weighted';
  integer: boolean;
  /** Month rows (group month totals, C2 windows); off for the per-day model. */
  monthRows: boolean;
  /** Bounds on the shifts of a group on a day, key `${g}:${d}` (the per-day model follows the month's plan). */
  groupDayRange?: Map<string, [number, number]>;
  /** Shifts per group and option id on the day before the first modelled day (rest rows across it). */
  dayBefore?: Map<string, number>;
  /** Exact shifts per option and queue, key `${optionId}:${q}` (placement of a given day's shifts). */
  optionCounts?: Map<string, number>;
  /** Meal and break counts integer too (whole agents take each meal position and break slot). */
  integerPlacement?: boolean;
  /**
   * A relaxation for the rule prices (rule-prices.ts): a group with several skills splits its phone time in
   * each interval across its queues, instead of working one queue a whole shift (the roster format's rule).
   */
  poolQueues?: boolean;
}

export interface ShiftCountVar {
  g: number;
  d: number;
  option: ShiftOption;
  q: number;
  col: number;
}

export interface DesignModel {
  lp: LinearModel;
  x: ShiftCountVar[];
  /** Understaffing of intervals with no variable at all (agent-hours, constant). */
  constantUnder: number;
  /** Agent-hours short per column u (and the same interval's over column), for reading understaffing back. */
  underCols: Array<{ q: number; i: number; col: number; overCol: number }>;
  /** The objective of each kind over the same columns (the model's own costs are `spec.objective`'s). */
  costs: { understaffed: Float64Array; weighted: Float64Array };
}

export function buildDesignModel(m: SolverModel, groups: StaffGroup[], spec: DesignSpec): DesignModel {
  const lp = new LinearModel();
  const h = m.intervalHours;
  const beta = m.breakShare;
  const x: ShiftCountVar[] = [];
  const cover = m.queueIds.map(() => new Map<number, { idx: number[]; val: number[] }>());
  const touch = (q: number, i: number, col: number, v: number) => {
    if (i < 0 || v === 0) return;
    let e = cover[q].get(i);
    if (!e) cover[q].set(i, (e = { idx: [], val: [] }));
    e.idx.push(col);
    e.val.push(v);
  };
  const xByGroupDay = new Map<string, number[]>();
  const xByGroupOption = new Map<string, number[]>();
  // Pooled groups work a queue of their own (index Q + group); its coverage is shared out per interval below.
  const Q = m.queueIds.length;
  const pooled = (g: StaffGroup) => !!spec.poolQueues && g.queues.length > 1;
  for (const g of groups) if (pooled(g)) cover[Q + g.index] = new Map();
  for (const d of spec.days) {
    for (const option of m.optionsByDay[d]) {
      const perQueue = new Map<number, number[]>();
      for (const g of groups) {
        if (!g.templates[option.template] || g.free[d] === 0) continue;
        for (const q of pooled(g) ? [Q + g.index] : g.queues) {
          const col = lp.addVar(0, g.free[d], 0, spec.integer);
          x.push({ g: g.index, d, option, q, col });
          (perQueue.get(q) ?? perQueue.set(q, []).get(q)!).push(col);
          const gd = `${g.index}:${d}`;
          (xByGroupDay.get(gd) ?? xByGroupDay.set(gd, []).get(gd)!).push(col);
          const go = `${g.index}:${option.id}`;
          (xByGroupOption.get(go) ?? xByGroupOption.set(go, []).get(go)!).push(col);
        }
      }
      for (const [q, xs] of perQueue) {
        const fixedCount = spec.optionCounts?.get(`${option.id}:${q}`);
        if (spec.optionCounts) lp.addRow(xs, xs.map(() => 1), fixedCount ?? 0, fixedCount ?? 0);
        const ns = option.meals.map((meal) => {
          const n = lp.addVar(0, Infinity, 0, spec.integerPlacement ?? false);
          meal.idx.forEach((i, k) => touch(q, i, n, meal.frac[k]));
          for (const block of meal.blocks) {
            if (block.length === 0) continue;
            touch(q, block[0].idx, n, -beta);
            const ys: number[] = [];
            for (let s = 1; s < block.length; s++) {
              if (block[s].idx === block[0].idx) continue;
              const y = lp.addVar(0, Infinity, 0, spec.integerPlacement ?? false);
              ys.push(y);
              touch(q, block[0].idx, y, beta);
              touch(q, block[s].idx, y, -beta);
            }
            if (ys.length > 0) lp.addRow([...ys, n], [...ys.map(() => 1), -1], -Infinity, 0);
          }
          return n;
        });
        lp.addRow([...ns, ...xs], [...ns.map(() => 1), ...xs.map(() => -1)], 0, 0);
      }
    }
  }

  // A pooled group's phone time in an interval, shared out across its queues.
  for (const g of groups) {
    if (!pooled(g)) continue;
    for (const [i, e] of cover[Q + g.index]) {
      const shares = g.queues.map((q) => {
        const z = lp.addVar(0, Infinity, 0);
        touch(q, i, z, 1);
        return z;
      });
      lp.addRow([...e.idx, ...shares], [...e.val, ...shares.map(() => -1)], 0, 0);
    }
  }

  // Coverage rows.
  let constantUnder = 0;
  const underCols: DesignModel['underCols'] = [];
  const costTerms: Array<{ col: number; understaffed: number; weighted: number }> = [];
  m.queueIds.forEach((_, q) => {
    const req = m.req.required[q];
    const weight = m.req.weight[q];
    for (const [i, e] of cover[q]) {
      if (Number.isNaN(req[i])) continue;
      const rhs = req[i] - spec.fixedCoverage[q][i];
      const u = lp.addVar(0, Infinity, h * (spec.objective === 'weighted' ? weight[i] : 1));
      const v = lp.addVar(0, Infinity, spec.objective === 'weighted' ? h * m.weights.overstaffed : 0);
      costTerms.push({ col: u, understaffed: h, weighted: h * weight[i] }, { col: v, understaffed: 0, weighted: h * m.weights.overstaffed });
      underCols.push({ q, i, col: u, overCol: v });
      lp.addRow([...e.idx, u, v], [...e.val, 1, -1], rhs, rhs);
    }
    if (!spec.monthRows) return;
    for (let i = 0; i < req.length; i++) {
      if (!Number.isNaN(req[i]) && !cover[q].has(i)) constantUnder += Math.max(0, req[i] - spec.fixedCoverage[q][i]) * h;
    }
  });

  // Group rows: per day, per month, C2 windows, C1 rest between consecutive days.
  const daySet = new Set(spec.days);
  for (const g of groups) {
    for (const d of spec.days) {
      const cols = xByGroupDay.get(`${g.index}:${d}`) ?? [];
      const range = spec.groupDayRange?.get(`${g.index}:${d}`);
      if (cols.length === 0) continue;
      if (range) lp.addRow(cols, cols.map(() => 1), Math.max(0, range[0]), Math.min(g.free[d], range[1]));
      else lp.addRow(cols, cols.map(() => 1), 0, g.free[d]);
    }
    if (spec.monthRows) {
      const all = spec.days.flatMap((d) => xByGroupDay.get(`${g.index}:${d}`) ?? []);
      if (all.length > 0) lp.addRow(all, all.map(() => 1), Math.min(g.minTotal, g.maxTotal), g.maxTotal);
      for (const w of g.windows) {
        const cols: number[] = [];
        for (let d = w.from; d <= w.to; d++) if (daySet.has(d)) cols.push(...(xByGroupDay.get(`${g.index}:${d}`) ?? []));
        if (cols.length > 0) lp.addRow(cols, cols.map(() => 1), 0, w.cap);
      }
    }
    for (const d of spec.days) {
      const prev = d - 1;
      if (prev < 0 || (!daySet.has(prev) && !spec.dayBefore)) continue;
      for (const next of m.optionsByDay[d]) {
        const nextCols = xByGroupOption.get(`${g.index}:${next.id}`);
        if (!nextCols) continue;
        const cols: number[] = [];
        let fixed = 0;
        for (const o of m.optionsByDay[prev]) {
          if (next.startMs - o.endMs >= g.minRestMs) continue;
          if (daySet.has(prev)) cols.push(...(xByGroupOption.get(`${g.index}:${o.id}`) ?? []));
          else fixed += spec.dayBefore?.get(`${g.index}:${o.id}`) ?? 0;
        }
        if (cols.length === 0 && fixed === 0) continue;
        const members = g.members.filter((p) => p.free[d] || (prev >= 0 && p.free[prev])).length;
        lp.addRow([...cols, ...nextCols], [...cols.map(() => 1), ...nextCols.map(() => 1)], -Infinity, members - fixed);
      }
    }
  }
  lp.offset = constantUnder * (spec.objective === 'understaffed' ? 1 : 0);
  const costs = { understaffed: new Float64Array(lp.numCols), weighted: new Float64Array(lp.numCols) };
  for (const t of costTerms) {
    costs.understaffed[t.col] = t.understaffed;
    costs.weighted[t.col] = t.weighted;
  }
  return { lp, x, constantUnder, underCols, costs };
}

/** Columns the month model will have (to judge whether it fits a time budget), without building it. */
export function designColumns(m: SolverModel, groups: StaffGroup[]): number {
  let cols = 0;
  for (const list of m.optionsByDay) {
    for (const option of list) {
      const queues = new Set<number>();
      for (const g of groups) {
        if (!g.templates[option.template]) continue;
        cols += g.queues.length;
        g.queues.forEach((q) => queues.add(q));
      }
      for (const meal of option.meals) cols += queues.size * (1 + meal.blocks.reduce((s, b) => s + Math.max(0, b.length - 1), 0));
    }
  }
  return cols + 2 * m.queueIds.length * m.horizon.startMs.length;
}
