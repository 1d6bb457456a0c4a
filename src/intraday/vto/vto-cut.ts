/**
 * The part of an agent's shift a VTO window takes off (the mirror of callouts/offer-window.ts): an agent whose
 * shift on the window's queue ends inside the window goes home at the window's start ("leave-early"), one whose
 * shift starts inside it comes in at the window's end ("start-late"), one whose whole shift lies inside it takes
 * the day off ("whole-shift"). The time off never leaves the window, where the reforecast has agents to spare.
 * Not offered: nobody off shift, on another queue, on overtime in the window, or whose shift spans the whole
 * window (the shift would be cut in two pieces), or who has an activity (an exam, training) in the time off.
 *
 * The shortened shift keeps the breaks and meal that lie wholly in the time still worked (the rulebook then
 * judges it, see vto-rank.ts), and its briefing time (R10) moves with a later start.
 */
import type { Assignment } from '../../../solver/roster.ts';

export type VtoMode = 'leave-early' | 'start-late' | 'whole-shift';

export interface VtoCut {
  mode: VtoMode;
  /** The published assignment cut. */
  base: Assignment;
  offStartMs: number;
  offEndMs: number;
  /** The shift as it would be worked; null when the whole shift goes. */
  after: Assignment | null;
}

export interface NoCut {
  reason: string;
}

/** The assignment worked only over [startMs, endMs): breaks outside it dropped, the briefing moved with the start. */
export function shortened(a: Assignment, startMs: number, endMs: number, render: (ms: number) => string): Assignment {
  const inside = (b: { start: string; minutes: number }) => Date.parse(b.start) >= startMs && Date.parse(b.start) + b.minutes * 60_000 <= endMs;
  const lead = a.report ? Date.parse(a.start) - Date.parse(a.report) : null;
  return {
    ...a,
    start: render(startMs),
    end: render(endMs),
    // H4 judges the span the template gave (kept from an earlier cut when there was one).
    planned: a.planned ?? { start: a.start, end: a.end },
    breaks: a.breaks.filter(inside),
    ...(lead !== null ? { report: render(startMs - lead) } : {}),
  };
}

export function vtoCut(own: readonly Assignment[], queue: string, fromMs: number, toMs: number, render: (ms: number) => string): VtoCut | NoCut {
  const touching = own
    .map((a) => ({ a, s: Date.parse(a.start), e: Date.parse(a.end) }))
    .filter((x) => x.s < toMs && x.e > fromMs);
  if (touching.length === 0) return { reason: 'not on shift in the window' };
  if (touching.some((x) => x.a.kind === 'overtime')) return { reason: 'on overtime in the window (close that overtime rather than offer time off)' };
  if (touching.length > 1) return { reason: 'two shifts touch the window' };
  const { a, s, e } = touching[0];
  if (a.queue !== queue) return { reason: `on queue ${a.queue} in the window, not ${queue}` };
  let cut: VtoCut;
  if (s >= fromMs && e <= toMs) cut = { mode: 'whole-shift', base: a, offStartMs: s, offEndMs: e, after: null };
  else if (s < fromMs && e <= toMs) cut = { mode: 'leave-early', base: a, offStartMs: fromMs, offEndMs: e, after: shortened(a, s, fromMs, render) };
  else if (s >= fromMs && e > toMs) cut = { mode: 'start-late', base: a, offStartMs: s, offEndMs: toMs, after: shortened(a, toMs, e, render) };
  else return { reason: `shift ${a.shift} runs through the whole window (it would be cut in two pieces)` };
  // An exam or training placed in the time off would be lost (TR2–TR4): it is moved first, not dropped here.
  const held = (a.activities ?? []).find((x) => Date.parse(x.start) < cut.offEndMs && Date.parse(x.start) + x.minutes * 60_000 > cut.offStartMs);
  return held ? { reason: `activity ${held.activity} is placed in the time off (${held.start}): move it first` } : cut;
}
