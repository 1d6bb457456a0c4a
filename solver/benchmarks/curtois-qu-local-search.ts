/**
 * Fast local search for the Curtois & Qu benchmark, between the MIP LNS's sub-problems: on the large
 * generated instances each sub-MIP (0.2–3 s) repairs about one short cover unit (weight 100), so the first
 * minute ended far above the tenth. Here every move is checked by the row rules (curtois-qu-row-rules.ts,
 * O(days)) and priced incrementally (curtois-qu-move-state.ts), millions of checks a second. A sweep:
 * - each short (day, shift): the best ejection chain that fills it (curtois-qu-chains.ts), else DP rows;
 * - each unmet request: the best block swap with another employee through its day, else a chain;
 * - E × D random single-day changes (on, off or another shift) and block swaps between two employees.
 * Only improving moves are kept, so the objective never rises. Work is bounded by a count of row checks.
 */
import type { CqSolution } from './curtois-qu-instance.ts';
import { CqChains } from './curtois-qu-chains.ts';
import type { Random } from './random.ts';

/** Ejection-chain levels for a short cell (depth 3 gained less per second on Gen13, GenM100 and GenM150). */
const CHAIN_DEPTH = 2;
/** Longest block of days swapped between two employees. */
const MAX_BLOCK = 7;

export interface LocalSearchOptions {
  maxChecks: number;
  /** Wall-clock stop, ms since the epoch (a safety net: work is bounded by maxChecks). */
  until?: number;
  /** Sweeps without gain before stopping. */
  patience?: number;
  /** Called after each sweep that gained (the solution then holds the improvement). */
  onImprove?: () => void;
}

export interface LocalSearchResult {
  /** Change of the objective (≤ 0). */
  delta: number;
  /** Row checks spent. */
  checks: number;
  moves: number;
}

export class CqLocalSearch extends CqChains {
  /**
   * Improves `solution` in place (its rows must each be feasible) until a sweep of every move kind gains
   * nothing `patience` times in a row, `maxChecks` row checks are spent, or the clock passes `until`.
   */
  improve(solution: CqSolution, rng: Random, options: LocalSearchOptions): LocalSearchResult {
    const { maxChecks, until = Infinity, patience = 2 } = options;
    this.load(solution);
    let delta = 0;
    let moves = 0;
    const E = this.instance.staff.length;
    let idle = 0;
    const spent = () => this.checks >= maxChecks || Date.now() >= until;
    while (!spent() && idle < patience) {
      let gained = 0;
      // Short cover first: each short cell gets one chain search per sweep.
      for (const [d, t] of rng.shuffle(this.shortCells())) {
        if (spent()) break;
        const chain = this.insert(d, t, CHAIN_DEPTH, new Set());
        if (chain && chain.delta < -1e-9) {
          chain.changes.forEach((c) => this.apply(c));
          gained += chain.delta;
          moves++;
        } else {
          const g = this.dpRepair(d, t, rng);
          if (g < 0) moves++;
          gained += g;
        }
      }
      // Requests not granted, each tried once per sweep.
      for (const r of rng.shuffle(this.unmetRequests())) {
        if (spent()) break;
        const swapped = this.swapToGrant(r.employee, r.day, r.shift, r.wanted);
        if (swapped < 0) {
          gained += swapped;
          moves++;
          continue;
        }
        const chain = this.grant(r.employee, r.day, r.shift, r.wanted);
        if (chain && chain.delta < -1e-9) {
          chain.changes.forEach((c) => this.apply(c));
          gained += chain.delta;
          moves++;
        }
      }
      // Then single-cell changes and block swaps at random, E · D tries of each.
      for (let k = 0; k < E * this.D && !((k & 255) === 0 && spent()); k++) {
        const g = this.cellMove(rng.int(E), rng.int(this.D)) + this.blockSwap(rng.int(E), rng.int(E), rng.int(this.D), 1 + rng.int(MAX_BLOCK));
        if (g < 0) moves++;
        gained += g;
      }
      delta += gained;
      idle = gained < -1e-9 ? 0 : idle + 1;
      if (gained < -1e-9) options.onImprove?.();
    }
    return { delta, checks: this.checks, moves };
  }

