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

/** An option's coverage as every meal position shares it (base, from interval `first`) and each one's corrections. */
interface OptionShape {
  first: number;
  span: number;
  base: Float64Array;
  /** Offsets where base ≠ 0. */
  baseAt: Int32Array;
  corrections: Array<{ at: Int32Array; diff: Float64Array }>;
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
    const shape = this.shapeOf(option);
    if (!shape) {
      let best: { placed: Placed; delta: number } | undefined;
      option.meals.forEach((meal, k) => {
        const { delta, slots } = this.placementCost(meal, q);
        if (!best || delta < best.delta - 1e-12) best = { placed: { option, q, meal: k, slots }, delta };
      });
      return best!;
    }
    // The shift's coverage without its meal is priced once; each meal position only corrects its intervals.
    const cov = this.cov[q];
    const { first, span, base, baseAt, corrections } = shape;
    if (span > this.added.length) this.added = new Float64Array(span * 2);
    const added = this.added;
    let baseDelta = 0;
    for (let k = 0; k < baseAt.length; k++) {
      const j = baseAt[k];
      const c = cov[first + j];
      baseDelta += this.costAt(q, first + j, c + base[j]) - this.costAt(q, first + j, c);
    }
    let best: { placed: Placed; delta: number } | undefined;
    for (let m = 0; m < option.meals.length; m++) {
      added.set(base);
      let delta = baseDelta;
      const { at, diff } = corrections[m];
      for (let k = 0; k < at.length; k++) {
        const j = at[k];
        const c = cov[first + j] + base[j];
        delta += this.costAt(q, first + j, c + diff[k]) - this.costAt(q, first + j, c);
        added[j] += diff[k];
      }
      const breaks = this.breakCost(option.meals[m], q, first, span);
      delta += breaks.delta;
      if (!best || delta < best.delta - 1e-12) best = { placed: { option, q, meal: m, slots: breaks.slots }, delta };
    }
    return best!;
  }

  private readonly shapes = new WeakMap<ShiftOption, OptionShape | null>();

  /** The option's coverage split into what every meal position shares and each one's corrections (cached). */
  private shapeOf(option: ShiftOption): OptionShape | null {
    let shape = this.shapes.get(option);
    if (shape !== undefined) return shape;
    shape = null;
    if (option.meals.length > 0 && option.meals.every((meal) => meal.idx.length > 0)) {
      const first = Math.min(...option.meals.map((meal) => meal.idx[0]));
      const span = Math.max(...option.meals.map((meal) => meal.idx[meal.idx.length - 1])) - first + 1;
      const fracs = option.meals.map((meal) => {
        const f = new Float64Array(span);
        meal.idx.forEach((i, k) => (f[i - first] += meal.frac[k]));
        return f;
      });
      const base = new Float64Array(span);
      for (const f of fracs) for (let j = 0; j < span; j++) base[j] = Math.max(base[j], f[j]);
      const baseAt = Int32Array.from([...base.keys()].filter((j) => base[j] !== 0));
      const corrections = fracs.map((f) => {
        const at = [...base.keys()].filter((j) => f[j] !== base[j]);
        return { at: Int32Array.from(at), diff: Float64Array.from(at.map((j) => f[j] - base[j])) };
      });
      shape = { first, span, base, baseAt, corrections };
    }
    this.shapes.set(option, shape);
    return shape;
  }

  /** Scratch: agents the candidate shift adds per interval, indexed from its first interval. */
  private added = new Float64Array(512);

  private placementCost(meal: MealChoice, q: number): { delta: number; slots: number[] } {
    const cov = this.cov[q];
    const req = this.req[q];
    const idx = meal.idx;
    if (idx.length === 0) return { delta: 0, slots: meal.blocks.map(() => 0) };
    const first = idx[0];
    const span = idx[idx.length - 1] - first + 1;
    if (span > this.added.length) this.added = new Float64Array(span * 2);
    const added = this.added;
    added.fill(0, 0, span);
    let delta = 0;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const c = cov[i];
      const f = meal.frac[k];
      delta += this.costAt(q, i, c + f) - this.costAt(q, i, c);
      added[i - first] = f;
    }
    const breaks = this.breakCost(meal, q, first, span);
    return { delta: delta + breaks.delta, slots: breaks.slots };
  }

  /** Best slot of each hourly break given the shift's own coverage in `added` (from its first interval). */
  private breakCost(meal: MealChoice, q: number, first: number, span: number): { delta: number; slots: number[] } {
    const cov = this.cov[q];
    const req = this.req[q];
    const added = this.added;
    let delta = 0;
    const beta = this.beta;
    const slots: number[] = new Array(meal.blocks.length);
    for (let b = 0; b < meal.blocks.length; b++) {
      const block = meal.blocks[b];
      let bestS = 0;
      let bestD = Infinity;
      for (let s = 0; s < block.length; s++) {
        const i = block[s].idx;
        if (i < 0 || i - first >= span || i < first) {
          if (bestD > 0) {
            bestD = 0;
            bestS = s;
          }
          continue;
        }
        const c = cov[i] + added[i - first];
        // Tie-break toward the interval with the most spare agents, so breaks spread out.
        const spare = Number.isNaN(req[i]) ? 0 : c - req[i];
        const d = this.costAt(q, i, c - beta) - this.costAt(q, i, c) - 1e-9 * spare;
        if (d < bestD) {
          bestD = d;
          bestS = s;
        }
      }
      slots[b] = bestS;
      if (block.length > 0 && Number.isFinite(bestD)) {
        delta += bestD;
        const i = block[bestS].idx;
        if (i >= first && i - first < span) added[i - first] -= beta;
      }
    }
    return { delta, slots };
  }

  private removed = new Float64Array(512);

  /** Cost change of removing a placed shift (without touching the coverage). */
  removalDelta(p: Placed): number {
    const meal = p.option.meals[p.meal];
    const idx = meal.idx;
    if (idx.length === 0) return 0;
    const first = idx[0];
    const span = idx[idx.length - 1] - first + 1;
    if (span > this.removed.length) this.removed = new Float64Array(span * 2);
    const part = this.removed;
    part.fill(0, 0, span);
    for (let k = 0; k < idx.length; k++) part[idx[k] - first] += meal.frac[k];
    for (let b = 0; b < meal.blocks.length; b++) {
      const slot = meal.blocks[b][p.slots[b]];
      if (slot && slot.idx >= first && slot.idx - first < span) part[slot.idx - first] -= this.beta;
    }
    const cov = this.cov[p.q];
    let delta = 0;
    for (let j = 0; j < span; j++) {
      if (part[j] === 0) continue;
      const i = first + j;
      delta += this.costAt(p.q, i, cov[i] - part[j]) - this.costAt(p.q, i, cov[i]);
    }
    return delta;
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
