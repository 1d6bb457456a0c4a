/**
 * Windows worth an overtime callout: runs of consecutive intervals whose gap (agents required − scheduled) is at
 * least a threshold. Each window asks for ceil(peak gap) people, so the worst interval of the run is covered.
 * Surplus windows (surplus-windows.ts) are the mirror image and find their runs with the same `runsOf`.
 */

export interface GapWindow {
  queue: string;
  /** ISO-8601 with offset. */
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
  /** People to call in: ceil of the largest gap in the window. */
  needed: number;
  peakGap: number;
  /** Agent-hours short over the window. */
  agentHoursShort: number;
}

export interface GapInterval {
  start: string;
  startMs: number;
  gap: number;
}

/** Runs [i, j) of back-to-back intervals (no missing interval inside) that all pass `keep`. */
export function runsOf<T extends { startMs: number }>(intervals: readonly T[], intervalMinutes: number, keep: (x: T) => boolean): Array<[number, number]> {
  const step = intervalMinutes * 60_000;
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < intervals.length) {
    if (!keep(intervals[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < intervals.length && keep(intervals[j]) && intervals[j].startMs === intervals[j - 1].startMs + step) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

export function gapWindows(queue: string, intervals: readonly GapInterval[], intervalMinutes: number, threshold: number, render: (ms: number) => string): GapWindow[] {
  const step = intervalMinutes * 60_000;
  return runsOf(intervals, intervalMinutes, (x) => x.gap >= threshold).map(([i, j]) => {
    const run = intervals.slice(i, j);
    const peak = Math.max(0, ...run.map((x) => x.gap));
    const short = run.reduce((s, x) => s + x.gap * (intervalMinutes / 60), 0);
    const toMs = intervals[j - 1].startMs + step;
    return {
      queue, from: intervals[i].start, to: render(toMs), fromMs: intervals[i].startMs, toMs,
      needed: Math.ceil(peak - 1e-9), peakGap: Math.round(peak * 100) / 100, agentHoursShort: Math.round(short * 100) / 100,
    };
  });
}
