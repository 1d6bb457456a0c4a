/**
 * Schedule adherence (what every WFM suite shows the floor): per agent, the state the published roster planned
 * minute by minute — on the phones, on a break, at a meal, in other planned work (training, a meeting), or off —
 * against the state they were really in. Adherence = minutes in the planned state ÷ minutes scheduled (planned
 * not off), counted up to "now"; the spans out of adherence are listed. Time worked outside the schedule is
 * not held against anyone (it is not scheduled time).
 *
 * The actual state comes from the phone system's state feed (agent-states.ts) when the agent has one that day;
 * otherwise from attendance sign-in/out, which tells only "in the seat" or not: in the seat then counts as
 * following the plan whatever it planned (basis "sign-in"), so late starts and early leaves show, breaks do not.
 */
import type { Assignment } from '../../solver/roster.ts';

export const AGENT_STATES = ['phone', 'break', 'meal', 'aux', 'off'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface StateSpan { from: number; to: number; state: AgentState }
export interface StateChange { atMs: number; state: AgentState }

/** Planned work spans of one agent: each shift on the phones, its breaks, meals and other activities over it. */
export function plannedSpans(assignments: ReadonlyArray<Pick<Assignment, 'start' | 'end' | 'breaks' | 'activities'>>, from: number, to: number): StateSpan[] {
  const layers: Array<StateSpan & { rank: number }> = [];
  for (const a of assignments) {
    layers.push({ from: Date.parse(a.start), to: Date.parse(a.end), state: 'phone', rank: 1 });
    for (const b of a.breaks) {
      const s = Date.parse(b.start);
      const state: AgentState = b.kind === 'meal' ? 'meal' : b.kind === 'break' ? 'break' : 'aux';
      layers.push({ from: s, to: s + b.minutes * 60_000, state, rank: 2 });
    }
    // Exams, training and meetings (TR1–TR4) are internal work off the phones.
    for (const x of a.activities ?? []) layers.push({ from: Date.parse(x.start), to: Date.parse(x.start) + x.minutes * 60_000, state: 'aux', rank: 2 });
  }
  const cuts = [...new Set([from, to, ...layers.flatMap((l) => [l.from, l.to])])].filter((t) => t >= from && t <= to).sort((x, y) => x - y);
  const out: StateSpan[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const mid = (cuts[k] + cuts[k + 1]) / 2;
    const top = layers.filter((l) => l.from <= mid && mid < l.to).sort((x, y) => y.rank - x.rank)[0];
    push(out, { from: cuts[k], to: cuts[k + 1], state: top?.state ?? 'off' });
  }
  return out;
}

/** The actual timeline from state changes (each holds until the next); before the first, `initial`. */
export function actualSpans(changes: readonly StateChange[], from: number, to: number, initial: AgentState = 'off'): StateSpan[] {
  const sorted = [...changes].sort((x, y) => x.atMs - y.atMs);
  const out: StateSpan[] = [];
  let state = initial;
  let at = from;
  for (const c of sorted) {
    if (c.atMs <= from) { state = c.state; continue; }
    if (c.atMs >= to) break;
    push(out, { from: at, to: c.atMs, state });
    at = c.atMs;
    state = c.state;
  }
  push(out, { from: at, to, state });
  return out;
}

/** Sign-in/out as a timeline: in the seat = 'phone' (read as "following the plan" by the sign-in basis). */
export function seatChanges(signIns: readonly number[], signOuts: readonly number[]): StateChange[] {
  return [...signIns.map((atMs) => ({ atMs, state: 'phone' as const })), ...signOuts.map((atMs) => ({ atMs, state: 'off' as const }))];
}

function push(out: StateSpan[], s: StateSpan): void {
  if (s.to <= s.from) return;
  const last = out[out.length - 1];
  if (last && last.state === s.state && last.to === s.from) last.to = s.to;
  else out.push({ ...s });
}

/** The state of a timeline at an instant. */
export function stateAt(spans: readonly StateSpan[], t: number): AgentState {
  return spans.find((s) => s.from <= t && t < s.to)?.state ?? 'off';
}

export type Basis = 'states' | 'sign-in';

export interface Exception { from: number; to: number; planned: AgentState; actual: AgentState }

export interface AgentAdherence {
  scheduledMinutes: number;
  inAdherenceMinutes: number;
  outMinutes: number;
  /** null when nothing was scheduled yet. */
  adherence: number | null;
  exceptions: Exception[];
}

/** Adherence of one agent's planned against actual timeline (both over the same window). */
export function adherence(planned: readonly StateSpan[], actual: readonly StateSpan[], basis: Basis): AgentAdherence {
  const cuts = [...new Set([...planned, ...actual].flatMap((s) => [s.from, s.to]))].sort((x, y) => x - y);
  let scheduled = 0;
  let inside = 0;
  const exceptions: Exception[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const p = stateAt(planned, a);
    if (p === 'off') continue;
    const act = stateAt(actual, a);
    const ok = basis === 'states' ? act === p : act !== 'off';
    scheduled += b - a;
    if (ok) { inside += b - a; continue; }
    const last = exceptions[exceptions.length - 1];
    if (last && last.to === a && last.planned === p && last.actual === act) last.to = b;
    else exceptions.push({ from: a, to: b, planned: p, actual: act });
  }
  const min = (ms: number) => Math.round(ms / 600) / 100;
  return {
    scheduledMinutes: min(scheduled), inAdherenceMinutes: min(inside), outMinutes: min(scheduled - inside),
    adherence: scheduled > 0 ? Math.round((inside / scheduled) * 10_000) / 10_000 : null,
    exceptions,
  };
}

/** Time-weighted agents per state in [from, to) over several timelines (the floor view's counts). */
export function stateCounts(timelines: ReadonlyArray<readonly StateSpan[]>, from: number, to: number): Record<Exclude<AgentState, 'off'>, number> {
  const out = { phone: 0, break: 0, meal: 0, aux: 0 };
  for (const spans of timelines) {
    for (const s of spans) {
      if (s.state === 'off') continue;
      const o = Math.min(to, s.to) - Math.max(from, s.from);
      if (o > 0) out[s.state] += o / (to - from);
    }
  }
  for (const k of Object.keys(out) as Array<keyof typeof out>) out[k] = Math.round(out[k] * 1000) / 1000;
  return out;
}
