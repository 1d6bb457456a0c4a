/**
 * The restricted master LP of column generation (Dantzig–Wolfe form of the benchmark, as in Curtois & Qu's
 * branch-and-price): one column per known schedule (row) of an employee, λ ≥ 0, Σ λ = 1 per employee, and per
 * cover row Σ λ·works + under − over = requirement − cover given by employees outside the master, minimising
 * request costs + weighted slack. Solved incrementally on one persistent HiGHS model (no presolve, warm basis;
 * HiGHS picks the simplex variant: with smoothed pricing the root dive of generated Gen14, 16 and 18 ended
 * better than with primal simplex forced, at about the same speed). Employees can be fixed to one of their columns and freed again.
 */
import type { Highs } from 'highs';
import type { CqInstance } from './curtois-qu-instance.ts';
import { rowRequestCost, type CqCosts } from './curtois-qu-costs.ts';

type HighsModel = ReturnType<Highs['createModel']>;

export interface MasterSolution {
  value: number;
  /** Row duals: employees' convexity rows first, then cover rows. */
  dual: Float64Array;
  /** Column values. */
  x: Float64Array;
}

export class Master {
  private readonly model: HighsModel;
  private readonly slackCount: number;
  /** Employee and row of each schedule column, by column index − slackCount. */
  readonly columns: Array<{ employee: number; row: number[] }> = [];
  private readonly byEmployee: number[][];
  private readonly known: Array<Map<string, number>>;
  readonly fixed: Int32Array;
  /** Each schedule column's true cost (perturb() changes the model's costs, restoreCosts() puts these back). */
  private readonly baseCost: number[] = [];

  /** Right-hand side of each cover row (requirement − cover given by employees outside the master). */
  readonly coverRhs: Float64Array;

  /** Position of each employee of the master (its convexity row), -1 for those outside. */
  private readonly position: Int32Array;

  /**
   * @param employees the employees of the master (default: all)
   * @param baseCover cover at d·T + t already given by the employees outside the master
   */
  constructor(
    highs: Highs,
    private readonly instance: CqInstance,
    private readonly costs: CqCosts,
    readonly employees: readonly number[] = instance.staff.map((_, e) => e),
    baseCover?: ArrayLike<number>,
  ) {
    const E = employees.length;
    this.position = new Int32Array(instance.staff.length).fill(-1);
    employees.forEach((e, i) => (this.position[e] = i));
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 0 });
    for (let e = 0; e < E; e++) this.model.addRow(1, 1, { indices: [], values: [] });
    this.coverRhs = Float64Array.from(instance.cover, (c) => c.requirement - (baseCover?.[c.day * costs.shifts + c.shift] ?? 0));
    for (const rhs of this.coverRhs) this.model.addRow(rhs, rhs, { indices: [], values: [] });
    instance.cover.forEach((c, i) => {
      this.model.addCol(c.underWeight, 0, Infinity, { indices: [E + i], values: [1] });
      this.model.addCol(c.overWeight, 0, Infinity, { indices: [E + i], values: [-1] });
    });
    this.slackCount = 2 * instance.cover.length;
    this.byEmployee = instance.staff.map(() => []);
    this.known = instance.staff.map(() => new Map());
    this.fixed = new Int32Array(instance.staff.length).fill(-1);
  }

  /** Row index of an employee's convexity row (its dual is the employee's price). */
  convexityRow(employee: number): number {
    return this.position[employee];
  }

  /** Row index of a cover row (index into instance.cover). */
  coverRow(i: number): number {
    return this.employees.length + i;
  }

  get size(): number {
    return this.columns.length;
  }

  /** Adds a schedule column (once per distinct row); returns its column index. */
  add(employee: number, row: number[]): number {
    const key = row.join(',');
    const seen = this.known[employee].get(key);
    if (seen !== undefined) return seen;
    const E = this.employees.length;
    const T = this.costs.shifts;
    const indices = [this.position[employee]];
    row.forEach((t, d) => {
      const i = t >= 0 ? this.costs.cover[d * T + t] : -1;
      if (i >= 0) indices.push(E + i);
    });
    const j = this.slackCount + this.columns.length;
    const free = this.fixed[employee] < 0;
    const cost = rowRequestCost(this.costs, employee, row);
    this.baseCost.push(cost);
    this.model.addCol(cost, 0, free ? Infinity : 0, { indices, values: indices.map(() => 1) });
    this.columns.push({ employee, row });
    this.byEmployee[employee].push(j);
    this.known[employee].set(key, j);
    return j;
  }

  column(j: number): { employee: number; row: number[] } {
    return this.columns[j - this.slackCount];
  }

  columnsOf(employee: number): readonly number[] {
    return this.byEmployee[employee];
  }

  fix(employee: number, j: number): void {
    for (const k of this.byEmployee[employee]) this.model.changeColBounds(k, k === j ? 1 : 0, k === j ? 1 : 0);
    this.fixed[employee] = j;
  }

  free(employee: number): void {
    if (this.fixed[employee] < 0) return;
    for (const k of this.byEmployee[employee]) this.model.changeColBounds(k, 0, Infinity);
    this.fixed[employee] = -1;
  }

  solve(): MasterSolution {
    this.model.run();
    const solution = this.model.getSolution();
    return { value: this.model.getObjectiveValue(), dual: solution.rowDual, x: solution.colValue };
  }

  /**
   * Adds noise(j) to every schedule column's cost: the LP then settles on another vertex of its (highly
   * degenerate) optimal face, whose support differs.
   */
  perturb(noise: (j: number) => number): void {
    this.baseCost.forEach((c, k) => this.model.changeColCost(this.slackCount + k, c + noise(this.slackCount + k)));
  }

  restoreCosts(): void {
    this.baseCost.forEach((c, k) => this.model.changeColCost(this.slackCount + k, c));
  }

  dispose(): void {
    this.model.dispose();
  }
}
