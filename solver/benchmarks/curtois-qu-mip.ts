/**
 * The benchmark as a 0-1 program (the model of Curtois & Qu 2014, §3), in HiGHS's sparse row form:
 * x[e,d,t] = employee e works shift t on day d (absent when a fixed day off or MaxShifts = 0 forbid it);
 * w[e,k] = employee e works weekend k; under/over[d,t] = cover slack.
 *   Σt x[e,d,t] ≤ 1;  x[e,d,t] + Σ{u cannot follow t} x[e,d+1,u] ≤ 1;  Σd x[e,d,t] ≤ MaxShifts;
 *   MinTotal ≤ Σ len·x ≤ MaxTotal;  any MaxCons+1 consecutive days hold ≤ MaxCons working days;
 *   min runs by forbidden patterns (work runs of s < MinCons days between days off; off runs of s < MinOff days
 *   between working days; runs touching the horizon's edges are free);  w ≥ day worked on its Sat/Sun, Σk w ≤ MaxWeekends;
 *   Σe x[e,d,t] + under − over = requirement.
 * Objective: Σ on-request weight·(1 − x) + Σ off-request weight·x + Σ under·w_under + over·w_over.
 * For large-neighbourhood search the model can cover a subset of the employees (the others' shifts enter the
 * cover rows as constants) and fix chosen days of the modelled employees to given shifts.
 */
import { weekendsOf, type CqInstance, type CqSolution } from './curtois-qu-instance.ts';

export interface CqMip {
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
  /** The employees modelled (indexes into `staff`); x is indexed by position i in this list. */
  employees: number[];
  /** Column of x[i,d,t] at (i·D + d)·T + t, or -1 when the assignment is forbidden outright. */
  x: Int32Array;
  /** Column of w[i,k] at i·K + k (-1 when the weekend limit cannot bind). */
  weekend: Int32Array;
  /** Columns of under/over at d·T + t (-1 without a cover row). */
  under: Int32Array;
  over: Int32Array;
}

