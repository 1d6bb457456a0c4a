/**
 * The month's shift design: (1) the LP relaxation of the shift-design model minimizing understaffed
 * agent-hours — the lower bound reported with every roster; (2) the same LP with the roster's weights (peak
 * factor, overstaffing tie-break) — the plan; (3) the plan rounded to whole shifts per staff group, day, option
 * and queue: group-day totals by cumulative rounding (so each group's month total stays within its bounds),
 * options within a group-day by largest remainder. The named assignment then follows these counts.
 */
import { solveEach, type LpBackend } from '../lp/linear-model.ts';
import type { SolverModel } from '../model/build-model.ts';
import { buildDesignModel, type ShiftCountVar } from './design-model.ts';
import type { StaffGroup } from './groups.ts';

export interface MonthPlan {
  /** LP bound on understaffed agent-hours (NaN when the LP could not be solved in time). */
  lowerBound: number;
  /** Understaffed agent-hours of the fractional plan. */
  planUnder: number;
  /** Whole shifts: key `${group}:${optionId}:${queue}`. */
  counts: Map<string, number>;
  ms: { bound: number; plan: number };
}

export interface PlanLimits {
  timeLimitMs: number;
  shouldStop?: () => boolean;
}

/**
 * Columns from which the plan LP is solved by interior point. On a 2-core machine the generated 200- and
 * 500-agent months (30.3 k columns: the model grows with staff groups, not people) take 5.3–6.6 s instead of
 * 15.4–20.7 s by simplex, the 50-agent one (29.7 k) 6.0 s instead of 9.5–11.8 s; the small test center (8.6 k)
 * is faster by simplex (0.9 s against 1.2 s).
 */
const IPM_FROM_COLUMNS = 15_000;

export function countKey(g: number, optionId: number, q: number): string {
  return `${g}:${optionId}:${q}`;
}

function understaffed(model: SolverModel, dm: ReturnType<typeof buildDesignModel>, values: Float64Array): number {
  return dm.underCols.reduce((s, u) => s + values[u.col], 0) * model.intervalHours + dm.constantUnder;
}

export function planMonth(model: SolverModel, groups: StaffGroup[], backend: LpBackend, fixed: Float64Array[], limits: PlanLimits): MonthPlan {
  const days = model.horizon.dates.map((_, d) => d);
  const dm = buildDesignModel(model, groups, { days, fixedCoverage: fixed, integer: false, monthRows: true, objective: 'weighted' });
  // The plan first (the roster needs it), then the bound from the plan's basis.
  const [plan, bound] = solveEach(backend, dm.lp, [dm.costs.weighted, dm.costs.understaffed], {
    timeLimitMs: limits.timeLimitMs,
    shouldStop: limits.shouldStop,
    lpMethod: dm.lp.numCols >= IPM_FROM_COLUMNS ? 'ipm' : 'simplex',
  });
  const lowerBound = bound.status === 'optimal' ? Math.max(0, bound.objective + dm.constantUnder) : NaN;
  const ok = plan.status === 'optimal' || plan.status === 'feasible';
  return {
    lowerBound,
    planUnder: ok ? understaffed(model, dm, plan.values) : NaN,
    counts: ok ? roundPlan(groups, dm.x, plan.values, days.length) : new Map<string, number>(),
    ms: { bound: bound.ms, plan: plan.ms },
  };
}

/** Whole shifts from a fractional plan (see the file comment). */
export function roundPlan(groups: StaffGroup[], x: ShiftCountVar[], values: Float64Array, days: number): Map<string, number> {
  const byGroupDay = new Map<string, ShiftCountVar[]>();
  for (const v of x) {
    const key = `${v.g}:${v.d}`;
    (byGroupDay.get(key) ?? byGroupDay.set(key, []).get(key)!).push(v);
  }
  const counts = new Map<string, number>();
  for (const g of groups) {
    let cumulative = 0;
    let given = 0;
    for (let d = 0; d < days; d++) {
      const vars = byGroupDay.get(`${g.index}:${d}`) ?? [];
      const total = vars.reduce((s, v) => s + Math.max(0, values[v.col]), 0);
      cumulative += total;
      const target = Math.min(g.free[d], Math.max(0, Math.round(cumulative - 1e-7) - given));
      given += target;
      // Largest remainder within the group-day.
      const share = vars.map((v) => ({ v, exact: total > 0 ? (Math.max(0, values[v.col]) * target) / total : 0 }));
      let left = target;
      for (const s of share) {
        const whole = Math.floor(s.exact + 1e-9);
        counts.set(countKey(g.index, s.v.option.id, s.v.q), whole);
        left -= whole;
      }
      share.sort((a, b) => (b.exact - Math.floor(b.exact + 1e-9)) - (a.exact - Math.floor(a.exact + 1e-9)));
      for (const s of share) {
        if (left <= 0) break;
        const key = countKey(g.index, s.v.option.id, s.v.q);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        left--;
      }
    }
  }
  for (const [k, v] of counts) if (v === 0) counts.delete(k);
  return counts;
}
