/**
 * The share of each interval an assignment spends on the phones: time on shift minus time on breaks and meals,
 * over the interval's length (FORMATS.md: "scheduled is average agents on the phones over the interval").
 * Read the same way for a solved roster, a pinned day and a hand-edited roster.
 */
import { overlapMs, type Horizon } from './horizon.ts';
import type { TimeSpan } from './work-blocks.ts';

export function assignmentCoverage(h: Horizon, startMs: number, endMs: number, off: readonly TimeSpan[]): { idx: number[]; frac: number[] } {
  const idx: number[] = [];
  const frac: number[] = [];
  if (!(endMs > startMs)) return { idx, frac };
  const first = h.intervalContaining(Math.max(startMs, h.beginMs));
  if (first < 0) return { idx, frac };
  for (let i = first; i < h.startMs.length && h.startMs[i] < endMs; i++) {
    const i0 = h.startMs[i];
    const i1 = i + 1 < h.startMs.length ? h.startMs[i + 1] : h.endMs;
    let on = overlapMs(startMs, endMs, i0, i1);
    // Breaks may overlap each other in an edited roster: count each off minute once.
    const cuts = off
      .map((s) => ({ from: Math.max(s.fromMs, startMs, i0), to: Math.min(s.toMs, endMs, i1) }))
      .filter((s) => s.to > s.from)
      .sort((a, b) => a.from - b.from);
    let at = -Infinity;
    for (const c of cuts) {
      const from = Math.max(c.from, at);
      if (c.to > from) on -= c.to - from;
      at = Math.max(at, c.to);
    }
    if (on > 0) {
      idx.push(i);
      frac.push(on / (i1 - i0));
    }
  }
  return { idx, frac };
}
