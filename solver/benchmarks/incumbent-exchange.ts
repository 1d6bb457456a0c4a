/**
 * The best solution shared between searcher threads through a SharedArrayBuffer: a spin lock, the objective
 * (integral, as the benchmark's is), the best proven lower bound, and the E×D grid. Searchers offer
 * improvements and take a better incumbent between two sub-problem solves; everyone stops once the
 * incumbent meets the bound.
 */
import type { CqSolution } from './curtois-qu-instance.ts';
import type { IncumbentExchange } from './curtois-qu-lns.ts';

const LOCK = 0;
const OBJECTIVE = 1;
const BOUND = 2;
const VERSION = 3;
const HEADER = 4;
const NONE = 0x7fffffff;

export function createExchangeBuffer(employees: number, days: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer((HEADER + employees * days) * 4);
  const cells = new Int32Array(buffer);
  cells[OBJECTIVE] = NONE;
  cells[BOUND] = -NONE;
  return buffer;
}

export class SharedIncumbent implements IncumbentExchange {
  private readonly cells: Int32Array;
  constructor(
    buffer: SharedArrayBuffer,
    private readonly employees: number,
    private readonly days: number,
  ) {
    this.cells = new Int32Array(buffer);
  }

  private locked<T>(body: () => T): T {
    while (Atomics.compareExchange(this.cells, LOCK, 0, 1) !== 0) Atomics.wait(this.cells, LOCK, 1, 1);
    try {
      return body();
    } finally {
      Atomics.store(this.cells, LOCK, 0);
      Atomics.notify(this.cells, LOCK);
    }
  }

  get objective(): number {
    const v = Atomics.load(this.cells, OBJECTIVE);
    return v === NONE ? Infinity : v;
  }

  /** The best proven lower bound (rounded up: objectives are integral). */
  get bound(): number {
    const v = Atomics.load(this.cells, BOUND);
    return v === -NONE ? -Infinity : v;
  }

  /** Changes whenever a better incumbent is stored. */
  get version(): number {
    return Atomics.load(this.cells, VERSION);
  }

  /** The incumbent is proven optimal. */
  get solved(): boolean {
    return this.objective <= this.bound;
  }

  raiseBound(bound: number): void {
    const b = Math.ceil(bound - 1e-6);
    for (let cur = Atomics.load(this.cells, BOUND); b > cur; cur = Atomics.load(this.cells, BOUND)) {
      if (Atomics.compareExchange(this.cells, BOUND, cur, b) === cur) return;
    }
  }

  offer(objective: number, solution: CqSolution): void {
    if (!Number.isFinite(objective) || objective >= this.objective) return;
    this.locked(() => {
      if (objective >= this.objective) return;
      for (let e = 0; e < this.employees; e++) for (let d = 0; d < this.days; d++) this.cells[HEADER + e * this.days + d] = solution[e][d];
      Atomics.store(this.cells, OBJECTIVE, Math.round(objective));
      Atomics.add(this.cells, VERSION, 1);
    });
  }

  take(objective: number): { objective: number; solution: CqSolution } | undefined {
    if (this.objective >= objective) return undefined;
    return this.locked(() => ({
      objective: this.objective,
      solution: Array.from({ length: this.employees }, (_, e) => Array.from(this.cells.subarray(HEADER + e * this.days, HEADER + (e + 1) * this.days))),
    }));
  }
}
