/**
 * The best schedule of one employee for given costs (curtois-qu-dp-core.ts does the dynamic programming), with
 * the per-type and weekend limits added to the DP state only when the optimum breaks them.
 */
import { weekendsOf, type CqInstance } from './curtois-qu-instance.ts';
import { dpCore, DpLimitError, MAX_LABELS, type DpCore } from './curtois-qu-dp-core.ts';

export { DpLimitError } from './curtois-qu-dp-core.ts';

export interface EmployeeDp {
  employee: number;
  days: number;
  shifts: number;
  states: number;
  /** Shift types the employee may work at all (MaxShifts > 0). */
  usable: number[];
  /**
   * The cheapest feasible row for `cost` (at d·T + t; Infinity forbids), with up to `alternatives` − 1 more
   * rows: the cheapest ones ending in other final states. Throws DpLimitError past the label budget.
   */
  solve(cost: Float64Array, alternatives?: number): Array<{ row: number[]; cost: number }>;
  /** The last solve was exact (no limit had to be handled by penalties). */
  readonly exact: boolean;
}

/**
 * Prepares the DP of employee e. Limits are added to the state only when needed (state-space augmentation):
 * solve first with per-type and weekend limits relaxed; if the best row breaks one, track that limit from
 * then on and solve again. The relaxed optimum is a lower bound, and a feasible relaxed optimum is optimal,
 * so results stay exact. When tracking a limit would outgrow the label budget (long horizons), the limit is
 * priced instead (Lagrangian penalty, doubled until the row keeps it): the row is feasible but may not be
 * optimal, and `exact` turns false. Returns undefined when even the relaxed state space is too large.
 */
export function employeeDp(instance: CqInstance, e: number): EmployeeDp | undefined {
  const s = instance.staff[e];
  const D = instance.horizon;
  const T = instance.shifts.length;
  const weekends = weekendsOf(D);
  const tracked = { types: new Set<number>(), weekends: false };
  const cores = new Map<string, DpCore>();
  const core = (): DpCore => {
    const key = `${[...tracked.types].sort((a, b) => a - b).join(',')}/${tracked.weekends}`;
    let c = cores.get(key);
    if (!c) {
      const made = dpCore(instance, e, tracked);
      if (!made) throw new DpLimitError();
      cores.set(key, (c = made));
    }
    return c;
  };
  const first = dpCore(instance, e, tracked);
  if (!first) return undefined;
  cores.set('/false', first);
  const limitOf = (t: number) => s.maxShifts[instance.shifts[t].id] ?? D;
  /** The limits a row breaks: shift types over their maximum, and the weekend limit. */
  const broken = (row: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const t of row) if (t >= 0) counts.set(t, (counts.get(t) ?? 0) + 1);
    const types = [...counts].filter(([t, n]) => n > limitOf(t)).map(([t]) => t);
    const worked = weekends.filter((days) => days.some((d) => row[d] >= 0)).length;
    return { types, weekends: worked > s.maxWeekends };
  };
  const keeps = (row: readonly number[]) => {
    const b = broken(row);
    return b.types.length === 0 && !b.weekends;
  };
  const trueCost = (cost: Float64Array, row: readonly number[]) => row.reduce((sum, t, d) => (t >= 0 ? sum + cost[d * T + t] : sum), 0);
  let exact = true;
  return {
    employee: e,
    days: D,
    shifts: T,
    get states() {
      return core().states;
    },
    get exact() {
      return exact;
    },
    usable: first.usable,
    solve(cost, alternatives = 1) {
      const typePenalty = new Float64Array(T);
      let weekendPenalty = 0;
      let base = 1;
      for (let k = 0; k < cost.length; k++) if (Number.isFinite(cost[k])) base = Math.max(base, 1 + Math.abs(cost[k]));
      for (let round = 0; round < 60; round++) {
        const penalised = weekendPenalty > 0 || typePenalty.some((p) => p > 0);
        let adjusted = cost;
        if (penalised) {
          adjusted = Float64Array.from(cost);
          for (let d = 0; d < D; d++) {
            const weekend = d % 7 >= 5 ? weekendPenalty : 0;
            for (let t = 0; t < T; t++) adjusted[d * T + t] += typePenalty[t] + weekend;
          }
        }
        const solver = core();
        const rows = solver.solve(adjusted, alternatives + 2);
        if (rows.length === 0) return [];
        const b = broken(rows[0].row);
        if (b.types.length === 0 && !b.weekends) {
          exact = !penalised;
          const kept = rows.filter((r) => keeps(r.row)).slice(0, alternatives);
          return penalised ? kept.map((r) => ({ row: r.row, cost: trueCost(cost, r.row) })) : kept;
        }
        // Track one broken limit per round while the labels (measured on this solve) stay within budget; price
        // the others.
        let grown = false;
        for (const t of b.types) {
          if (solver.labels * (limitOf(t) + 1) > MAX_LABELS) typePenalty[t] = typePenalty[t] > 0 ? 2 * typePenalty[t] : base;
          else if (!grown) {
            tracked.types.add(t);
            typePenalty[t] = 0;
            grown = true;
          }
        }
        if (b.weekends) {
          if (solver.labels * (s.maxWeekends + 1) > MAX_LABELS) weekendPenalty = weekendPenalty > 0 ? 2 * weekendPenalty : base;
          else if (!grown) {
            tracked.weekends = true;
            weekendPenalty = 0;
          }
        }
      }
      return [];
    },
  };
}
