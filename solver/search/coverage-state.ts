/**
 * The phone coverage of a roster under construction: agents on the phones per queue and interval, kept exact
 * as shifts, meals and breaks come and go, with the cost of each interval (R3 understaffing weighted by the
 * day's peak, Q1 overstaffing) so a move is priced by the few intervals it touches.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { MealChoice, ShiftOption } from '../model/shift-options.ts';

/** A phone shift as the solver holds it: option, queue, meal position, and the slot chosen for each break. */
export interface Placed {
  option: ShiftOption;
  q: number;
  meal: number;
  slots: number[];
}

export class CoverageState {
  readonly cov: Float64Array[];
  readonly req: Float64Array[];
  readonly wUnder: Float64Array[];
  readonly wOver: number;
  readonly h: number;
  readonly beta: number;

  constructor(readonly model: SolverModel, fixed?: Float64Array[]) {
    const n = model.horizon.startMs.length;
    this.cov = model.queueIds.map((_, q) => (fixed ? Float64Array.from(fixed[q]) : new Float64Array(n)));
    this.req = model.req.required;
    this.wUnder = model.req.weight;
    this.wOver = model.weights.overstaffed;
    this.h = model.intervalHours;
    this.beta = model.breakShare;
  }

  /** Cost of interval i of queue q at coverage c. */
  costAt(q: number, i: number, c: number): number {
    const r = this.req[q][i];
    if (Number.isNaN(r)) return 0;
    return c < r ? this.h * this.wUnder[q][i] * (r - c) : this.h * this.wOver * (c - r);
  }

  /** Cost change of adding `delta` agents to interval i. */
  deltaAt(q: number, i: number, delta: number): number {
    if (i < 0) return 0;
    const c = this.cov[q][i];
    return this.costAt(q, i, c + delta) - this.costAt(q, i, c);
  }

  apply(p: Placed, sign: 1 | -1): void {
    const meal = p.option.meals[p.meal];
    const cov = this.cov[p.q];
    for (let k = 0; k < meal.idx.length; k++) cov[meal.idx[k]] += sign * meal.frac[k];
    for (let b = 0; b < meal.blocks.length; b++) {
      const slot = meal.blocks[b][p.slots[b]];
      if (slot && slot.idx >= 0) cov[slot.idx] -= sign * this.beta;
    }
  }

  /**
   * Best meal and break slots for a new shift of `option` on queue q given the coverage now (the shift not yet
   * applied), and the cost change of applying it. Breaks of different blocks never share an interval.
   */
  bestPlacement(option: ShiftOption, q: number): { placed: Placed; delta: number } {
    let best: { placed: Placed; delta: number } | undefined;
    option.meals.forEach((meal, k) => {
      const { delta, slots } = this.placementCost(meal, q);
      if (!best || delta < best.delta - 1e-12) best = { placed: { option, q, meal: k, slots }, delta };
    });
    return best!;
  }

  private placementCost(meal: MealChoice, q: number): { delta: number; slots: number[] } {
    const cov = this.cov[q];
    let delta = 0;
    const added = new Map<number, number>();
    for (let k = 0; k < meal.idx.length; k++) {
      const i = meal.idx[k];
      const c = cov[i];
      delta += this.costAt(q, i, c + meal.frac[k]) - this.costAt(q, i, c);
      added.set(i, meal.frac[k]);
    }
    const slots = meal.blocks.map((block) => {
      let bestS = 0;
      let bestD = Infinity;
      block.forEach((slot, s) => {
        if (slot.idx < 0) {
          if (bestD > 0) {
            bestD = 0;
            bestS = s;
          }
          return;
        }
        const c = cov[slot.idx] + (added.get(slot.idx) ?? 0);
        const d = this.costAt(q, slot.idx, c - this.beta) - this.costAt(q, slot.idx, c) + 1e-9 * (c - this.req[q][slot.idx] || 0);
        if (d < bestD) {
          bestD = d;
          bestS = s;
        }
      });
      if (block.length > 0 && Number.isFinite(bestD)) {
        delta += bestD;
        const idx = block[bestS].idx;
        if (idx >= 0) added.set(idx, (added.get(idx) ?? 0) - this.beta);
      }
      return bestS;
    });
    return { delta, slots };
  }

  /** Cost change of removing a placed shift. */
  removalDelta(p: Placed): number {
    this.apply(p, -1);
    const meal = p.option.meals[p.meal];
    let after = 0;
    let before = 0;
    const seen = new Set<number>();
    const touched = [...meal.idx, ...meal.blocks.map((b, k) => b[p.slots[k]]?.idx ?? -1)];
    for (const i of touched) {
      if (i < 0 || seen.has(i)) continue;
      seen.add(i);
      after += this.costAt(p.q, i, this.cov[p.q][i]);
    }
    this.apply(p, 1);
    for (const i of seen) before += this.costAt(p.q, i, this.cov[p.q][i]);
    return after - before;
  }

  /** Total cost and understaffed / overstaffed agent-hours over every interval with a requirement. */
  totals(): { cost: number; under: number; over: number } {
    let cost = 0;
    let under = 0;
    let over = 0;
    this.cov.forEach((cov, q) => {
      for (let i = 0; i < cov.length; i++) {
        const r = this.req[q][i];
        if (Number.isNaN(r)) continue;
        cost += this.costAt(q, i, cov[i]);
        if (cov[i] < r) under += (r - cov[i]) * this.h;
        else over += (cov[i] - r) * this.h;
      }
    });
    return { cost, under, over };
  }
}
