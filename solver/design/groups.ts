/**
 * Interchangeable phone staff: people with the same queues, templates, run limit and rest form a group. The
 * shift-design models count shifts per group (not per person), which keeps them small whatever the head
 * count; the group's bounds are sums of its members' (per day: members free; per month: Σ day bounds; per
 * window of maxConsecutive + 1 days: Σ of what each member can still work in it, C2).
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';

export interface StaffGroup {
  index: number;
  members: Person[];
  queues: number[];
  templates: boolean[];
  maxConsecutive: number;
  minRestMs: number;
  /** Members free per day. */
  free: number[];
  /** Σ members' remaining min / max days (pinned days already worked taken off). */
  minTotal: number;
  maxTotal: number;
  /** Windows of maxConsecutive + 1 consecutive days: first day (may be < 0) and the cap on shifts in it. */
  windows: Array<{ from: number; to: number; cap: number }>;
}

export function pinnedWorkDays(p: Person): number {
  return p.pinned.filter((a) => a).length;
}

/** Max days a person can still be given (contract max, free days). */
export function remainingBounds(p: Person): { min: number; max: number } {
  const pinnedWork = pinnedWorkDays(p);
  const free = p.free.filter(Boolean).length;
  const max = Math.max(0, Math.min(p.maxDays - pinnedWork, free));
  return { min: Math.min(Math.max(0, p.minDays - pinnedWork), max), max };
}

export function buildGroups(model: SolverModel): StaffGroup[] {
  const byKey = new Map<string, Person[]>();
  for (const p of model.phone) {
    const key = JSON.stringify([[...p.queues].sort(), p.templates, p.maxConsecutive, p.minRestMs]);
    const list = byKey.get(key) ?? [];
    list.push(p);
    byKey.set(key, list);
  }
  const days = model.horizon.dates.length;
  return [...byKey.values()].map((members, index) => {
    const first = members[0];
    const k = first.maxConsecutive;
    const windows: StaffGroup['windows'] = [];
    for (let from = -k; from + k < days; from++) {
      const to = from + k;
      if (to < 0) continue;
      let cap = 0;
      let openSum = 0;
      for (const p of members) {
        let fixed = 0;
        let open = 0;
        for (let d = from; d <= to; d++) {
          if (d < 0) fixed += p.previousRun >= -d ? 1 : 0;
          else if (p.pinned[d]) fixed++;
          else if (p.free[d]) open++;
        }
        cap += Math.max(0, Math.min(open, k - fixed));
        openSum += open;
      }
      if (cap < openSum) windows.push({ from: Math.max(0, from), to, cap });
    }
    const bounds = members.map(remainingBounds);
    return {
      index,
      members,
      queues: [...first.queues],
      templates: first.templates,
      maxConsecutive: k,
      minRestMs: first.minRestMs,
      free: Array.from({ length: days }, (_, d) => members.filter((p) => p.free[d]).length),
      minTotal: bounds.reduce((s, b) => s + b.min, 0),
      maxTotal: bounds.reduce((s, b) => s + b.max, 0),
      windows,
    };
  });
}
