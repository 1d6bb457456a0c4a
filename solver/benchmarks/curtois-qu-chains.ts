/**
 * Ejection chains of the Curtois & Qu local search (curtois-qu-local-search.ts). A chain is a row change of
 * one employee (the cell asked for, and at most one other day of theirs so their rules still hold, or — for a
 * weekend day when the weekend limit binds — one of their weekends given up), followed
 * — when it leaves a (day, shift) short, or over-covered — by the best chain repairing that, with another
 * employee, down to a depth; a few best candidates of each level are followed. When no chain repairs a short
 * cell, a few employees' DP rows through it (their best whole row against the others' cover, which may move
 * weekends, nights and runs together) are tried, each followed by chains for every cell it leaves short.
 */
import type { Random } from './random.ts';
import { weekendsOf } from './curtois-qu-instance.ts';
import { marginalCosts } from './curtois-qu-costs.ts';
import { DpLimitError, employeeDp, trackLabelsFor, type EmployeeDp } from './curtois-qu-dp.ts';
import { CqMoveState, type Chain, type Change } from './curtois-qu-move-state.ts';

/** Candidates of a level followed into the next. */
const CHAIN_BEAM = 6;
/** Levels of a chain that grants a request (its first row change, then repairs of what it leaves). */
const REQUEST_DEPTH = 2;
/** Employees whose best row through a short cell their DP computes, when no chain repairs it. */
const DP_TRIES = 6;
/** DP rows followed by repairs of what they leave short, best first. */
const DP_FOLLOWED = 3;
/** A bonus that makes the DP's row work the cell asked for (taken off again in the chain's delta). */
const FORCE = 1e6;

export class CqChains extends CqMoveState {
  private readonly weekends = weekendsOf(this.instance.horizon);
  /** Each employee's DP, made when first needed (null: too large). */
  private readonly dps: Array<EmployeeDp | null | undefined> = [];

  /** Candidate row changes of employee e that set day d to `to`: alone, or with one other day changed too. */
  protected rowCandidates(e: number, d: number, to: number, out: Chain[]): void {
    const row = this.solution[e];
    const first: Change = { e, d, from: row[d], to };
    const firstDelta = this.cellDelta(e, d, first.from, to);
    this.apply(first);
    if (this.feasible(e)) out.push({ changes: [first], delta: firstDelta });
    else {
      for (let d2 = 0; d2 < this.D; d2++) {
        if (d2 === d) continue;
        const from = row[d2];
        for (const to2 of [-1, ...this.usable[e]]) {
          if (to2 === from) continue;
          row[d2] = to2;
          if (this.feasible(e)) out.push({ changes: [first, { e, d: d2, from, to: to2 }], delta: firstDelta + this.cellDelta(e, d2, from, to2) });
        }
        row[d2] = from;
      }
      this.weekendCandidates(e, first, firstDelta, out);
    }
    this.undo(first);
  }

  /**
   * With `first` applied (employee e takes a weekend day it did not work): the same employee gives up one of
   * the weekends they work instead, alone or handing its shift on the partner day over to the new weekend.
   * Reaches rows two-day changes cannot when the weekend limit binds (weekend night cover on the generated
   * month-sized instances stayed short for minutes). The local search alone from the same best-response start,
   * 200 M row checks, two seeds: GenM100 3 826 and 3 620 with these moves against 4 155 and 4 523 without,
   * GenM150 1 556 and 2 171 against 2 207 and 2 823 (Gen13: 658 against 588, one seed).
   */
  private weekendCandidates(e: number, first: Change, firstDelta: number, out: Chain[]): void {
    const row = this.solution[e];
    const target = this.weekends.find((w) => w.includes(first.d));
    if (!target || target.some((x) => x !== first.d && row[x] >= 0)) return;
    const partner = target.find((x) => x !== first.d);
    for (const w of this.weekends) {
      if (w === target || w.every((x) => row[x] < 0)) continue;
      const free: Change[] = w.filter((x) => row[x] >= 0).map((x) => ({ e, d: x, from: row[x], to: -1 }));
      const moved = partner === undefined ? -1 : row[w[0] + (partner - target[0])] ?? -1;
      const variants = [free, ...(partner !== undefined && moved >= 0 ? [[...free, { e, d: partner, from: row[partner], to: moved }]] : [])];
      for (const changes of variants) {
        let delta = firstDelta;
        for (const c of changes) {
          delta += this.cellDelta(e, c.d, c.from, c.to);
          this.apply(c);
        }
        if (this.feasible(e)) out.push({ changes: [first, ...changes], delta });
        [...changes].reverse().forEach((c) => this.undo(c));
      }
    }
  }

