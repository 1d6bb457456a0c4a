/**
 * Re-design of one short day by MIP: the people working the day stay at work, but the option and queue each
 * works and where every meal and hourly break falls are chosen again together (the multi-person move a local
 * search cannot make one person at a time). People with the same permitted cells (option, queue) form a class;
 * integer z[class, cell] count them; meals and breaks are the counts of placement-mip.ts. Kept only if the
 * whole objective (coverage, lines, team terms) goes down.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { LinearModel } from '../lp/linear-model.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { LineCost } from './line-cost.ts';
import type { Placed } from './coverage-state.ts';
import type { SearchState } from './search-state.ts';

const CHANGE_COST = 1e-3;

interface Cell {
  option: ShiftOption;
  q: number;
  n: number[];
  y: Array<Array<Array<number | undefined>>>;
}

const cellKey = (p: { option: ShiftOption; q: number }) => `${p.option.id}:${p.q}`;

export function redesignDay(state: SearchState, backend: LpBackend, d: number, timeLimitMs: number, shouldStop?: () => boolean): number {
  const { cov, people } = state;
  const workers: number[] = [];
  for (let k = 0; k < people.length; k++) if (!state.swapOnly[k] && people[k].free[d] && state.plan[people[k].index][d]) workers.push(k);
  if (workers.length === 0) return 0;
  const before = new Map(workers.map((k) => [k, state.plan[people[k].index][d]!]));
  const classes = new Map<string, { members: number[]; cells: string[] }>();
  const classOf = new Map<number, string>();
  const cells = new Map<string, Cell>();
  for (const k of workers) {
    const current = before.get(k)!;
    const permitted: string[] = [];
    for (const c of state.choices(k, d)) {
      const key = cellKey(c);
      if (key !== cellKey(current) && state.lineWith(k, [[d, { option: c.option, q: c.q, meal: 0, slots: [] }]]).hard > state.lines[k].hard) continue;
      permitted.push(key);
      if (!cells.has(key)) cells.set(key, { option: c.option, q: c.q, n: [], y: [] });
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
  const rows = new Map<string, { idx: number[]; val: number[] }>();
  const touch = (q: number, i: number, col: number, v: number) => {
    if (i < 0) return;
    const r = rows.get(`${q}:${i}`) ?? rows.set(`${q}:${i}`, { idx: [], val: [] }).get(`${q}:${i}`)!;
    r.idx.push(col);
    r.val.push(v);
  };
  for (const [key, cell] of cells) {
    const here = current.get(key) ?? [];
    cell.n = cell.option.meals.map((meal, m) => {
      const onMeal = here.filter((p) => p.meal === m);
      const n = addVar(workers.length, 0, true, onMeal.length);
      meal.idx.forEach((i, j) => touch(cell.q, i, n, meal.frac[j]));
      cell.y[m] = meal.blocks.map((block, b) => {
        if (block.length === 0) return [];
        touch(cell.q, block[0].idx, n, -cov.beta);
        const ys = block.map((slot, s) => {
          if (s === 0 || slot.idx === block[0].idx) return undefined;
          const y = addVar(workers.length, 0, true, onMeal.filter((p) => p.slots[b] === s).length);
          touch(cell.q, block[0].idx, y, cov.beta);
          touch(cell.q, slot.idx, y, -cov.beta);
          return y;
        });
        const cols = ys.filter((c): c is number => c !== undefined);
        if (cols.length > 0) lp.addRow([...cols, n], [...cols.map(() => 1), -1], -Infinity, 0);
        return ys;
      });
      return n;
    });
    const xs = xTerms.get(key)!;
    lp.addRow([...cell.n, ...xs], [...cell.n.map(() => 1), ...xs.map(() => -1)], 0, 0);
  }
  const costOfRows = () => {
    let s = 0;
    for (const key of rows.keys()) {
      const [q, i] = key.split(':').map(Number);
      s += cov.costAt(q, i, cov.cov[q][i]);
    }
    return s;
  };
  const oldCost = costOfRows();
  for (const p of before.values()) cov.apply(p, -1);
  for (const [key, r] of rows) {
    const [q, i] = key.split(':').map(Number);
    if (Number.isNaN(cov.req[q][i])) continue;
    const rhs = cov.req[q][i] - cov.cov[q][i];
    const now = r.idx.reduce((s, col, j) => s + start[col] * r.val[j], 0);
    const u = addVar(Infinity, cov.h * cov.wUnder[q][i], false, Math.max(0, rhs - now));
    const v = addVar(Infinity, cov.h * cov.wOver, false, Math.max(0, now - rhs));
    lp.addRow([...r.idx, u, v], [...r.val, 1, -1], rhs, rhs);
  }
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
  const pool = new Map<string, Placed[]>();
  for (const [key, cell] of cells) {
    const list: Placed[] = [];
    cell.n.forEach((nCol, m) => {
      const slotsLeft = cell.y[m].map((ys) => ys.map((c) => (c === undefined ? 0 : Math.round(sol.values[c]))));
      for (let a = 0; a < Math.round(sol.values[nCol]); a++) {
        const slots = slotsLeft.map((l) => {
          const s = l.findIndex((x, j) => j > 0 && x > 0);
          if (s < 0) return 0;
          l[s]--;
          return s;
        });
        list.push({ option: cell.option, q: cell.q, meal: m, slots });
      }
    });
    pool.set(key, list);
  }
  const after = new Map<number, Placed>();
  for (const k of workers) {
    const cell = cells.get(cellOf.get(k)!)!;
    after.set(k, pool.get(cellOf.get(k)!)!.shift() ?? cov.bestPlacement(cell.option, cell.q).placed);
  }
  for (const p of before.values()) cov.apply(p, -1);
  for (const p of after.values()) cov.apply(p, 1);
  let delta = costOfRows() - oldCost;
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
