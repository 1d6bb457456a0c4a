/**
 * The state the Curtois & Qu local search moves on (curtois-qu-local-search.ts): the solution, its cover
 * counts, each employee's row rules, and exact incremental prices of cell changes.
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { cqCosts, coverCounts, type CqCosts } from './curtois-qu-costs.ts';
import { rowRules, type RowRules } from './curtois-qu-row-rules.ts';

/** One changed cell: employee e works `to` on day d instead of `from`. */
export interface Change {
  e: number;
  d: number;
  from: number;
  to: number;
}

/** Changes made together, with their exact objective change. */
export interface Chain {
  changes: Change[];
  delta: number;
}

export class CqMoveState {
  protected readonly costs: CqCosts;
  protected readonly rules: RowRules[];
  /** Per employee, the shift types they may work at all. */
  protected readonly usable: number[][];
  protected readonly T: number;
  protected readonly D: number;
  protected counts: Int32Array = new Int32Array(0);
  protected solution: CqSolution = [];
  /** Row checks since the last load. */
  protected checks = 0;

  constructor(protected readonly instance: CqInstance) {
    this.costs = cqCosts(instance);
    this.rules = instance.staff.map((_, e) => rowRules(instance, e));
    this.T = instance.shifts.length;
    this.D = instance.horizon;
    this.usable = instance.staff.map((s) => instance.shifts.flatMap((sh, t) => ((s.maxShifts[sh.id] ?? this.D) > 0 ? [t] : [])));
  }

  /** Moves will change `solution` in place from now on. */
  protected load(solution: CqSolution): void {
    this.solution = solution;
    this.counts = coverCounts(this.costs, solution);
    this.checks = 0;
  }

  protected feasible(e: number): boolean {
    this.checks++;
    return this.rules[e].feasible(this.solution[e]);
  }

  /** Objective change of one cell change, given the current counts. */
  protected cellDelta(e: number, d: number, from: number, to: number): number {
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

  protected apply(c: Change): void {
    const T = this.T;
    if (c.from >= 0) this.counts[c.d * T + c.from]--;
    if (c.to >= 0) this.counts[c.d * T + c.to]++;
    this.solution[c.e][c.d] = c.to;
  }

  protected undo(c: Change): void {
    this.apply({ e: c.e, d: c.d, from: c.to, to: c.from });
  }
}
