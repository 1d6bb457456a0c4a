/**
 * Windows worth an overtime callout: runs of consecutive intervals whose gap (agents required − scheduled) is at
 * least a threshold. Each window asks for ceil(peak gap) people, so the worst interval of the run is covered.
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

export function gapWindows(queue: string, intervals: readonly GapInterval[], intervalMinutes: number, threshold: number, render: (ms: number) => string): GapWindow[] {
  const out: GapWindow[] = [];
  const step = intervalMinutes * 60_000;
  let i = 0;
  while (i < intervals.length) {
    if (!(intervals[i].gap >= threshold)) {
      i++;
      continue;
    }
    let j = i;
    let peak = 0;
    let short = 0;
    while (j < intervals.length && intervals[j].gap >= threshold && (j === i || intervals[j].startMs === intervals[j - 1].startMs + step)) {
      peak = Math.max(peak, intervals[j].gap);
      short += intervals[j].gap * (intervalMinutes / 60);
      j++;
    }
    const fromMs = intervals[i].startMs;
    const toMs = intervals[j - 1].startMs + step;
    out.push({
      queue, from: intervals[i].start, to: render(toMs), fromMs, toMs,
      needed: Math.ceil(peak - 1e-9), peakGap: Math.round(peak * 100) / 100, agentHoursShort: Math.round(short * 100) / 100,
    });
    i = j;
  }
  return out;
}
