/**
 * Exact meal and break placement for one day's shifts (R7, R8, R9), a small MIP on HiGHS: the day's shifts are
 * given (how many of each option and queue); integer n[o,q,k] = how many of them take the meal at position k,
 * integer y[o,q,k,b,s] = how many of those take hour b's break in slot s (the rest in slot 0) — the columns
 * of placement-columns.ts. The counts are then handed to the named people in turn. Coordinate descent
 * (placement.ts) reaches local optima only; this is the day's optimum.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { LinearModel } from '../lp/linear-model.ts';
import type { CoverageState, Placed } from '../search/coverage-state.ts';
import { addPlacementColumns, CoverageRows, placementsFromCounts, type PlacementColumns } from './placement-columns.ts';

interface Cell {
  placed: Placed[];
  columns?: PlacementColumns;
}

export function placeDayExactly(cov: CoverageState, backend: LpBackend, plan: (Placed | null)[][], d: number, timeLimitMs: number, shouldStop?: () => boolean): number {
  const holder = new Map<Placed, (Placed | null)[]>();
  const cells = new Map<string, Cell>();
  for (const line of plan) {
    const placed = line[d];
    if (!placed) continue;
    holder.set(placed, line);
    const key = `${placed.option.id}:${placed.q}`;
    (cells.get(key) ?? cells.set(key, { placed: [] }).get(key)!).placed.push(placed);
  }
  if (holder.size === 0) return 0;
  const lp = new LinearModel();
  const rows = new CoverageRows();
  for (const cell of cells.values()) {
    const { option, q } = cell.placed[0];
    cell.columns = addPlacementColumns(lp, rows, cov.beta, option, q, cell.placed.length);
    lp.addRow(cell.columns.n, cell.columns.n.map(() => 1), cell.placed.length, cell.placed.length);
  }
  const before = rows.cost(cov);
  const old = [...cells.values()].map((cell) => [...cell.placed]);
  for (const cell of cells.values()) for (const p of cell.placed) cov.apply(p, -1);
  rows.addCostRows(lp, cov);
  const sol = backend.solve(lp, { timeLimitMs, absGap: 1e-6, relGap: 1e-6, shouldStop });
  if (sol.status === 'optimal' || sol.status === 'feasible') {
    // Hand the counts to the people holding the shifts; rounding leftovers keep their placement.
    for (const cell of cells.values()) {
      const next = placementsFromCounts(cell.columns!, sol.values).slice(0, cell.placed.length);
      cell.placed = [...next, ...cell.placed.slice(next.length)];
    }
  }
  for (const cell of cells.values()) for (const p of cell.placed) cov.apply(p, 1);
  const after = rows.cost(cov);
  const cellList = [...cells.values()];
  if (after > before + 1e-9) {
    // Not better (a time limit cut the search short): keep the day as it was.
    for (const cell of cellList) for (const p of cell.placed) cov.apply(p, -1);
    old.forEach((list) => list.forEach((p) => cov.apply(p, 1)));
    return 0;
  }
  old.forEach((list, c) => list.forEach((p, j) => (holder.get(p)![d] = cellList[c].placed[j])));
  return after - before;
}