class RowBuilder {
  lower: number[] = [];
  upper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  add(cols: number[], coefs: number[], lo: number, hi: number): void {
    const merged = new Map<number, number>();
    cols.forEach((c, i) => {
      if (c >= 0) merged.set(c, (merged.get(c) ?? 0) + coefs[i]);
    });
    let n = 0;
    for (const [c, v] of merged) {
      if (v === 0) continue;
      this.indices.push(c);
      this.values.push(v);
      n++;
    }
    if (n === 0) return;
    this.starts.push(this.indices.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
}

export interface CqMipOptions {
  /** Employees to model (default: all). */
  employees?: number[];
  /** Cover already provided by the employees left out, at d·T + t. */
  fixedCover?: ArrayLike<number>;
  /** A day of a modelled employee to fix: the shift to keep (-1 = off), or undefined to leave it free. */
  fixDay?: (employee: number, day: number) => number | undefined;
  /** Restricts a modelled employee's choices on a day (shift -1 = the day off); default: everything allowed. */
  allow?: (employee: number, day: number, shift: number) => boolean;
}

export function buildCqMip(instance: CqInstance, options: CqMipOptions = {}): CqMip {
  const employees = options.employees ?? instance.staff.map((_, e) => e);
  const E = employees.length;
  const D = instance.horizon;
  const T = instance.shifts.length;
  const weekends = weekendsOf(D);
  const K = weekends.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const follows = instance.shifts.map((s) => s.cannotFollow.map((id) => shiftIndex.get(id) as number));
  const position = new Map(employees.map((e, i) => [e, i]));
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const newCol = (c: number, lo: number, hi: number, isInt: boolean): number => {
    cost.push(c);
    lower.push(lo);
    upper.push(hi);
    integer.push(isInt ? 1 : 0);
    return cost.length - 1;
  };
  const x = new Int32Array(E * D * T).fill(-1);
  employees.forEach((e, i) => {
    const s = instance.staff[e];
    const off = new Set(s.daysOff);
    for (let d = 0; d < D; d++) {
      if (off.has(d)) continue;
      const fixed = options.fixDay?.(e, d);
      for (let t = 0; t < T; t++) {
        if ((s.maxShifts[instance.shifts[t].id] ?? D) <= 0) continue;
        if (fixed === undefined && options.allow && !options.allow(e, d, t)) continue;
        const v = fixed === undefined ? -1 : fixed === t ? 1 : 0;
        x[(i * D + d) * T + t] = v < 0 ? newCol(0, 0, 1, true) : newCol(0, v, v, true);
      }
    }
  });
  const col = (i: number, d: number, t: number): number => x[(i * D + d) * T + t];
  let offset = 0;
  for (const r of instance.onRequests) {
    const i = position.get(r.employee);
    if (i === undefined) continue;
    offset += r.weight;
    const c = col(i, r.day, r.shift);
    if (c >= 0) cost[c] -= r.weight;
  }
  for (const r of instance.offRequests) {
    const i = position.get(r.employee);
    if (i === undefined) continue;
    const c = col(i, r.day, r.shift);
    if (c >= 0) cost[c] += r.weight;
  }
  const rows = new RowBuilder();
  const weekend = new Int32Array(E * K).fill(-1);
  employees.forEach((e, i) => {
    const s = instance.staff[e];
    const day = (d: number, sign: number): [number[], number[]] => [
      Array.from({ length: T }, (_, t) => col(i, d, t)),
      new Array<number>(T).fill(sign),
    ];
    const sum = (parts: Array<[number[], number[]]>, lo: number, hi: number): void =>
      rows.add(parts.flatMap((p) => p[0]), parts.flatMap((p) => p[1]), lo, hi);
    for (let d = 0; d < D; d++) {
      const mustWork = options.fixDay?.(e, d) === undefined && options.allow !== undefined && !options.allow(e, d, -1);
      sum([day(d, 1)], mustWork ? 1 : 0, 1);
    }
    for (let d = 0; d + 1 < D; d++) {
      for (let t = 0; t < T; t++) {
        if (follows[t].length === 0 || col(i, d, t) < 0) continue;
        const cols = [col(i, d, t), ...follows[t].map((u) => col(i, d + 1, u))];
        rows.add(cols, new Array<number>(cols.length).fill(1), 0, 1);
      }
    }
    for (let t = 0; t < T; t++) {
      const max = s.maxShifts[instance.shifts[t].id] ?? D;
      if (max <= 0 || max >= D) continue;
      const cols = Array.from({ length: D }, (_, d) => col(i, d, t));
      rows.add(cols, new Array<number>(D).fill(1), 0, max);
    }
    const minutes: Array<[number[], number[]]> = [];
    for (let d = 0; d < D; d++) minutes.push([Array.from({ length: T }, (_, t) => col(i, d, t)), instance.shifts.map((sh) => sh.minutes)]);
    sum(minutes, s.minTotalMinutes, s.maxTotalMinutes);
    const maxCons = s.maxConsecutiveShifts;
    for (let d = 0; d + maxCons < D; d++) {
      sum(Array.from({ length: maxCons + 1 }, (_, k) => day(d + k, 1)), 0, maxCons);
    }
    // Work runs of len days (len < MinCons) strictly inside the horizon: off at d, work d+1..d+len, off at d+len+1.
    for (let len = 1; len < s.minConsecutiveShifts; len++) {
      for (let d = 0; d + len + 1 < D; d++) {
        sum([day(d, -1), day(d + len + 1, -1), ...Array.from({ length: len }, (_, k) => day(d + 1 + k, 1))], -Infinity, len - 1);
      }
    }
    // Off runs of len days (len < MinOff) strictly inside the horizon: work at d, off d+1..d+len, work at d+len+1.
    for (let len = 1; len < s.minConsecutiveDaysOff; len++) {
      for (let d = 0; d + len + 1 < D; d++) {
        sum([day(d, 1), day(d + len + 1, 1), ...Array.from({ length: len }, (_, k) => day(d + 1 + k, -1))], -Infinity, 1);
      }
    }
    if (s.maxWeekends < K) {
      const ws = weekends.map((days, k) => {
        const w = newCol(0, 0, 1, true);
        weekend[i * K + k] = w;
        for (const d of days) sum([[[w], [1]], day(d, -1)], 0, Infinity);
        return w;
      });
      rows.add(ws, new Array<number>(ws.length).fill(1), 0, s.maxWeekends);
    }
  });
  const under = new Int32Array(D * T).fill(-1);
  const over = new Int32Array(D * T).fill(-1);
  for (const c of instance.cover) {
    const u = newCol(c.underWeight, 0, Infinity, false);
    const o = newCol(c.overWeight, 0, Infinity, false);
    under[c.day * T + c.shift] = u;
    over[c.day * T + c.shift] = o;
    const rhs = c.requirement - (options.fixedCover?.[c.day * T + c.shift] ?? 0);
    const cols = [u, o, ...Array.from({ length: E }, (_, i) => col(i, c.day, c.shift))];
    rows.add(cols, [1, -1, ...new Array<number>(E).fill(1)], rhs, rhs);
  }
  return {
    numCols: cost.length,
    numRows: rows.lower.length,
    offset,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    starts: Int32Array.from(rows.starts),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
    integrality: Int32Array.from(integer),
    employees,
    x,
    weekend,
    under,
    over,
  };
}

/** The full column vector of a solution (slacks and weekend flags derived), for a MIP start. */
export function solutionColumns(instance: CqInstance, mip: CqMip, solution: CqSolution, fixedCover?: ArrayLike<number>): Float64Array {
  const D = instance.horizon;
  const T = instance.shifts.length;
  const weekends = weekendsOf(D);
  const cols = new Float64Array(mip.numCols);
  const count = Float64Array.from({ length: D * T }, (_, k) => fixedCover?.[k] ?? 0);
  mip.employees.forEach((e, i) => {
    const row = solution[e];
    row.forEach((t, d) => {
      if (t < 0) return;
      count[d * T + t]++;
      const c = mip.x[(i * D + d) * T + t];
      if (c >= 0) cols[c] = 1;
    });
    weekends.forEach((days, k) => {
      const w = mip.weekend[i * weekends.length + k];
      if (w >= 0 && days.some((d) => row[d] >= 0)) cols[w] = 1;
    });
  });
  for (const c of instance.cover) {
    const n = count[c.day * T + c.shift];
    cols[mip.under[c.day * T + c.shift]] = Math.max(0, c.requirement - n);
    cols[mip.over[c.day * T + c.shift]] = Math.max(0, n - c.requirement);
  }
  return cols;
}

/** Reads a MIP solution back: the modelled employees' rows, in `mip.employees` order. */
export function columnsToRows(instance: CqInstance, mip: CqMip, colValue: ArrayLike<number>): number[][] {
  const D = instance.horizon;
  const T = instance.shifts.length;
  return mip.employees.map((_, i) =>
    Array.from({ length: D }, (_, d) => {
      for (let t = 0; t < T; t++) {
        const c = mip.x[(i * D + d) * T + t];
        if (c >= 0 && colValue[c] > 0.5) return t;
      }
      return -1;
    }),
  );
}
