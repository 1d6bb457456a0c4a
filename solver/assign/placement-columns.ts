/**
 * The meal and break part of a day MIP, shared by the exact placement (placement-mip.ts) and the day re-design
 * (search/day-redesign.ts): for the shifts of one option on one queue, integer n[k] = how many take the meal at
 * position k, y[k][b][s] = how many of those take hour b's break in slot s (the rest in slot 0); each touches
 * the coverage rows (on the phones − meals − breaks/6), which carry the roster's cost of being short or over
 * (R3 peak-weighted, Q1). Shifts of the same option are interchangeable for every rule, so the counts are
 * handed back as placements in turn.
 */
import type { LinearModel } from '../lp/linear-model.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { CoverageState, Placed } from '../search/coverage-state.ts';

export interface PlacementColumns {
  option: ShiftOption;
  q: number;
  /** Column per meal position. */
  n: number[];
  /** Per meal position, per break block: the column of each slot after the first (undefined: same interval). */
  y: Array<Array<Array<number | undefined>>>;
}

/** Coverage rows of a day MIP: the columns touching each (queue, interval), then one cost row each. */
export class CoverageRows {
  private readonly rows = new Map<string, { q: number; i: number; idx: number[]; val: number[] }>();

  touch(q: number, i: number, col: number, v: number): void {
    if (i < 0) return;
    const key = `${q}:${i}`;
    const r = this.rows.get(key) ?? this.rows.set(key, { q, i, idx: [], val: [] }).get(key)!;
    r.idx.push(col);
    r.val.push(v);
  }

  /** The cost of the touched intervals as the coverage stands. */
  cost(cov: CoverageState): number {
    let s = 0;
    for (const { q, i } of this.rows.values()) s += cov.costAt(q, i, cov.cov[q][i]);
    return s;
  }

  /**
   * One row per touched interval with a requirement: Σ columns + short − over = required − coverage now (the
   * modelled shifts out of `cov`), short and over priced like the roster. With `start`, their start values too.
   */
  addCostRows(lp: LinearModel, cov: CoverageState, start?: number[]): void {
    for (const { q, i, idx, val } of this.rows.values()) {
      const req = cov.req[q][i];
      if (Number.isNaN(req)) continue;
      const rhs = req - cov.cov[q][i];
      const now = start ? idx.reduce((s, col, j) => s + start[col] * val[j], 0) : 0;
      const u = lp.addVar(0, Infinity, cov.h * cov.wUnder[q][i]);
      const v = lp.addVar(0, Infinity, cov.h * cov.wOver);
      if (start) {
        start[u] = Math.max(0, rhs - now);
        start[v] = Math.max(0, now - rhs);
      }
      lp.addRow([...idx, u, v], [...val, 1, -1], rhs, rhs);
    }
  }
}

/**
 * Meal and break columns for up to `upper` shifts of `option` on queue q, Σ n = the shifts' count left to the
 * caller. With `start`, the start values are those of the `current` placements.
 */
export function addPlacementColumns(
  lp: LinearModel, rows: CoverageRows, beta: number, option: ShiftOption, q: number, upper: number, current: readonly Placed[] = [], start?: number[],
): PlacementColumns {
  const col = (value: number) => {
    const c = lp.addVar(0, upper, 0, true);
    if (start) start[c] = value;
    return c;
  };
  const y: PlacementColumns['y'] = [];
  const n = option.meals.map((meal, m) => {
    const onMeal = current.filter((p) => p.meal === m);
    const nCol = col(onMeal.length);
    meal.idx.forEach((i, j) => rows.touch(q, i, nCol, meal.frac[j]));
    y[m] = meal.blocks.map((block, b) => {
      if (block.length === 0) return [];
      rows.touch(q, block[0].idx, nCol, -beta);
      const ys = block.map((slot, s) => {
        if (s === 0 || slot.idx === block[0].idx) return undefined;
        const yCol = col(onMeal.filter((p) => p.slots[b] === s).length);
        rows.touch(q, block[0].idx, yCol, beta);
        rows.touch(q, slot.idx, yCol, -beta);
        return yCol;
      });
      const cols = ys.filter((c): c is number => c !== undefined);
      if (cols.length > 0) lp.addRow([...cols, nCol], [...cols.map(() => 1), -1], -Infinity, 0);
      return ys;
    });
    return nCol;
  });
  return { option, q, n, y };
}

/** The placements the solved counts describe, meal position by meal position. */
export function placementsFromCounts(c: PlacementColumns, values: Float64Array): Placed[] {
  const out: Placed[] = [];
  c.n.forEach((nCol, m) => {
    const slotsLeft = c.y[m].map((ys) => ys.map((col) => (col === undefined ? 0 : Math.round(values[col]))));
    for (let a = 0; a < Math.round(values[nCol]); a++) {
      const slots = slotsLeft.map((left) => {
        const s = left.findIndex((x, j) => j > 0 && x > 0);
        if (s < 0) return 0;
        left[s]--;
        return s;
      });
      out.push({ option: c.option, q: c.q, meal: m, slots });
    }
  });
  return out;
}
