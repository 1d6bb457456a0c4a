/**
 * Windows worth a voluntary-time-off offer (issue 26): the mirror of gap windows. A run of back-to-back
 * intervals in which the agents scheduled exceed the agents the reforecast requires by at least `threshold`
 * (default 1 agent) in every interval, lasting at least `minMinutes` (default 60). Each window may let
 * floor(smallest surplus) agents go: the worst interval of the run still keeps its requirement (R3).
 *
 * Only intervals that have not started count: an offer expires at its window's start, so time already under
 * way cannot be offered.
 */
import { runsOf } from './gap-windows.ts';

/** The surplus (agents) from which an interval counts, and the shortest window offered (issue 26: "an hour"). */
export const VTO_SURPLUS_AGENTS = 1;
export const VTO_MIN_MINUTES = 60;

export interface SurplusWindow {
  queue: string;
  /** ISO-8601 with offset. */
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
  minutes: number;
  /** Agents who may go: floor of the smallest surplus in the window. */
  agents: number;
  minSurplus: number;
  /** Agent-hours over the requirement across the window. */
  agentHoursOver: number;
}

export interface SurplusInterval {
  start: string;
  startMs: number;
  /** reforecast required − scheduled, as the intraday view gives it: negative = agents over the need. */
  gap: number;
}

export interface SurplusOptions {
  threshold?: number;
  minMinutes?: number;
}

const EPS = 1e-9;

export function surplusWindows(
  queue: string, intervals: readonly SurplusInterval[], intervalMinutes: number, asOfMs: number, render: (ms: number) => string, options: SurplusOptions = {},
): SurplusWindow[] {
  const threshold = options.threshold ?? VTO_SURPLUS_AGENTS;
  const minMinutes = options.minMinutes ?? VTO_MIN_MINUTES;
  const step = intervalMinutes * 60_000;
  const ahead = intervals.filter((x) => x.startMs > asOfMs);
  const out: SurplusWindow[] = [];
  for (const [i, j] of runsOf(ahead, intervalMinutes, (x) => -x.gap >= threshold - EPS)) {
    const run = ahead.slice(i, j);
    const minutes = (j - i) * intervalMinutes;
    if (minutes < minMinutes) continue;
    const minSurplus = Math.min(...run.map((x) => -x.gap));
    const toMs = ahead[j - 1].startMs + step;
    out.push({
      queue, from: ahead[i].start, to: render(toMs), fromMs: ahead[i].startMs, toMs, minutes,
      agents: Math.floor(minSurplus + EPS), minSurplus: Math.round(minSurplus * 100) / 100,
      agentHoursOver: Math.round(run.reduce((s, x) => s - x.gap * (intervalMinutes / 60), 0) * 100) / 100,
    });
  }
  return out;
}
