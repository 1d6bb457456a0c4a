/**
 * How many of each staff group work each day, in whole shifts, from the month LP's fractional group-day sums.
 * Rounding each group on its own (cumulative rounding) lets the day totals drift: on the tight 60-agent center
 * of issue 17 days got 43 or 44 shifts where the LP had 46, and those days alone ended 10–18 agent-hours short
 * against 4 in the LP. Here the totals are chosen together by a small MIP: each group-day the floor or the
 * ceiling of the LP's sum, each group's month total the LP's (rounded), C2 windows kept, and per day the
 * agent-hours on each queue's groups and in all as close to the LP's as whole shifts allow (shortfalls weigh
 * more than excess: they are what the roster pays for). Falls back to cumulative rounding when the MIP has
 * no answer in time.
 */
import { LinearModel, type LpBackend } from '../lp/linear-model.ts';
import type { StaffGroup } from './groups.ts';

/** A shortfall of agent-hours on a day weighs this much more than the same excess. */
const SHORT_WEIGHT = 3;

/** Cumulative rounding, group by group (each group's month total stays the LP's, rounded). */
export function cumulativeTotals(groups: StaffGroup[], sums: Float64Array[]): number[][] {
  return groups.map((g) => {
    let cumulative = 0;
    let given = 0;
    return Array.from(sums[g.index], (s, d) => {
      cumulative += s;
      const n = Math.min(g.free[d], Math.max(0, Math.round(cumulative - 1e-7) - given));
      given += n;
      return n;
    });
  });
}

/**
 * @param sums [group][day] the LP's shifts of the group that day
 * @param hours [group] agent-hours on the phones of one of the group's shifts (its LP average)
 */
export function balancedTotals(groups: StaffGroup[], sums: Float64Array[], hours: number[], queues: number, backend: LpBackend, timeLimitMs: number): number[][] {
  const fallback = cumulativeTotals(groups, sums);
  const days = sums[0]?.length ?? 0;
  if (groups.length === 0 || days === 0) return fallback;
  const lp = new LinearModel();
  const base = groups.map((g) => Array.from(sums[g.index], (s) => Math.floor(s + 1e-7)));
  // b[g][d] = 1: the group-day takes the ceiling (only where the LP's sum is fractional).
  const b = groups.map((g) => Array.from(sums[g.index], (s, d) => (s - base[g.index][d] > 1e-7 && base[g.index][d] < g.free[d] ? lp.addVar(0, 1, 0, true) : -1)));
  for (const g of groups) {
    const cols = b[g.index].filter((c) => c >= 0);
    const total = Math.round(sums[g.index].reduce((x, y) => x + y, 0) - 1e-7) - base[g.index].reduce((x, y) => x + y, 0);
    if (cols.length > 0) lp.addRow(cols, cols.map(() => 1), total, total);
    else if (total !== 0) return fallback;
    // C2: the group's windows of maxConsecutive + 1 days.
    for (const w of g.windows) {
      const ws: number[] = [];
      let fixed = 0;
      for (let d = w.from; d <= w.to; d++) {
        fixed += base[g.index][d];
        if (b[g.index][d] >= 0) ws.push(b[g.index][d]);
      }
      if (ws.length > 0) lp.addRow(ws, ws.map(() => 1), -Infinity, Math.max(0, w.cap - fixed));
    }
  }
  // Per day: deviation from the LP's agent-hours on each queue's groups (and all groups: index `queues`).
  for (let d = 0; d < days; d++) {
    for (let q = 0; q <= queues; q++) {
      const members = groups.filter((g) => q === queues || g.queues.includes(q));
      const idx: number[] = [];
      const val: number[] = [];
      let rhs = 0;
      for (const g of members) {
        rhs += hours[g.index] * (sums[g.index][d] - base[g.index][d]);
        if (b[g.index][d] >= 0) {
          idx.push(b[g.index][d]);
          val.push(hours[g.index]);
        }
      }
      if (idx.length === 0) continue;
      const short = lp.addVar(0, Infinity, SHORT_WEIGHT);
      const over = lp.addVar(0, Infinity, 1);
      lp.addRow([...idx, short, over], [...val, 1, -1], rhs, rhs);
    }
  }
  const sol = backend.solve(lp, { timeLimitMs, relGap: 1e-3 });
  if (sol.status !== 'optimal' && sol.status !== 'feasible') return fallback;
  return groups.map((g) => base[g.index].map((n, d) => n + (b[g.index][d] >= 0 ? Math.round(sol.values[b[g.index][d]]) : 0)));
}
