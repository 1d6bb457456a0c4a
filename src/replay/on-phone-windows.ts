/**
 * When each agent of a queue is on the phones, from a roster's assignments: every shift of the queue (regular
 * or overtime) minus its breaks, meals and any other off-phone time it holds (FORMATS.md "Roster": activities
 * such as exams, training and coaching count off the phones like breaks). An agent's windows are merged across
 * assignments (an overtime extension right after a shift is one window) and given in seconds from the start of
 * the replayed day, sorted, disjoint and non-empty.
 */
import type { Assignment } from '../../solver/roster.ts';

/** What the windows need of an assignment; `activities` is optional (FORMATS.md). */
export type WindowedAssignment = Pick<Assignment, 'agent' | 'queue' | 'start' | 'end' | 'breaks'> & {
  activities?: ReadonlyArray<{ start: string; minutes: number }>;
};

/** [start, end) in seconds from the day's start. */
export type Window = readonly [number, number];

export interface AgentWindows {
  agent: string;
  windows: Window[];
}

/** [from, to) minus the off-phone spans (each [start, end)), as sorted pieces. */
function subtract(from: number, to: number, off: Window[]): Window[] {
  const out: Window[] = [];
  let cursor = from;
  for (const [s, e] of [...off].sort((a, b) => a[0] - b[0])) {
    if (e <= cursor || s >= to) continue;
    if (s > cursor) out.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  if (cursor < to) out.push([cursor, to]);
  return out;
}

function merge(windows: Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Per agent of `queue`, their on-phone windows (agents with none are left out), in the agents' first-seen order. */
export function onPhoneWindows(assignments: readonly WindowedAssignment[], queue: string, dayStartMs: number): AgentWindows[] {
  const seconds = (iso: string) => (Date.parse(iso) - dayStartMs) / 1000;
  const byAgent = new Map<string, Window[]>();
  for (const a of assignments) {
    if (a.queue !== queue) continue;
    const off: Window[] = [...a.breaks, ...(a.activities ?? [])].map((b) => [seconds(b.start), seconds(b.start) + b.minutes * 60]);
    const pieces = subtract(seconds(a.start), seconds(a.end), off);
    const list = byAgent.get(a.agent) ?? byAgent.set(a.agent, []).get(a.agent)!;
    list.push(...pieces);
  }
  const out: AgentWindows[] = [];
  for (const [agent, windows] of byAgent) {
    const merged = merge(windows).filter(([s, e]) => e > s);
    if (merged.length > 0) out.push({ agent, windows: merged });
  }
  return out;
}
