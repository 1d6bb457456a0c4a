/**
 * The last stage of the search: the days still short of agents are re-designed by MIP (day-redesign.ts), the
 * worst first, each until its MIP finds nothing better (a day is tried again once a neighbouring day changed,
 * since rest rules tie them). Measured on the 200-agent benchmark (55 s, seeds 1–6, the last 20% of the
 * search time, 1.5 s per MIP): 0.17–1.58 understaffed agent-hours, median 0.79, against a median of 1.5 with
 * the local search alone.
 */
import type { LpBackend } from '../lp/linear-model.ts';
import { redesignDay } from './day-redesign.ts';
import type { SearchState } from './search-state.ts';

export interface RedesignLimits {
  /** performance.now() deadline. */
  until: number;
  /** Time limit of one day's MIP. */
  mipMs: number;
  shouldStop: () => boolean;
  onTick?: () => void;
  /** At most this many day MIPs (a work bound; default: until the time is up). */
  maxMips?: number;
}

/** Understaffing cost per short day, worst first. */
function shortDays(state: SearchState): number[] {
  const { cov } = state;
  const dayOf = state.model.horizon.dayOf;
  const cost = new Map<number, number>();
  cov.cov.forEach((c, q) => {
    for (let i = 0; i < c.length; i++) if (c[i] < cov.req[q][i] - 1e-9) cost.set(dayOf[i], (cost.get(dayOf[i]) ?? 0) + cov.costAt(q, i, c[i]));
  });
  return [...cost].sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

/** Re-designs short days until none is left to try or the time is up; returns { kept, objective change }. */
export function redesignShortDays(state: SearchState, backend: LpBackend, limits: RedesignLimits): { kept: number; delta: number } {
  const done = new Set<number>();
  let kept = 0;
  let delta = 0;
  for (let tried = 0; ; tried++) {
    const d = shortDays(state).find((x) => !done.has(x));
    const left = limits.until - performance.now();
    if (d === undefined || left < 200 || limits.shouldStop() || tried >= (limits.maxMips ?? Infinity)) return { kept, delta };
    const gain = redesignDay(state, backend, d, Math.min(limits.mipMs, left), limits.shouldStop);
    limits.onTick?.();
    if (gain < 0) {
      kept++;
      delta += gain;
      done.delete(d - 1);
      done.delete(d + 1);
    } else done.add(d);
  }
}
