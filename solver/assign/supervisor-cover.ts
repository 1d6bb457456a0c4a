/**
 * Duty supervisors' month (R11: a supervisor rostered for every open minute), as a small MIP on HiGHS:
 * z[s,d,o] = supervisor s works option o on day d. Each day's open time is cut into elementary segments at
 * every option start and end; each segment needs Σ z over the options covering it ≥ 1. Each supervisor: one
 * shift a day (H1), contract days (C3), runs (C2 windows of maxConsecutive + 1 days), rest (C1: conflicting
 * option pairs on consecutive days exclude each other, and against the previous month's last shift).
 * Every requirement carries a slack priced far above anything else, so the model is always feasible and the
 * slack shows exactly what cannot be covered. Supervisors do not count in queue coverage.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { LinearModel } from '../lp/linear-model.ts';
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { Placed } from '../search/coverage-state.ts';

const SLACK = 1000;

export function coverSupervisors(m: SolverModel, backend: LpBackend, timeLimitMs: number, shouldStop?: () => boolean): Map<Person, (Placed | null)[]> {
  const lp = new LinearModel();
  const days = m.horizon.dates.length;
  const z: Array<{ s: Person; d: number; o: ShiftOption; col: number }> = [];
  const zOf = new Map<string, number>();
  for (const s of m.supervisors) {
    for (let d = 0; d < days; d++) {
      if (!s.free[d]) continue;
      for (const o of m.optionsByDay[d]) {
        if (!s.templates[o.template]) continue;
        if (d === 0 && s.previousEndMs !== undefined && o.startMs - s.previousEndMs < s.minRestMs) continue;
        const col = lp.addVar(0, 1, 0, true);
        z.push({ s, d, o, col });
        zOf.set(`${s.index}:${o.id}`, col);
      }
    }
  }
  const pinnedCover = m.supervisors.flatMap((s) => s.pinned.filter((a) => a).map((a) => ({ from: Date.parse(a!.start), to: Date.parse(a!.end) })));
  // R11 segments.
  for (let d = 0; d < days; d++) {
    for (const span of m.open[d]) {
      const cuts = new Set([span.fromMs, span.toMs]);
      const near = [...(m.optionsByDay[d - 1] ?? []), ...m.optionsByDay[d]];
      for (const o of near) for (const t of [o.startMs, o.endMs]) if (t > span.fromMs && t < span.toMs) cuts.add(t);
      const points = [...cuts].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const [a, b] = [points[k], points[k + 1]];
        if (pinnedCover.some((c) => c.from <= a && c.to >= b)) continue;
        const cols = z.filter((v) => (v.d === d || v.d === d - 1) && v.o.startMs <= a && v.o.endMs >= b).map((v) => v.col);
        const slack = lp.addVar(0, 1, SLACK * ((b - a) / 3_600_000) + SLACK);
        lp.addRow([...cols, slack], [...cols.map(() => 1), 1], 1, Infinity);
      }
    }
  }
  for (const s of m.supervisors) {
    const mine = z.filter((v) => v.s === s);
    const pinnedWork = s.pinned.filter((a) => a).length;
    for (let d = 0; d < days; d++) {
      const cols = mine.filter((v) => v.d === d).map((v) => v.col);
      if (cols.length > 1) lp.addRow(cols, cols.map(() => 1), 0, 1);
    }
    const all = mine.map((v) => v.col);
    const short = lp.addVar(0, Infinity, SLACK);
    const over = lp.addVar(0, Infinity, SLACK);
    lp.addRow([...all, short, over], [...all.map(() => 1), 1, -1], s.minDays - pinnedWork, s.maxDays - pinnedWork);
    const k = s.maxConsecutive;
    for (let from = -k; from + k < days; from++) {
      let fixed = 0;
      const cols: number[] = [];
      for (let d = from; d <= from + k; d++) {
        if (d < 0) fixed += s.previousRun >= -d ? 1 : 0;
        else if (s.pinned[d]) fixed++;
        else cols.push(...mine.filter((v) => v.d === d).map((v) => v.col));
      }
      if (cols.length + fixed <= k) continue;
      const excess = lp.addVar(0, Infinity, SLACK);
      lp.addRow([...cols, excess], [...cols.map(() => 1), -1], -Infinity, k - fixed);
    }
    for (let d = 1; d < days; d++) {
      for (const next of m.optionsByDay[d]) {
        const nextCol = zOf.get(`${s.index}:${next.id}`);
        if (nextCol === undefined) continue;
        const prev = m.optionsByDay[d - 1].filter((o) => next.startMs - o.endMs < s.minRestMs).map((o) => zOf.get(`${s.index}:${o.id}`)).filter((c): c is number => c !== undefined);
        if (prev.length > 0) lp.addRow([...prev, nextCol], [...prev.map(() => 1), 1], -Infinity, 1);
      }
    }
  }
  const out = new Map<Person, (Placed | null)[]>(m.supervisors.map((s) => [s, Array<Placed | null>(days).fill(null)]));
  if (z.length === 0) return out;
  const sol = backend.solve(lp, { timeLimitMs, relGap: 0.01, shouldStop });
  if (sol.status !== 'optimal' && sol.status !== 'feasible') return out;
  const mealTurn = new Map<number, number>();
  for (const v of z) {
    if (sol.values[v.col] < 0.5) continue;
    const turn = mealTurn.get(v.o.id) ?? 0;
    mealTurn.set(v.o.id, turn + 1);
    const meal = turn % v.o.meals.length;
    out.get(v.s)![v.d] = { option: v.o, q: v.s.queues[0], meal, slots: v.o.meals[meal].blocks.map((block, b) => Math.max(0, Math.min(block.length - 1, (b + turn) % 2))) };
  }
  return out;
}
