/**
 * A lower bound on understaffed agent-hours at least as strong as the month LP's (issue 17): the Lagrangian
 * relaxation of the month design model (design-model.ts) with whole shifts, meals and breaks. The rows that tie
 * days together — group month totals, C2 windows, C1 rest across midnight — are priced by the month LP's
 * duals λ, and what is left falls apart into one integer MIP per day:
 *   L(λ) = Σ_d min over day d's whole-number designs of (c − Aᵀλ)·x_d  +  λᵀb
 * (b: the row's lower bound where λ > 0, its upper bound where λ < 0). For every roster keeping the rules,
 * each λ-term is ≤ 0, so L(λ) ≤ its understaffing (Geoffrion, "Lagrangean relaxation for integer
 * programming", 1974). With the LP's optimal λ and each day solved as an LP, L equals the LP bound; solving the
 * days as MIPs can only raise it. A day MIP stopped by its time limit counts with HiGHS's proven dual bound (and
 * never below the day's LP), so the result stays a bound whatever the time limit. Days whose subproblems are
 * identical (same costs, bounds and rows: weekdays of a center with the same requirements) are solved once.
 *
 * Why it matters: on the generated tight centers the LP spreads fractions of shifts, meals and breaks over a
 * day's peaks; whole shifts cannot, and the roster's distance from the LP bound is mostly that.
 */
import { LinearModel, type LpBackend } from '../lp/linear-model.ts';
import type { SolverModel } from '../model/build-model.ts';
import { buildDesignModel } from './design-model.ts';
import type { StaffGroup } from './groups.ts';

export interface DayIntegerBound {
  /** The month LP bound (agent-hours). */
  lpBound: number;
  /** The Lagrangian bound with day MIPs (agent-hours), ≥ lpBound up to solver tolerances. */
  bound: number;
  /** Per day: the day subproblem's LP value and proven MIP bound (Lagrangian costs, agent-hours). */
  days: Array<{ lp: number; mip: number; proven: boolean }>;
  /** Distinct day subproblems solved. */
  distinct: number;
  ms: number;
}

export interface DayBoundLimits {
  /** Time limit of each distinct day MIP. */
  dayMs: number;
  /** Time limit of all day MIPs together: each gets at most its share of what is left. */
  totalMs?: number;
  /** Time limit of the month LP. */
  lpMs?: number;
  shouldStop?: () => boolean;
}

export function dayIntegerBound(m: SolverModel, groups: StaffGroup[], backend: LpBackend, fixed: Float64Array[], limits: DayBoundLimits): DayIntegerBound | undefined {
  const t0 = performance.now();
  const days = m.horizon.dates.map((_, d) => d);
  const dm = buildDesignModel(m, groups, { days, fixedCoverage: fixed, integer: true, integerPlacement: true, monthRows: true, objective: 'understaffed' });
  const lp = dm.lp;
  const relaxed = backend.solve(lp, { relax: true, lpMethod: 'ipm', timeLimitMs: limits.lpMs, shouldStop: limits.shouldStop });
  if (relaxed.status !== 'optimal' || !relaxed.rowDual) return undefined;
  const dayOf = columnDays(m, dm, lp);
  const rowDay = rowDays(lp, dayOf);

  // Coupling rows move into the costs, priced by their duals.
  const cost = Float64Array.from(lp.colCost);
  let constant = lp.offset;
  for (let r = 0; r < lp.numRows; r++) {
    const lambda = relaxed.rowDual[r];
    if (rowDay[r] >= 0 || Math.abs(lambda) < 1e-12) continue;
    const b = lambda > 0 ? lp.rowLower[r] : lp.rowUpper[r];
    // λ of the wrong sign for the row's finite side would not give a bound: such a row is left unpriced (λ = 0).
    if (!Number.isFinite(b)) continue;
    constant += lambda * b;
    for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) cost[lp.rowIndex[k]] -= lambda * lp.rowValue[k];
  }

  const solved = new Map<string, { lp: number; mip: number; proven: boolean }>();
  const perDay: DayIntegerBound['days'] = [];
  let bound = constant;
  const mipsFrom = performance.now();
  for (const d of days) {
    const sub = daySubproblem(lp, cost, dayOf, rowDay, d);
    const key = fingerprint(sub);
    let value = solved.get(key);
    if (!value) {
      const asLp = backend.solve(sub, { relax: true, timeLimitMs: limits.lpMs, shouldStop: limits.shouldStop });
      if (asLp.status !== 'optimal') return undefined;
      const share = limits.totalMs === undefined ? Infinity : (limits.totalMs - (performance.now() - mipsFrom)) / (days.length - d);
      const mipMs = Math.min(limits.dayMs, share);
      const asMip = limits.shouldStop?.() || mipMs < 50 ? undefined : backend.solve(sub, { timeLimitMs: mipMs, relGap: 1e-6, absGap: 1e-6, shouldStop: limits.shouldStop });
      const mipBound = asMip && Number.isFinite(asMip.bound) ? asMip.bound : -Infinity;
      value = { lp: asLp.objective, mip: Math.max(asLp.objective, mipBound), proven: asMip?.status === 'optimal' };
      solved.set(key, value);
    }
    perDay.push(value);
    bound += value.mip;
  }
  return { lpBound: Math.max(0, relaxed.objective), bound: Math.max(0, bound), days: perDay, distinct: solved.size, ms: performance.now() - t0 };
}

