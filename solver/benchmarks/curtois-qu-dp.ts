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
  /**
   * A lower bound on the cheapest feasible row's cost for the last solve's `cost`: that cost when exact, else
   * the Lagrangian bound of the penalised solves (penalised minimum − Σ penalty × limit; valid for any penalty).
   */
  readonly lowerBound: number;
}

/**
 * Labels one solve may grow to by tracking a limit, per employee, when `staff` employees are priced in turn.
 * Past 60 staff a pricing pass over all of them stays near PASS_LABELS labels (a few seconds: the generated
 * Gen13, 120 staff, took 30 s per pass with MAX_LABELS and 1.5–3.5 s with this), and per-type limits past it
 * are priced (with a valid bound, `lowerBound`). Up to 60 staff (instances 1–12: their largest solve has
 * 172 000 labels) the budget stays MAX_LABELS. The weekend limit is tracked up to MAX_LABELS whatever the staff: it
 * multiplies the labels by MaxWeekends + 1 only, and priced it makes rows drop weekends altogether (a best-response
 * pass on the generated Gen13 gave 23 218 instead of 4 956, its weekend cover short).
 */
const PASS_LABELS = 8_000_000;
export function trackLabelsFor(staff: number): number {
  if (staff <= 60) return MAX_LABELS;
  return Math.max(30_000, Math.floor(PASS_LABELS / staff));
}

/**
 * Prepares the DP of employee e. Limits are added to the state only when needed (state-space augmentation):
 * solve first with per-type and weekend limits relaxed; if the best row breaks one, track that limit from
 * then on and solve again. The relaxed optimum is a lower bound, and a feasible relaxed optimum is optimal,
 * so results stay exact. When tracking a limit would outgrow `trackLabels` (long horizons, many binding
 * types; see trackLabelsFor), the limit is priced instead (Lagrangian penalty, doubled until the row keeps it):
 * the row is feasible but may not be optimal, `exact` turns false and `lowerBound` keeps a valid bound.
 * Returns undefined when even the relaxed state space is too large. A solve costs days × labels × usable
 * types: linear in the horizon, the labels bounded by `trackLabels`.
 */
export function employeeDp(instance: CqInstance, e: number, trackLabels = MAX_LABELS): EmployeeDp | undefined {
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
  let lowerBound = -Infinity;
  const typePenalty = new Float64Array(T);
  let weekendPenalty = 0;
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
    get lowerBound() {
      return lowerBound;
    },
    usable: first.usable,
    solve(cost, alternatives = 1) {
      // Penalties carry over from the employee's previous solve (pricing asks again with nearby costs): most
      // solves then need one round, not one per limit the row would break in turn.
      let base = 1;
      for (let k = 0; k < cost.length; k++) if (Number.isFinite(cost[k])) base = Math.max(base, 1 + Math.abs(cost[k]));
      base /= 4;
      lowerBound = -Infinity;
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
        if (rows.length === 0) {
          lowerBound = Infinity;
          return [];
        }
        // A feasible row costs at most Σ penalty × limit more penalised (a weekend's penalty is paid per day
        // worked on it, two at most per weekend): so this is a lower bound on the cheapest feasible row.
        let slack = 2 * weekendPenalty * s.maxWeekends;
        for (let t = 0; t < T; t++) slack += typePenalty[t] * limitOf(t);
        lowerBound = Math.max(lowerBound, rows[0].cost - slack);
        const b = broken(rows[0].row);
        if (b.types.length === 0 && !b.weekends) {
          exact = !penalised;
          if (!penalised) lowerBound = rows[0].cost;
          const kept = rows.filter((r) => keeps(r.row)).slice(0, alternatives);
          return penalised ? kept.map((r) => ({ row: r.row, cost: trueCost(cost, r.row) })) : kept;
        }
        // Track one broken limit per round while the labels (measured on this solve) stay within budget; price
        // the others.
        let grown = false;
        for (const t of b.types) {
          if (solver.labels * (limitOf(t) + 1) > trackLabels) typePenalty[t] = typePenalty[t] > 0 ? 2 * typePenalty[t] : base;
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
