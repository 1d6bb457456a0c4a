/**
 * Fast local search for the Curtois & Qu benchmark, between the MIP LNS's sub-problems: on the large
 * generated instances each sub-MIP (0.2–3 s) repairs about one short cover unit (weight 100), so the first
 * minute ends far above the tenth. Here every move is checked by the row rules (curtois-qu-row-rules.ts, O(days))
 * and priced incrementally, thousands a second:
 * - ejection chains aimed at short cover: an employee takes the short (day, shift), changing at most one other
 *   day of their row to stay within their rules; if that leaves another (day, shift) short, a second employee
 *   takes it the same way, and so on (depth-limited, a few best candidates followed at each level);
 * - a day's shift changed for one employee (on, off or another shift);
 * - a block of days swapped between two employees (cover unchanged: requests and rules decide).
 * Only improving moves are kept, so the objective never rises. Work is bounded by a count of row checks.
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { cqCosts, coverCounts, marginalCosts, type CqCosts } from './curtois-qu-costs.ts';
import { DpLimitError, employeeDp, trackLabelsFor, type EmployeeDp } from './curtois-qu-dp.ts';
import { rowRules, type RowRules } from './curtois-qu-row-rules.ts';
import type { Random } from './random.ts';

/** One changed cell: employee e works `to` on day d instead of `from`. */
interface Change {
  e: number;
  d: number;
  from: number;
  to: number;
}

interface Chain {
  changes: Change[];
  delta: number;
}

/** Ejection-chain levels, and the candidates of a level followed into the next. */
const CHAIN_DEPTH = 2;
const CHAIN_BEAM = 6;
/** Levels of a chain that grants a request (its first row change, then repairs of what it leaves). */
const REQUEST_DEPTH = 2;
/** Employees whose best row through a short cell their DP computes, when no chain repairs it. */
const DP_TRIES = 6;
/** DP rows followed by repairs of what they leave short, best first. */
const DP_FOLLOWED = 3;
/** A bonus that makes the DP's row work the cell asked for (taken off again in the chain's delta). */
const FORCE = 1e6;
/** Longest block of days swapped between two employees. */
const MAX_BLOCK = 7;

export interface LocalSearchOptions {
  maxChecks: number;
  /** Wall-clock stop, ms since the epoch (a safety net: work is bounded by maxChecks). */
  until?: number;
  depth?: number;
  beam?: number;
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

export class CqLocalSearch {
  private readonly costs: CqCosts;
  private readonly rules: RowRules[];
  private readonly usable: number[][];
  private readonly T: number;
  private readonly D: number;
  private counts: Int32Array = new Int32Array(0);
  private solution: CqSolution = [];
  private checks = 0;
  private beam = CHAIN_BEAM;
  /** Each employee's DP, made when first needed (null: too large). */
  private readonly dps: Array<EmployeeDp | null | undefined> = [];

  constructor(private readonly instance: CqInstance) {
    this.costs = cqCosts(instance);
    this.rules = instance.staff.map((_, e) => rowRules(instance, e));
    this.T = instance.shifts.length;
    this.D = instance.horizon;
    this.usable = instance.staff.map((s) => instance.shifts.flatMap((sh, t) => ((s.maxShifts[sh.id] ?? this.D) > 0 ? [t] : [])));
  }

