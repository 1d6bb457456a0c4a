/**
 * The part of a callout window an agent would work, given their assignments that day: someone already in the
 * building extends their shift (after its end or before its start) by the part of the window it does not
 * cover; someone off that day starts a new shift for the whole window. A person already working the whole
 * window, already on overtime in it, or whose shift lies inside the window (two pieces) is not offered one.
 */
import type { Assignment } from '../../../solver/roster.ts';

export type OfferMode = 'extend-after' | 'extend-before' | 'new-shift';

export interface Offer {
  mode: OfferMode;
  startMs: number;
  endMs: number;
  /** The regular assignment extended (for "extend-*"). */
  base?: Assignment;
}

export interface NoOffer {
  reason: string;
}

export function offerWindow(assignments: readonly Assignment[], fromMs: number, toMs: number): Offer | NoOffer {
  const near = assignments
    .map((a) => ({ a, s: Date.parse(a.start), e: Date.parse(a.end) }))
    .filter((x) => x.s <= toMs && x.e >= fromMs);
  if (near.some((x) => x.a.kind === 'overtime' && x.s < toMs && x.e > fromMs)) return { reason: 'already on overtime in the window' };
  const regular = near.filter((x) => x.a.kind !== 'overtime');
  if (regular.length === 0) return { mode: 'new-shift', startMs: fromMs, endMs: toMs };
  if (regular.length > 1) return { reason: 'two shifts touch the window' };
  const { a, s, e } = regular[0];
  if (s <= fromMs && e >= toMs) return { reason: `already working the whole window (shift ${a.shift})` };
  if (s <= fromMs) return { mode: 'extend-after', startMs: e, endMs: toMs, base: a };
  if (e >= toMs) return { mode: 'extend-before', startMs: fromMs, endMs: s, base: a };
  return { reason: `shift ${a.shift} lies inside the window (it would be two pieces)` };
}
