/**
 * The part of an agent's shift a VTO window takes off (the mirror of callouts/offer-window.ts): an agent whose
 * shift on the window's queue ends inside the window goes home at the window's start ("leave-early"), one whose
 * shift starts inside it comes in at the window's end ("start-late"), one whose whole shift lies inside it takes
 * the day off ("whole-shift"). The time off never leaves the window, where the reforecast has agents to spare.
 * Not offered: nobody off shift, on another queue, on overtime in the window, or whose shift spans the whole
 * window (the shift would be cut in two pieces), or who has an activity (an exam, training) in the time off.
 *
 * The shortened shift keeps the breaks and meal that lie wholly in the time still worked, but no break in the
 * first minutes of a later start (R9); its full working hours count from the new start, so every hour left
 * without a break gets one back (R7, restore-breaks.ts) — as a supervisor re-places breaks on a shorter shift.
 * The rulebook then judges it (vto-rank.ts). Its briefing time (R10) moves with a later start.
 */
import type { Center } from '../../domain/center-schema.ts';
import type { Assignment } from '../../../solver/roster.ts';
import { withHourlyBreaks } from '../../../solver/activities/restore-breaks.ts';
import { zonedIsoRenderer } from '../zoned-iso.ts';

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

/**
 * The assignment worked only over [startMs, endMs): breaks outside it or in its first minutes dropped, the hours
 * left without a break given one, the briefing moved with the start.
 */
export function shortened(a: Assignment, startMs: number, endMs: number, center: Center): Assignment {
  const render = zonedIsoRenderer(center.timezone);
  const earliest = startMs + center.rules.noBreakFirstMinutes * 60_000;
  const kept = (b: { start: string; minutes: number; kind: string }) =>
    Date.parse(b.start) >= (b.kind === 'break' ? earliest : startMs) && Date.parse(b.start) + b.minutes * 60_000 <= endMs;
  const lead = a.report ? Date.parse(a.start) - Date.parse(a.report) : null;
  return withHourlyBreaks({
    ...a,
    start: render(startMs),
    end: render(endMs),
    // H4 judges the span the template gave (kept from an earlier cut when there was one).
    planned: a.planned ?? { start: a.start, end: a.end },
    breaks: a.breaks.filter(kept),
    ...(lead !== null ? { report: render(startMs - lead) } : {}),
  }, center);
}

export function vtoCut(own: readonly Assignment[], queue: string, fromMs: number, toMs: number, center: Center): VtoCut | NoCut {
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
  else if (s < fromMs && e <= toMs) cut = { mode: 'leave-early', base: a, offStartMs: fromMs, offEndMs: e, after: shortened(a, s, fromMs, center) };
  else if (s >= fromMs && e > toMs) cut = { mode: 'start-late', base: a, offStartMs: s, offEndMs: toMs, after: shortened(a, toMs, e, center) };
  else return { reason: `shift ${a.shift} runs through the whole window (it would be cut in two pieces)` };
  // An exam or training placed in the time off would be lost (TR2–TR4): it is moved first, not dropped here.
  const held = (a.activities ?? []).find((x) => Date.parse(x.start) < cut.offEndMs && Date.parse(x.start) + x.minutes * 60_000 > cut.offStartMs);
  return held ? { reason: `activity ${held.activity} is placed in the time off (${held.start}): move it first` } : cut;
}
