/**
 * Exact meal and break placement for one day's shifts (R7, R8, R9), a small MIP on HiGHS: the day's shifts are
 * given (how many of each option and queue); integer n[o,q,k] = how many of them take the meal at position k,
 * integer y[o,q,k,b,s] = how many of those take hour b's break in slot s (the rest in slot 0); coverage of each
 * interval touched = Σ on the phones − meals − breaks/6, costed like the roster (R3 peak-weighted, Q1). Since
 * shifts of the same option are interchangeable for every rule, the counts are then handed to the named
 * people in turn. Coordinate descent (placement.ts) reaches local optima only; this is the day's optimum.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { LinearModel } from '../lp/linear-model.ts';
import type { CoverageState, Placed } from '../search/coverage-state.ts';

interface Cell {
  placed: Placed[];
  n: number[];
  /** Per meal choice, per block: the y columns for slots 1.. (undefined where the slot repeats slot 0). */
  y: Array<Array<Array<number | undefined>>>;
}

export function placeDayExactly(cov: CoverageState, backend: LpBackend, plan: (Placed | null)[][], d: number, timeLimitMs: number, shouldStop?: () => boolean): number {
  const holder = new Map<Placed, (Placed | null)[]>();
  const cells = new Map<string, Cell>();
  for (const line of plan) {
    const placed = line[d];
    if (!placed) continue;
    holder.set(placed, line);
    const key = `${placed.option.id}:${placed.q}`;
    (cells.get(key) ?? cells.set(key, { placed: [], n: [], y: [] }).get(key)!).placed.push(placed);
  }
  if (holder.size === 0) return 0;
  const touched = new Map<string, { q: number; i: number }>();
  let before = 0;
  for (const cell of cells.values()) {
    const { option, q } = cell.placed[0];
    for (const meal of option.meals) {
      for (const i of [...meal.idx, ...meal.blocks.flat().map((s) => s.idx)]) if (i >= 0) touched.set(`${q}:${i}`, { q, i });
    }
  }
  const old = [...cells.values()].map((cell) => [...cell.placed]);
  for (const { q, i } of touched.values()) before += cov.costAt(q, i, cov.cov[q][i]);
  for (const cell of cells.values()) for (const p of cell.placed) cov.apply(p, -1);

  const lp = new LinearModel();
  const rows = new Map<string, { idx: number[]; val: number[] }>();
  const touch = (q: number, i: number, col: number, v: number) => {
    if (i < 0) return;
    const key = `${q}:${i}`;
    const r = rows.get(key) ?? rows.set(key, { idx: [], val: [] }).get(key)!;
    r.idx.push(col);
    r.val.push(v);
  };
  for (const cell of cells.values()) {
    const { option, q } = cell.placed[0];
    cell.n = option.meals.map((meal, k) => {
      const n = lp.addVar(0, cell.placed.length, 0, true);
      meal.idx.forEach((i, j) => touch(q, i, n, meal.frac[j]));
      cell.y[k] = meal.blocks.map((block) => {
        if (block.length === 0) return [];
        touch(q, block[0].idx, n, -cov.beta);
        const ys = block.map((slot, s) => {
          if (s === 0 || slot.idx === block[0].idx) return undefined;
          const y = lp.addVar(0, cell.placed.length, 0, true);
          touch(q, block[0].idx, y, cov.beta);
          touch(q, slot.idx, y, -cov.beta);
          return y;
        });
        const cols = ys.filter((c): c is number => c !== undefined);
        if (cols.length > 0) lp.addRow([...cols, n], [...cols.map(() => 1), -1], -Infinity, 0);
        return ys;
      });
      return n;
    });
    lp.addRow(cell.n, cell.n.map(() => 1), cell.placed.length, cell.placed.length);
  }
  for (const [key, r] of rows) {
    const [q, i] = key.split(':').map(Number);
    const req = cov.req[q][i];
    if (Number.isNaN(req)) continue;
    const rhs = req - cov.cov[q][i];
    const u = lp.addVar(0, Infinity, cov.h * cov.wUnder[q][i]);
    const v = lp.addVar(0, Infinity, cov.h * cov.wOver);
    lp.addRow([...r.idx, u, v], [...r.val, 1, -1], rhs, rhs);
  }
  const sol = backend.solve(lp, { timeLimitMs, absGap: 1e-6, relGap: 1e-6, shouldStop });
  const ok = sol.status === 'optimal' || sol.status === 'feasible';
  if (ok) {
    // Hand the counts to the people holding the shifts.
    for (const cell of cells.values()) {
      const queue = [...cell.placed];
      const next: Placed[] = [];
      cell.n.forEach((nCol, k) => {
        const count = Math.round(sol.values[nCol]);
        const slotsLeft = cell.y[k].map((ys) => ys.map((c) => (c === undefined ? 0 : Math.round(sol.values[c]))));
        for (let a = 0; a < count && queue.length > 0; a++) {
          const p = queue.shift()!;
          const slots = slotsLeft.map((left) => {
            const s = left.findIndex((x, j) => j > 0 && x > 0);
            if (s < 0) return 0;
            left[s]--;
            return s;
          });
          next.push({ option: p.option, q: p.q, meal: k, slots });
        }
      });
      for (const p of queue) next.push(p); // rounding leftovers keep their placement
      cell.placed = next;
    }
  }
  for (const cell of cells.values()) for (const p of cell.placed) cov.apply(p, 1);
  let after = 0;
  for (const { q, i } of touched.values()) after += cov.costAt(q, i, cov.cov[q][i]);
  const cellList = [...cells.values()];
  if (after > before + 1e-9) {
    // Not better (a time limit cut the search short): keep the day as it was.
    for (const cell of cellList) for (const p of cell.placed) cov.apply(p, -1);
    old.forEach((list, c) => list.forEach((p) => cov.apply(p, 1)));
    return 0;
  }
  old.forEach((list, c) => list.forEach((p, j) => (holder.get(p)![d] = cellList[c].placed[j])));
  return after - before;
}