  /**
   * Improves `solution` in place (its rows must each be feasible) until a sweep of every move kind gains
   * nothing `patience` times in a row, `maxChecks` row checks are spent, or the clock passes `until`.
   */
  improve(solution: CqSolution, rng: Random, options: LocalSearchOptions): LocalSearchResult {
    const { maxChecks, until = Infinity, depth = CHAIN_DEPTH, patience = 2 } = options;
    this.beam = options.beam ?? CHAIN_BEAM;
    this.solution = solution;
    this.counts = coverCounts(this.costs, solution);
    this.checks = 0;
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
        const chain = this.insert(d, t, depth, new Set());
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

  private feasible(e: number): boolean {
    this.checks++;
    return this.rules[e].feasible(this.solution[e]);
  }

  /** Objective change of one cell change, given the current counts. */
  private cellDelta(e: number, d: number, from: number, to: number): number {
    const { costs, T, counts } = this;
    const cover = this.instance.cover;
    let delta = 0;
    if (from >= 0) {
      delta -= costs.request[e][d * T + from];
      const i = costs.cover[d * T + from];
      if (i >= 0) delta += counts[d * T + from] <= cover[i].requirement ? cover[i].underWeight : -cover[i].overWeight;
    }
    if (to >= 0) {
      delta += costs.request[e][d * T + to];
      const i = costs.cover[d * T + to];
      if (i >= 0) delta += counts[d * T + to] < cover[i].requirement ? -cover[i].underWeight : cover[i].overWeight;
    }
    return delta;
  }

  private apply(c: Change): void {
    const T = this.T;
    if (c.from >= 0) this.counts[c.d * T + c.from]--;
    if (c.to >= 0) this.counts[c.d * T + c.to]++;
    this.solution[c.e][c.d] = c.to;
  }

  private undo(c: Change): void {
    this.apply({ e: c.e, d: c.d, from: c.to, to: c.from });
  }

  /** Candidate row changes of employee e that set day d to `to`: alone, or with one other day changed too. */
  private rowCandidates(e: number, d: number, to: number, out: Chain[]): void {
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
    }
    this.undo(first);
  }

  /** The best of the candidates, each followed (depth permitting) by the best chain repairing what it left. */
  private extend(candidates: Chain[], depth: number, used: Set<number>): Chain | undefined {
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => a.delta - b.delta);
    let best = candidates[0];
    if (depth <= 1) return best;
    for (const chain of candidates.slice(0, this.beam)) {
      chain.changes.forEach((c) => this.apply(c));
      const next = this.follow(chain.changes, depth - 1, new Set([...used, chain.changes[0].e]));
      if (next && chain.delta + next.delta < best.delta) best = { changes: [...chain.changes, ...next.changes], delta: chain.delta + next.delta };
      [...chain.changes].reverse().forEach((c) => this.undo(c));
    }
    return best;
  }

  /** After applied changes: the chain for a cell they left short, else for one they made over-covered. */
  private follow(changes: Change[], depth: number, used: Set<number>): Chain | undefined {
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
  private insert(d: number, t: number, depth: number, used: Set<number>): Chain | undefined {
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
  private dpCandidates(d: number, t: number, rng: Random): Chain[] {
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
  private dpRepair(d: number, t: number, rng: Random): number {
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
  private remove(d: number, t: number, depth: number, used: Set<number>): Chain | undefined {
    const candidates: Chain[] = [];
    this.solution.forEach((row, e) => {
      if (used.has(e) || row[d] !== t) return;
      for (const to of [-1, ...this.usable[e]]) if (to !== t) this.rowCandidates(e, d, to, candidates);
    });
    return this.extend(candidates, depth, used);
  }

  /** The best chain that grants one request of employee e (works t on day d, or not, as asked). */
  private grant(e: number, d: number, t: number, wanted: boolean): Chain | undefined {
    const candidates: Chain[] = [];
    if (wanted) this.rowCandidates(e, d, t, candidates);
    else for (const to of [-1, ...this.usable[e]]) if (to !== t) this.rowCandidates(e, d, to, candidates);
    return this.extend(candidates, REQUEST_DEPTH, new Set());
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

  /** Swaps days d..end−1 between a and b when both rows stay feasible; else leaves them as they were. */
  private trySwap(a: number, b: number, d: number, end: number): boolean {
    const ra = this.solution[a];
    const rb = this.solution[b];
    const swap = () => {
      for (let k = d; k < end; k++) [ra[k], rb[k]] = [rb[k], ra[k]];
    };
    swap();
    if (this.feasible(a) && this.feasible(b)) return true;
    swap();
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
          this.trySwap(e, b, first, first + len); // swap back: only the best is kept
          best = { delta, b, first, end: first + len };
        }
      }
    });
    if (best.b < 0) return 0;
    this.trySwap(e, best.b, best.first, best.end);
    return best.delta;
  }
}