  /** The best of the candidates, each followed (depth permitting) by the best chain repairing what it left. */
  protected extend(candidates: Chain[], depth: number, used: Set<number>): Chain | undefined {
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => a.delta - b.delta);
    let best = candidates[0];
    if (depth <= 1) return best;
    for (const chain of candidates.slice(0, CHAIN_BEAM)) {
      chain.changes.forEach((c) => this.apply(c));
      const next = this.follow(chain.changes, depth - 1, new Set([...used, chain.changes[0].e]));
      if (next && chain.delta + next.delta < best.delta) best = { changes: [...chain.changes, ...next.changes], delta: chain.delta + next.delta };
      [...chain.changes].reverse().forEach((c) => this.undo(c));
    }
    return best;
  }

  /** After applied changes: the chain for a cell they left short, else for one they made over-covered. */
  protected follow(changes: Change[], depth: number, used: Set<number>): Chain | undefined {
    const { T, counts } = this;
    const cover = this.instance.cover;
    for (const c of changes) {
      const i = c.from >= 0 ? this.costs.cover[c.d * T + c.from] : -1;
      if (i >= 0 && cover[i].underWeight > 0 && counts[c.d * T + c.from] < cover[i].requirement) return this.insert(c.d, c.from, depth, used);
    }
    for (const c of changes) {
      const i = c.to >= 0 ? this.costs.cover[c.d * T + c.to] : -1;
      if (i >= 0 && cover[i].overWeight > 0 && counts[c.d * T + c.to] > cover[i].requirement) return this.remove(c.d, c.to, depth, used);
    }
    return undefined;
  }

  /** The best chain that puts one more employee on (d, t). */
  protected insert(d: number, t: number, depth: number, used: Set<number>): Chain | undefined {
    const candidates: Chain[] = [];
    const id = this.instance.shifts[t].id;
    this.solution.forEach((row, e) => {
      if (used.has(e) || row[d] === t || (this.instance.staff[e].maxShifts[id] ?? this.D) <= 0) return;
      this.rowCandidates(e, d, t, candidates);
    });
    return this.extend(candidates, depth, used);
  }

  /**
   * Whole-row candidates for a short (d, t): for a few employees who may work it, their best row through
   * (d, t) by their DP against the others' cover (it may move their weekends, nights and runs together,
   * which no one- or two-day change can), as a chain of the days it changes.
   */
  protected dpCandidates(d: number, t: number, rng: Random): Chain[] {
    const id = this.instance.shifts[t].id;
    const able = this.solution.flatMap((row, e) =>
      row[d] !== t && (this.instance.staff[e].maxShifts[id] ?? this.D) > 0 && !this.instance.staff[e].daysOff.includes(d) ? [e] : [],
    );
    const out: Chain[] = [];
    const T = this.T;
    for (const e of rng.shuffle(able).slice(0, DP_TRIES)) {
      const dp = this.dpOf(e);
      if (!dp) continue;
      const row = this.solution[e];
      row.forEach((x, k) => x >= 0 && this.counts[k * T + x]--);
      const cost = marginalCosts(this.instance, this.costs, e, this.counts);
      row.forEach((x, k) => x >= 0 && this.counts[k * T + x]++);
      const current = row.reduce((c, x, k) => (x >= 0 ? c + cost[k * T + x] : c), 0);
      for (let u = 0; u < T; u++) if (u !== t) cost[d * T + u] = Infinity;
      cost[d * T + t] -= FORCE;
      let best: { row: number[]; cost: number } | undefined;
      try {
        [best] = dp.solve(cost);
      } catch (err) {
        if (!(err instanceof DpLimitError)) throw err;
        this.dps[e] = null;
      }
      this.checks += this.D * T; // a DP is worth about this many row checks
      if (!best || best.row[d] !== t || !this.rules[e].feasible(best.row)) continue;
      const changes = best.row.flatMap((to, k) => (to !== row[k] ? [{ e, d: k, from: row[k], to }] : []));
      out.push({ changes, delta: best.cost + FORCE - current });
    }
    return out;
  }

  /**
   * A short (d, t) no chain repairs: the best DP rows through it are tried in turn, each followed by chains
   * for every cell it leaves short; kept when the whole gains, else undone. Returns the gain (≤ 0).
   */
  protected dpRepair(d: number, t: number, rng: Random): number {
    const candidates = this.dpCandidates(d, t, rng).sort((a, b) => a.delta - b.delta);
    for (const candidate of candidates.slice(0, DP_FOLLOWED)) {
      const done: Change[] = [];
      const run = (changes: Change[]) => changes.forEach((c) => (this.apply(c), done.push(c)));
      run(candidate.changes);
      let delta = candidate.delta;
      const used = new Set([candidate.changes[0].e]);
      for (const c of candidate.changes) {
        const i = c.from >= 0 ? this.costs.cover[c.d * this.T + c.from] : -1;
        if (i < 0 || this.counts[c.d * this.T + c.from] >= this.instance.cover[i].requirement) continue;
        const chain = this.insert(c.d, c.from, 2, used);
        if (!chain || chain.delta >= 0) continue;
        run(chain.changes);
        chain.changes.forEach((x) => used.add(x.e));
        delta += chain.delta;
      }
      if (delta < -1e-9) return delta;
      done.reverse().forEach((c) => this.undo(c));
    }
    return 0;
  }

  private dpOf(e: number): EmployeeDp | undefined {
    if (this.dps[e] === undefined) this.dps[e] = employeeDp(this.instance, e, trackLabelsFor(this.instance.staff.length)) ?? null;
    return this.dps[e] ?? undefined;
  }

  /** The best chain that takes one employee off (d, t) (to rest or to another shift). */
  protected remove(d: number, t: number, depth: number, used: Set<number>): Chain | undefined {
    const candidates: Chain[] = [];
    this.solution.forEach((row, e) => {
      if (used.has(e) || row[d] !== t) return;
      for (const to of [-1, ...this.usable[e]]) if (to !== t) this.rowCandidates(e, d, to, candidates);
    });
    return this.extend(candidates, depth, used);
  }

  /** The best chain that grants one request of employee e (works t on day d, or not, as asked). */
  protected grant(e: number, d: number, t: number, wanted: boolean): Chain | undefined {
    const candidates: Chain[] = [];
    if (wanted) this.rowCandidates(e, d, t, candidates);
    else for (const to of [-1, ...this.usable[e]]) if (to !== t) this.rowCandidates(e, d, to, candidates);
    return this.extend(candidates, REQUEST_DEPTH, new Set());
  }
}
