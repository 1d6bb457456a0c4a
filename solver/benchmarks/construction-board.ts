/**
 * A first best-response pass shared by the searcher threads through a SharedArrayBuffer: each thread claims the
 * next employee of one common order, solves its DP against the rows placed so far (by either thread) and
 * places the row; when no employee is left to claim it waits for the other thread's last row. The pass costs
 * one DP per employee, split between the threads, where each thread used to make the whole pass on its own
 * (generated GenM140, 140 staff × 56 days × 30 types: DPs of 120–270 ms, 47.5 s to the first solution).
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { coverCounts, marginalCosts, type CqCosts } from './curtois-qu-costs.ts';
import type { EmployeeDp } from './curtois-qu-dp.ts';
import { Random } from './random.ts';

const NEXT = 0;
const PLACED = 1;
const FAILED = 2;
const HEADER = 3;

/** The buffer: a claim counter, a placed counter, a failure flag, the claim order (E), a placed flag per employee (E), the E×D grid. */
export function createBoardBuffer(employees: number, days: number, seed: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer((HEADER + 2 * employees + employees * days) * 4);
  const cells = new Int32Array(buffer);
  cells.set(new Random(seed).shuffle(Array.from({ length: employees }, (_, e) => e)), HEADER);
  return buffer;
}

export class ConstructionBoard {
  private readonly cells: Int32Array;
  constructor(
    buffer: SharedArrayBuffer,
    private readonly employees: number,
    private readonly days: number,
  ) {
    this.cells = new Int32Array(buffer);
  }

  private flag(e: number): number {
    return HEADER + this.employees + e;
  }

  private grid(e: number): number {
    return HEADER + 2 * this.employees + e * this.days;
  }

  /** The next employee to place, or undefined when every one is claimed. */
  claim(): number | undefined {
    const i = Atomics.add(this.cells, NEXT, 1);
    return i < this.employees ? this.cells[HEADER + i] : undefined;
  }

  place(e: number, row: readonly number[]): void {
    this.cells.set(row, this.grid(e));
    Atomics.store(this.cells, this.flag(e), 1);
    Atomics.add(this.cells, PLACED, 1);
    Atomics.notify(this.cells, PLACED);
  }

  /** A thread could not place its employee (its DP outgrew its budget): the pass is abandoned. */
  fail(): void {
    Atomics.store(this.cells, FAILED, 1);
    Atomics.add(this.cells, PLACED, 1);
    Atomics.notify(this.cells, PLACED);
  }

  /** The rows placed so far (the others off). */
  rows(): CqSolution {
    return Array.from({ length: this.employees }, (_, e) =>
      Atomics.load(this.cells, this.flag(e)) === 1 ? Array.from(this.cells.subarray(this.grid(e), this.grid(e) + this.days)) : new Array<number>(this.days).fill(-1),
    );
  }

  /** Waits until every employee is placed, a thread failed, or `deadline` passes; true when complete. */
  waitComplete(deadline: number): boolean {
    for (;;) {
      if (Atomics.load(this.cells, FAILED) === 1) return false;
      const placed = Atomics.load(this.cells, PLACED);
      if (placed >= this.employees) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.cells, PLACED, placed, Math.min(left, 100));
    }
  }
}

/**
 * Takes part in the shared first pass: places employees until none is left to claim, then waits for the rest.
 * Returns the complete solution, or undefined if the deadline passed or a thread failed first; rethrows a DP's
 * DpLimitError after marking the pass failed.
 */
export function sharedFirstPass(instance: CqInstance, costs: CqCosts, dps: readonly EmployeeDp[], board: ConstructionBoard, deadline: number): CqSolution | undefined {
  for (let e = board.claim(); e !== undefined; e = board.claim()) {
    const counts = coverCounts(costs, board.rows(), e);
    let best: { row: number[] } | undefined;
    try {
      [best] = dps[e].solve(marginalCosts(instance, costs, e, counts));
    } catch (error) {
      board.fail();
      throw error;
    }
    // No feasible row (as in bestResponse, the employee stays off and the row is reported infeasible later).
    board.place(e, best?.row ?? new Array<number>(instance.horizon).fill(-1));
  }
  return board.waitComplete(deadline) ? board.rows() : undefined;
}
