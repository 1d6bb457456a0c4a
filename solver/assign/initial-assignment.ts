/**
 * Named assignment of the month's shift design, day by day (a constructive heuristic; the local search then
 * repairs and improves it). Each day, for each staff group: (1) the people who work are the free members with
 * the most urgent need of days — behind their share of the group's planned shifts relative to the free days
 * left, or unable to reach their contract minimum otherwise — skipping anyone at their maximum days or
 * consecutive days (C2, C3); (2) the day's shifts go to them scarcest shift first (the one the fewest of
 * them can take without breaking their rest, C1), each to the person who keeps their start time of the week
 * (Q5) and has had the fewest late shifts (Q3); (3) each shift gets the meal and break slots that fit the
 * coverage best at that moment. Without a design (the LP did not finish in time) each group works its share of
 * days and every worker takes the option that helps the coverage most at that moment.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import { countKey } from '../design/month-plan.ts';
import type { StaffGroup } from '../design/groups.ts';
import { remainingBounds } from '../design/groups.ts';
import type { CoverageState, Placed } from '../search/coverage-state.ts';
import { isLateEnd } from '../rules/shift-facts.ts';
import { improveDayPlacement } from './placement.ts';

export type Plan = (Placed | null)[][];

interface Track {
  worked: number;
  run: number;
  lastEnd?: number;
  weekStart?: number;
  lates: number;
  share: number;
}

export function assignNamed(model: SolverModel, groups: StaffGroup[], counts: Map<string, number>, cov: CoverageState): Plan {
  const days = model.horizon.dates.length;
  const plan: Plan = model.people.map(() => Array<Placed | null>(days).fill(null));
  const track = new Map<Person, Track>();
  for (const g of groups) {
    const planned = [...counts].filter(([k]) => k.startsWith(`${g.index}:`)).reduce((s, [, v]) => s + v, 0);
    const freeTotal = g.members.reduce((s, p) => s + p.free.filter(Boolean).length, 0) || 1;
    for (const p of g.members) {
      const b = remainingBounds(p);
      const share = Math.min(b.max, Math.max(b.min, (planned * p.free.filter(Boolean).length) / freeTotal));
      const target = share + p.pinned.filter((a) => a).length;
      track.set(p, { worked: 0, run: p.previousRun, lastEnd: p.previousEndMs, lates: 0, share: target });
    }
  }
  const lateOf = new Map<number, boolean>(model.options.map((o) => [o.id, isLateEnd(model.horizon.zone, o.startMs, o.endMs)]));
  // Days the design covers (a day whose design could not be made falls back to the share-based greedy).
  const designedDays = new Set<number>();
  for (const key of counts.keys()) designedDays.add(model.options[Number(key.split(':')[1])].day);

  for (let d = 0; d < days; d++) {
    if (model.horizon.weekdays[d] === 1) for (const t of track.values()) t.weekStart = undefined;
    const designed = designedDays.has(d);
    for (const g of groups) {
      const slots: Array<{ option: ShiftOption; q: number }> = [];
      for (const option of model.optionsByDay[d]) {
        for (const q of g.queues) {
          const n = counts.get(countKey(g.index, option.id, q)) ?? 0;
          for (let k = 0; k < n; k++) slots.push({ option, q });
        }
      }
      if (!designed) {
        // Each free member works their share of the remaining free days.
        const expected = g.members.reduce((sum, p) => {
          const t = track.get(p)!;
          const left = p.free.slice(d).filter(Boolean).length;
          return sum + (p.free[d] && left > 0 ? Math.max(0, t.share - t.worked - p.pinned.slice(d).filter((a) => a).length) / left : 0);
        }, 0);
        const choices = model.optionsByDay[d].filter((o) => g.templates[o.template]);
        for (let k = Math.round(expected); k > 0 && choices.length > 0; k--) slots.push({ option: choices[0], q: g.queues[0] });
      }
      const freeLeft = (p: Person) => p.free.slice(d + 1).filter(Boolean).length;
      const candidates = g.members
        .filter((p) => p.free[d])
        .map((p) => {
          const t = track.get(p)!;
          const b = remainingBounds(p);
          const pinnedLeft = p.pinned.slice(d + 1).filter((a) => a).length;
          const left = freeLeft(p);
          const must = p.minDays - t.worked - pinnedLeft > left;
          const can = t.worked < p.maxDays && t.run < p.maxConsecutive;
          const urgency = (t.share + pinnedLeft - t.worked) / (left + 1) - (0.05 * t.run) / p.maxConsecutive;
          return { p, t, can, priority: (must ? 10 : 0) + urgency + (b.max === 0 ? -100 : 0) };
        })
        .filter((c) => c.can)
        .sort((a, b) => b.priority - a.priority);
      const restOk = (c: (typeof candidates)[number], o: ShiftOption) => c.t.lastEnd === undefined || o.startMs - c.t.lastEnd >= c.p.minRestMs;
      const working = candidates.slice(0, slots.length);
      const reserve = candidates.slice(slots.length);
      const taken = new Set<Person>();
      const byScarcity = [...slots].sort(
        (a, b) => working.filter((c) => restOk(c, a.option)).length - working.filter((c) => restOk(c, b.option)).length,
      );
      for (const slot of byScarcity) {
        const late = lateOf.get(slot.option.id)!;
        const pick = (pool: typeof candidates) => {
          let best: (typeof candidates)[number] | undefined;
          let bestScore = -Infinity;
          for (const c of pool) {
            if (taken.has(c.p) || !restOk(c, slot.option)) continue;
            let score = c.priority;
            if (c.t.weekStart !== undefined && !slot.option.floating) score -= Math.abs(c.t.weekStart - slot.option.startClock) / 600;
            if (late) score -= c.t.lates / 20;
            if (score > bestScore) {
              bestScore = score;
              best = c;
            }
          }
          return best;
        };
        const c = pick(working) ?? pick(reserve);
        if (!c) continue;
        taken.add(c.p);
        const placed = designed ? cov.bestPlacement(slot.option, slot.q).placed : bestOption(model, cov, g, d, (o) => restOk(c, o));
        if (!placed) continue;
        cov.apply(placed, 1);
        plan[c.p.index][d] = placed;
        if (lateOf.get(placed.option.id)) c.t.lates++;
        if (!placed.option.floating) c.t.weekStart = placed.option.startClock;
      }
      for (const p of g.members) {
        const t = track.get(p)!;
        const placed = plan[p.index][d];
        const pinned = p.pinned[d];
        if (placed || pinned) {
          t.worked++;
          t.run++;
          t.lastEnd = placed ? placed.option.endMs : Date.parse(pinned!.end);
        } else t.run = 0;
      }
    }
    improveDayPlacement(cov, plan, d, 2);
  }
  return plan;
}

/** The option and queue (of the group's) whose shift helps the coverage most now. */
function bestOption(model: SolverModel, cov: CoverageState, g: StaffGroup, d: number, allowed: (o: ShiftOption) => boolean): Placed | undefined {
  let best: { placed: Placed; delta: number } | undefined;
  for (const option of model.optionsByDay[d]) {
    if (!g.templates[option.template] || !allowed(option)) continue;
    for (const q of g.queues) {
      const b = cov.bestPlacement(option, q);
      if (!best || b.delta < best.delta) best = b;
    }
  }
  return best?.placed;
}
