/**
 * Scheduled agents per interval (FORMATS.md "Roster" coverage): the average number of agents on the phones of a
 * queue over each interval. An assignment counts for the part of the interval it covers, less its breaks and
 * meals and activities (a 5-minute break in a 30-minute interval removes 1/6 of an agent). Elapsed time, so DST days are exact.
 */
import type { Assignment } from '../../solver/roster.ts';

export interface TimedAssignment {
  queue: string;
  startMs: number;
  endMs: number;
  breaks: Array<{ startMs: number; minutes: number }>;
}

/** Breaks, meals and activities (exams, training, meetings) alike are time off the phones. */
export function timed(a: Pick<Assignment, 'queue' | 'start' | 'end' | 'breaks' | 'activities'>): TimedAssignment {
  return {
    queue: a.queue, startMs: Date.parse(a.start), endMs: Date.parse(a.end),
    breaks: [...a.breaks, ...(a.activities ?? [])].map((b) => ({ startMs: Date.parse(b.start), minutes: b.minutes })),
  };
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * Adds `sign` × one assignment's presence to `scheduled` (per interval of `intervalStarts`, each `intervalMs`
 * long). Used to build coverage and to try moves (add, then remove) without recomputing everything.
 */
export function addPresence(scheduled: number[], intervalStarts: readonly number[], intervalMs: number, a: TimedAssignment, sign = 1): void {
  if (intervalStarts.length === 0) return;
  const first = intervalStarts[0];
  const lo = Math.max(0, Math.floor((a.startMs - first) / intervalMs));
  const hi = Math.min(intervalStarts.length - 1, Math.floor((a.endMs - 1 - first) / intervalMs));
  for (let i = lo; i <= hi; i++) {
    const s = intervalStarts[i];
    const e = s + intervalMs;
    let on = overlap(a.startMs, a.endMs, s, e);
    for (const b of a.breaks) on -= overlap(b.startMs, b.startMs + b.minutes * 60_000, Math.max(s, a.startMs), Math.min(e, a.endMs));
    scheduled[i] += (sign * on) / intervalMs;
  }
}

/** Scheduled agents of one queue per interval. `intervalStarts` must be evenly spaced by `intervalMs`. */
export function scheduledAgents(assignments: readonly TimedAssignment[], queue: string, intervalStarts: readonly number[], intervalMs: number): number[] {
  const out = intervalStarts.map(() => 0);
  for (const a of assignments) if (a.queue === queue) addPresence(out, intervalStarts, intervalMs, a);
  return out.map((x) => Math.round(x * 1e6) / 1e6);
}