  private shortCells(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const c of this.instance.cover) {
      if (c.underWeight > 0 && this.counts[c.day * this.T + c.shift] < c.requirement) out.push([c.day, c.shift]);
    }
    return out;
  }

  private unmetRequests(): Array<{ employee: number; day: number; shift: number; wanted: boolean }> {
    const sol = this.solution;
    return [
      ...this.instance.onRequests.filter((r) => sol[r.employee][r.day] !== r.shift).map((r) => ({ ...r, wanted: true })),
      ...this.instance.offRequests.filter((r) => sol[r.employee][r.day] === r.shift).map((r) => ({ ...r, wanted: false })),
    ];
  }

  /** The best change of employee e's shift on day d, kept when it improves; returns its gain (≤ 0). */
  private cellMove(e: number, d: number): number {
    const row = this.solution[e];
    const from = row[d];
    let best = 0;
    let bestTo = from;
    for (const to of [-1, ...this.usable[e]]) {
      if (to === from) continue;
      const delta = this.cellDelta(e, d, from, to);
      if (delta >= best - 1e-9) continue;
      row[d] = to;
      if (this.feasible(e)) {
        best = delta;
        bestTo = to;
      }
      row[d] = from;
    }
    if (bestTo !== from) this.apply({ e, d, from, to: bestTo });
    return best;
  }

  /** Request-cost change of swapping days d..end−1 between employees a and b (cover is unchanged). */
  private swapDelta(a: number, b: number, d: number, end: number): number {
    const ra = this.solution[a];
    const rb = this.solution[b];
    const req = this.costs.request;
    const T = this.T;
    let delta = 0;
    for (let k = d; k < end; k++) {
      if (ra[k] === rb[k]) continue;
      if (ra[k] >= 0) delta += req[b][k * T + ra[k]] - req[a][k * T + ra[k]];
      if (rb[k] >= 0) delta += req[a][k * T + rb[k]] - req[b][k * T + rb[k]];
    }
    return delta;
  }

  /** Swaps days d..end−1 between a and b (cover counts are unchanged). */
  private swapRows(a: number, b: number, d: number, end: number): void {
    const ra = this.solution[a];
    const rb = this.solution[b];
    for (let k = d; k < end; k++) [ra[k], rb[k]] = [rb[k], ra[k]];
  }

  /** Swaps days d..end−1 between a and b when both rows stay feasible; else leaves them as they were. */
  private trySwap(a: number, b: number, d: number, end: number): boolean {
    this.swapRows(a, b, d, end);
    if (this.feasible(a) && this.feasible(b)) return true;
    this.swapRows(a, b, d, end);
    return false;
  }

  /** Swaps days d..d+len−1 between employees a and b when that lowers their request costs; returns the gain. */
  private blockSwap(a: number, b: number, d: number, len: number): number {
    if (a === b) return 0;
    const end = Math.min(this.D, d + len);
    const delta = this.swapDelta(a, b, d, end);
    return delta < -1e-9 && this.trySwap(a, b, d, end) ? delta : 0;
  }

  /**
   * The best block swap through day d that grants a request of employee e: with someone working t that day
   * (asked for), or someone not working it (asked against); every block of up to MAX_BLOCK days holding d.
   * Returns the gain (≤ 0).
   */
  private swapToGrant(e: number, d: number, t: number, wanted: boolean): number {
    let best = { delta: -1e-9, b: -1, first: 0, end: 0 };
    this.solution.forEach((row, b) => {
      if (b === e || (row[d] === t) !== wanted) return;
      for (let len = 1; len <= MAX_BLOCK; len++) {
        for (let first = Math.max(0, d - len + 1); first <= d && first + len <= this.D; first++) {
          const delta = this.swapDelta(e, b, first, first + len);
          if (delta >= best.delta || !this.trySwap(e, b, first, first + len)) continue;
          this.swapRows(e, b, first, first + len); // back: only the best is kept
          best = { delta, b, first, end: first + len };
        }
      }
    });
    if (best.b < 0) return 0;
    this.swapRows(e, best.b, best.first, best.end);
    return best.delta;
  }
}
