/**
 * Re-design of one short day by MIP: the people working the day stay at work, but the option and queue each
 * works and where every meal and hourly break falls are chosen again together (the multi-person move a local
 * search cannot make one person at a time). People with the same permitted cells (option, queue) form a class;
 * integer z[class, cell] count them; meals and breaks are the columns of assign/placement-columns.ts. Kept only if the
 * whole objective (coverage, lines, team terms) goes down.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { LinearModel } from '../lp/linear-model.ts';
import { addPlacementColumns, CoverageRows, placementsFromCounts, type PlacementColumns } from '../assign/placement-columns.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { LineCost } from './line-cost.ts';
import type { Placed } from './coverage-state.ts';
import type { SearchState } from './search-state.ts';

const CHANGE_COST = 1e-3;


const cellKey = (p: { option: ShiftOption; q: number }) => `${p.option.id}:${p.q}`;

export function redesignDay(state: SearchState, backend: LpBackend, d: number, timeLimitMs: number, shouldStop?: () => boolean): number {
  const { cov, people } = state;
  const workers: number[] = [];
  for (let k = 0; k < people.length; k++) if (!state.swapOnly[k] && people[k].free[d] && state.plan[people[k].index][d]) workers.push(k);
  if (workers.length === 0) return 0;
  const before = new Map(workers.map((k) => [k, state.plan[people[k].index][d]!]));
  const classes = new Map<string, { members: number[]; cells: string[] }>();
  const classOf = new Map<number, string>();
  const cells = new Map<string, { option: ShiftOption; q: number }>();
  for (const k of workers) {
    const current = before.get(k)!;
    const permitted: string[] = [];
    for (const c of state.choices(k, d)) {
      const key = cellKey(c);
      if (key !== cellKey(current) && state.lineWith(k, [[d, { option: c.option, q: c.q, meal: 0, slots: [] }]]).hard > state.lines[k].hard) continue;
      permitted.push(key);
      if (!cells.has(key)) cells.set(key, { option: c.option, q: c.q });
    }
    const ck = permitted.join(',');
    (classes.get(ck) ?? classes.set(ck, { members: [], cells: permitted }).get(ck)!).members.push(k);
    classOf.set(k, ck);
  }

  const lp = new LinearModel();
  const start: number[] = [];
  const addVar = (upper: number, cost: number, integer: boolean, value: number) => {
    const col = lp.addVar(0, upper, cost, integer);
    start[col] = value;
    return col;
  };
  const zCols = new Map<string, Array<{ cell: string; col: number }>>();
  const xTerms = new Map<string, number[]>();
  for (const [ck, cls] of classes) {
    const now = new Map<string, number>();
    for (const k of cls.members) now.set(cellKey(before.get(k)!), (now.get(cellKey(before.get(k)!)) ?? 0) + 1);
    const list = cls.cells.map((cell) => {
      const keep = now.get(cell) ?? 0;
      const z = addVar(cls.members.length, 0, true, keep);
      (xTerms.get(cell) ?? xTerms.set(cell, []).get(cell)!).push(z);
      if (keep > 0) lp.addRow([addVar(keep, CHANGE_COST, false, 0), z], [1, 1], keep, Infinity);
      return { cell, col: z };
    });
    lp.addRow(list.map((e) => e.col), list.map(() => 1), cls.members.length, cls.members.length);
    zCols.set(ck, list);
  }
  const current = new Map<string, Placed[]>();
  for (const p of before.values()) (current.get(cellKey(p)) ?? current.set(cellKey(p), []).get(cellKey(p))!).push(p);
  const rows = new CoverageRows();
  const columns = new Map<string, PlacementColumns>();
  for (const [key, cell] of cells) {
    const c = addPlacementColumns(lp, rows, cov.beta, cell.option, cell.q, workers.length, current.get(key), start);
    columns.set(key, c);
    const xs = xTerms.get(key)!;
    lp.addRow([...c.n, ...xs], [...c.n.map(() => 1), ...xs.map(() => -1)], 0, 0);
  }
  const oldCost = rows.cost(cov);
  for (const p of before.values()) cov.apply(p, -1);
  rows.addCostRows(lp, cov, start);
  for (const p of before.values()) cov.apply(p, 1);
  const sol = backend.solve(lp, { timeLimitMs, absGap: 1e-6, relGap: 1e-6, shouldStop, start: Float64Array.from(start) });
  if (sol.status !== 'optimal' && sol.status !== 'feasible') return 0;
  if (sol.objective > start.reduce((s, v, j) => s + v * lp.colCost[j], 0) - 1e-9) return 0;

  // Named people: each keeps their cell where the class's count allows; the others take what is left.
  const left = new Map([...zCols].map(([ck, list]) => [ck, new Map(list.map((e) => [e.cell, Math.round(sol.values[e.col])]))]));
  const cellOf = new Map<number, string>();
  const open: number[] = [];
  for (const k of workers) {
    const counts = left.get(classOf.get(k)!)!;
    const key = cellKey(before.get(k)!);
    if ((counts.get(key) ?? 0) > 0) {
      counts.set(key, counts.get(key)! - 1);
      cellOf.set(k, key);
    } else open.push(k);
  }
  for (const k of open) {
    const counts = left.get(classOf.get(k)!)!;
    const key = [...counts].find(([, n]) => n > 0)?.[0];
    if (!key) return 0;
    counts.set(key, counts.get(key)! - 1);
    cellOf.set(k, key);
  }
  const pool = new Map([...columns].map(([key, c]) => [key, placementsFromCounts(c, sol.values)]));
  const after = new Map<number, Placed>();
  for (const k of workers) {
    const cell = cells.get(cellOf.get(k)!)!;
    after.set(k, pool.get(cellOf.get(k)!)!.shift() ?? cov.bestPlacement(cell.option, cell.q).placed);
  }
  for (const p of before.values()) cov.apply(p, -1);
  for (const p of after.values()) cov.apply(p, 1);
  let delta = rows.cost(cov) - oldCost;
  // Line changes priced one person at a time (team terms price at most two at once), committed as they go.
  const committed: Array<[number, LineCost]> = [];
  for (const k of workers) {
    const a = after.get(k)!;
    if (cellKey(a) === cellKey(before.get(k)!)) {
      state.plan[people[k].index][d] = a;
      continue;
    }
    const next = new Map([[k, state.lineWith(k, [[d, a]])]]);
    if (state.hardDelta(next) > 0) delta = Infinity;
    delta += state.linesDelta(next);
    committed.push([k, state.lines[k]]);
    state.commitLines(next, [[k, d, a]]);
  }
  if (delta < -1e-9) return delta;
  // Not better: everything back as it was.
  for (const [k, line] of committed.reverse()) state.commitLines(new Map([[k, line]]), [[k, d, before.get(k)!]]);
  for (const k of workers) state.plan[people[k].index][d] = before.get(k)!;
  for (const p of after.values()) cov.apply(p, -1);
  for (const p of before.values()) cov.apply(p, 1);
  return 0;
}
