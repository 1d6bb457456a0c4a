/**
 * The places an activity can take inside one shift: every start on a 5-minute step of its range
 * (activity-window.ts: not in the first 30 minutes, inside the shift and the local hours), over no meal and no
 * other activity. It may cover hourly breaks: such a break is dropped, which R7 allows when the activity holds
 * 15 minutes or more of that break's working hour (r7-hourly-break.ts) — the person is off the phones anyway.
 */
import type { ActivityDefinition } from '../../src/domain/activity-schema.ts';
import type { Horizon } from '../model/horizon.ts';
import { activityMinutesIn, insideBlock, workBlocks, type TimeSpan } from '../model/work-blocks.ts';
import type { Assignment, BreakSlot } from '../roster.ts';
import { ACTIVITY_EXEMPTS_MINUTES } from '../rules/r7-hourly-break.ts';
import { startRange } from './activity-window.ts';

const MINUTE = 60_000;
export const START_STEP_MINUTES = 5;

export interface Candidate {
  fromMs: number;
  toMs: number;
  /** Indices in `assignment.breaks` of the hourly breaks the activity takes the place of. */
  dropped: number[];
}

const spanOf = (b: { start: string; minutes: number }): TimeSpan => {
  const fromMs = Date.parse(b.start);
  return { fromMs, toMs: fromMs + b.minutes * MINUTE };
};
const overlaps = (a: TimeSpan, b: TimeSpan) => a.fromMs < b.toMs && b.fromMs < a.toMs;

/** Whether the activity may stand at [fromMs, toMs) in the assignment; the breaks it would drop, or null. */
export function fitAt(a: Assignment, fromMs: number, toMs: number, meals: readonly TimeSpan[], blocks = workBlocksOf(a)): number[] | null {
  const span = { fromMs, toMs };
  if (meals.some((m) => overlaps(m, span))) return null;
  if ((a.activities ?? []).some((x) => overlaps(spanOf(x), span))) return null;
  const dropped: number[] = [];
  for (let k = 0; k < a.breaks.length; k++) {
    const b = a.breaks[k];
    if (b.kind === 'meal') continue;
    const bs = spanOf(b);
    if (!overlaps(bs, span)) continue;
    const block = blocks.find((w) => insideBlock(w, bs.fromMs, bs.toMs));
    if (!block || activityMinutesIn(block, [span]) < ACTIVITY_EXEMPTS_MINUTES) return null;
    dropped.push(k);
  }
  return dropped;
}

export function mealsOf(a: Assignment): TimeSpan[] {
  return a.breaks.filter((b: BreakSlot) => b.kind === 'meal').map(spanOf);
}

export function workBlocksOf(a: Assignment) {
  return workBlocks(Date.parse(a.start), Date.parse(a.end), mealsOf(a));
}

export function candidatesIn(def: ActivityDefinition, a: Assignment, h: Horizon, noBreakFirstMinutes: number): Candidate[] {
  const range = startRange(def, h, a.date, Date.parse(a.start), Date.parse(a.end), noBreakFirstMinutes);
  if (!range) return [];
  const meals = mealsOf(a);
  const blocks = workBlocksOf(a);
  const out: Candidate[] = [];
  const step = START_STEP_MINUTES * MINUTE;
  for (let s = Math.ceil(range[0] / step) * step; s <= range[1]; s += step) {
    const dropped = fitAt(a, s, s + def.minutes * MINUTE, meals, blocks);
    if (dropped) out.push({ fromMs: s, toMs: s + def.minutes * MINUTE, dropped });
  }
  return out;
}

/** The assignment with the activity placed and the breaks it replaces taken out. */
export function withActivity(a: Assignment, def: ActivityDefinition, c: Candidate, h: Horizon): Assignment {
  return {
    ...a,
    breaks: a.breaks.filter((_, k) => !c.dropped.includes(k)),
    activities: [...(a.activities ?? []), { start: h.iso(c.fromMs), minutes: def.minutes, activity: def.id }]
      .sort((x, y) => Date.parse(x.start) - Date.parse(y.start)),
  };
}