/**
 * The day of every column: shift counts and coverage slacks know theirs; meal and break counts take the day of
 * the rows they share with those (each lies in one day's rows only).
 */
function columnDays(m: SolverModel, dm: ReturnType<typeof buildDesignModel>, lp: LinearModel): Int32Array {
  const day = new Int32Array(lp.numCols).fill(-1);
  for (const v of dm.x) day[v.col] = v.d;
  for (const u of dm.underCols) day[u.col] = day[u.overCol] = m.horizon.dayOf[u.i];
  for (let changed = true; changed; ) {
    changed = false;
    for (let r = 0; r < lp.numRows; r++) {
      let known = -1;
      let unknown = false;
      let mixed = false;
      for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) {
        const d = day[lp.rowIndex[k]];
        if (d < 0) unknown = true;
        else if (known >= 0 && d !== known) mixed = true;
        else known = d;
      }
      if (!unknown || mixed || known < 0) continue;
      for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) if (day[lp.rowIndex[k]] < 0) day[lp.rowIndex[k]] = known;
      changed = true;
    }
  }
  if (day.some((d) => d < 0)) throw new Error('day-integer bound: a design column belongs to no day');
  return day;
}

/** Day of each row whose columns all lie in one day; -1 for the rows tying days together. */
function rowDays(lp: LinearModel, dayOf: Int32Array): Int32Array {
  const out = new Int32Array(lp.numRows);
  for (let r = 0; r < lp.numRows; r++) {
    let d = -2;
    for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) {
      const c = dayOf[lp.rowIndex[k]];
      d = d === -2 || d === c ? c : -1;
    }
    out[r] = d === -2 ? -1 : d;
  }
  return out;
}

function daySubproblem(lp: LinearModel, cost: Float64Array, dayOf: Int32Array, rowDay: Int32Array, d: number): LinearModel {
  const sub = new LinearModel();
  const map = new Int32Array(lp.numCols).fill(-1);
  for (let j = 0; j < lp.numCols; j++) if (dayOf[j] === d) map[j] = sub.addVar(lp.colLower[j], lp.colUpper[j], cost[j], lp.integer[j]);
  for (let r = 0; r < lp.numRows; r++) {
    if (rowDay[r] !== d) continue;
    const idx: number[] = [];
    const val: number[] = [];
    for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) {
      idx.push(map[lp.rowIndex[k]]);
      val.push(lp.rowValue[k]);
    }
    sub.addRow(idx, val, lp.rowLower[r], lp.rowUpper[r]);
  }
  return sub;
}

/** Identity of a subproblem up to rounding far below the solver's tolerances. */
function fingerprint(sub: LinearModel): string {
  const r = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e9) / 1e9 : v);
  return JSON.stringify([sub.colCost.map(r), sub.colLower.map(r), sub.colUpper.map(r), sub.integer, sub.rowLower.map(r), sub.rowUpper.map(r), sub.rowStarts, sub.rowIndex, sub.rowValue.map(r)]);
}
