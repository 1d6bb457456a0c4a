/**
 * R4 intraday: today's floating shifts re-placed against the reforecast. A floating shift (template with
 * `floating: true` and a start window) that has not started yet — and starts at least `noticeMinutes` from now
 * — may move to any start in its window (step = the center's interval, never before now + notice) and to any
 * queue the agent has the skill for ("moved to the queue that needs them most"). Shifts are taken one at a
 * time (agent id order); each goes to the start and queue that remove the most understaffing (agent-hours of
 * reforecast requirement not met), ties kept at the current start, and is accepted only when the rulebook
 * (C1, C2, H2, H3 — passed in) reports nothing new for the agent. Breaks and meal are then placed against the
 * coverage (break-placement.ts) and the coverage updated before the next shift: a greedy, one pass.
 */
import { DateTime } from 'luxon';
import type { Assignment } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import { clockMinutes } from '../time/clock.ts';
import { isoWithOffset, localInstant } from '../time/local-day.ts';
import { placeBreaks } from './break-placement.ts';
import { addPresence, timed } from './coverage.ts';

export interface FloatingInput {
  center: Center;
  date: string;
  asOfMs: number;
  intervalStarts: readonly number[];
  /** Agents required per queue and interval (the reforecast's). */
  required: ReadonlyMap<string, readonly number[]>;
  /** Agents scheduled per queue and interval with every assignment as it is now (changed in place). */
  scheduled: Map<string, number[]>;
  /** The day's assignments (floating ones among them). */
  assignments: ReadonlyArray<Assignment & { id?: number }>;
  /** Minutes of notice a floating agent needs before a moved start (default 60). */
  noticeMinutes?: number;
  /** True when the rulebook accepts the agent's day with `changed` instead of `original`. */
  accept(original: Assignment, changed: Assignment): boolean;
}

export interface FloatingMove {
  agent: string;
  assignmentId: number | null;
  from: { queue: string; start: string; end: string };
  to: Assignment;
  moved: boolean;
  /** Understaffed agent-hours removed by the shift at its new place minus at its old place. */
  gainAgentHours: number;
  reason: string;
}

function understaffing(required: readonly number[], scheduled: readonly number[], hours: number): number {
  let s = 0;
  for (let i = 0; i < required.length; i++) s += Math.max(0, required[i] - scheduled[i]) * hours;
  return s;
}

export function replaceFloating(input: FloatingInput): FloatingMove[] {
  const { center, date, intervalStarts } = input;
  const zone = center.timezone;
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));
  const step = center.intervalMinutes * 60_000;
  const hours = center.intervalMinutes / 60;
  const templates = new Map(center.shiftTemplates.map((t) => [t.id, t]));
  const agents = new Map(center.agents.map((a) => [a.id, a]));
  const earliestMs = Math.ceil((input.asOfMs + (input.noticeMinutes ?? 60) * 60_000) / step) * step;
  const zeros = intervalStarts.map(() => 0);
  const moves: FloatingMove[] = [];

  const floating = input.assignments
    .filter((a) => a.date === date && a.kind !== 'overtime' && templates.get(a.shift)?.floating)
    .sort((a, b) => a.agent.localeCompare(b.agent));
  for (const a of floating) {
    const template = templates.get(a.shift)!;
    const agent = agents.get(a.agent);
    const from = { queue: a.queue, start: a.start, end: a.end };
    const startMs = Date.parse(a.start);
    if (!agent || startMs < earliestMs || a.activities?.length) {
      // A shift holding an exam, training or a meeting (TR1–TR4) stays: its people were told when to attend.
      const reason = !agent ? 'unknown agent' : startMs < earliestMs ? 'starts too soon to move (notice)' : 'holds an exam, training or meeting (TR1–TR4)';
      moves.push({ agent: a.agent, assignmentId: a.id ?? null, from, to: a, moved: false, gainAgentHours: 0, reason });
      continue;
    }
    const window = Array.isArray(template.start) ? template.start : [template.start, template.start];
    const lo = Math.max(earliestMs, localInstant(date, clockMinutes(window[0]), zone).toMillis());
    const hi = localInstant(date, clockMinutes(window[1]), zone).toMillis();
    const lengthMs = template.minutes * 60_000;
    const queues = center.queues.map((q) => q.id).filter((q) => agent.skills.includes(q) && input.required.has(q));
    if (!queues.includes(a.queue)) queues.push(a.queue);
    // Take the shift off the coverage, then try every start and queue.
    const current = timed(a);
    addPresence(input.scheduled.get(a.queue) ?? [], intervalStarts, step, current, -1);
    const options: Array<{ queue: string; s: number; gain: number }> = [];
    for (const q of queues) {
      const req = input.required.get(q) ?? zeros;
      const sched = input.scheduled.get(q) ?? [...zeros];
      const base = understaffing(req, sched, hours);
      for (let s = lo; s <= hi; s += step) {
        const trial = [...sched];
        addPresence(trial, intervalStarts, step, { queue: q, startMs: s, endMs: s + lengthMs, breaks: [] });
        options.push({ queue: q, s, gain: base - understaffing(req, trial, hours) });
      }
    }
    options.sort((x, y) => y.gain - x.gain || Math.abs(x.s - startMs) - Math.abs(y.s - startMs) || Number(y.queue === a.queue) - Number(x.queue === a.queue));
    let chosen: Assignment = a;
    let reason = 'kept: no start in the window does better';
    let gain = 0;
    const currentGain = options.find((o) => o.s === startMs && o.queue === a.queue)?.gain ?? 0;
    for (const o of options) {
      if (o.s === startMs && o.queue === a.queue) break;
      if (o.gain <= currentGain + 1e-9) break;
      const grid = { intervalStarts, intervalMs: step, required: input.required.get(o.queue) ?? zeros, scheduled: input.scheduled.get(o.queue) ?? zeros };
      const changed: Assignment = {
        ...a, queue: o.queue, start: render(o.s), end: render(o.s + lengthMs),
        breaks: placeBreaks(center, template, date, o.s, o.s + lengthMs, grid, render),
      };
      if (!input.accept(a, changed)) continue;
      chosen = changed;
      gain = o.gain - currentGain;
      reason = `moved to ${o.queue} at ${render(o.s).slice(11, 16)}: ${Math.round(gain * 100) / 100} agent-hours less understaffing`;
      break;
    }
    if (!input.scheduled.has(chosen.queue)) input.scheduled.set(chosen.queue, [...zeros]);
    addPresence(input.scheduled.get(chosen.queue)!, intervalStarts, step, timed(chosen), 1);
    moves.push({ agent: a.agent, assignmentId: a.id ?? null, from, to: chosen, moved: chosen !== a, gainAgentHours: Math.round(gain * 1000) / 1000, reason });
  }
  return moves;
}
