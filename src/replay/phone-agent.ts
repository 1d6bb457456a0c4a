/**
 * One agent through the replayed day: when they can take the next call, and what taking it does to the rest of
 * their day. The roster's on-phone windows are the plan; the replay changes them in one way only, the way a
 * floor works: an agent due off the phones (a break, a meal, the end of the shift) first finishes the call in
 * hand, then takes the full break (rest is an entitlement, MANUAL R7) and so comes back that much later; at the
 * end of a shift they finish the call and leave. A delayed return that runs past a whole window swallows it.
 *
 * Times are seconds from the day's start. Cost: availableFrom is O(windows skipped), take O(1) amortized.
 */
import type { Window } from './on-phone-windows.ts';

export class PhoneAgent {
  /** The window the agent is in or waiting for. */
  private k = 0;
  /** Free from this moment (inside window k, or its start). */
  private readyAt: number;
  /** Where each window's on-phone time really began (a late return moves it). */
  private readonly begins: number[];
  /** Where each window's on-phone time really ended (a call finished past the planned end extends it). */
  private readonly ends: number[];
  /** Since when the agent has been idle, as of the last availableFrom (for longest-idle routing). */
  idleSince = 0;

  constructor(readonly windows: readonly Window[]) {
    this.begins = windows.map((w) => w[0]);
    this.ends = windows.map((w) => w[1]);
    this.readyAt = windows.length > 0 ? windows[0][0] : Infinity;
  }

  /** The first moment at or after `t` this agent could answer a call (Infinity: not again today). */
  availableFrom(t: number): number {
    const w = this.windows;
    let at = Math.max(t, this.readyAt);
    this.idleSince = this.readyAt;
    for (let j = this.k; j < w.length; j++) {
      if (j > this.k) {
        at = Math.max(at, w[j][0]);
        this.idleSince = w[j][0];
      }
      if (at < w[j][1]) return at;
    }
    return Infinity;
  }

  /** Answers a call at `start` (a value availableFrom gave) for `handle` seconds; returns when the call ends. */
  take(start: number, handle: number): number {
    const w = this.windows;
    while (this.k < w.length && start >= w[this.k][1]) this.k++;
    const end = start + handle;
    if (end < w[this.k][1]) {
      this.readyAt = end;
      return end;
    }
    // The call runs past the window: finish it, then the whole off-phone spell that was due.
    this.ends[this.k] = end;
    const next = this.k + 1;
    if (next >= w.length) {
      this.k = w.length;
      this.readyAt = Infinity;
      return end;
    }
    const back = end + (w[next][0] - w[this.k][1]);
    this.k = next;
    while (this.k < w.length && back >= w[this.k][1]) {
      this.begins[this.k] = this.ends[this.k] = w[this.k][1];
      this.k++;
    }
    if (this.k < w.length) this.begins[this.k] = Math.max(back, w[this.k][0]);
    this.readyAt = this.k < w.length ? this.begins[this.k] : Infinity;
    return end;
  }

  /** The spans the agent really was on the phones (idle or talking), after the day is replayed. */
  onPhoneSpans(): Window[] {
    const out: Window[] = [];
    for (let j = 0; j < this.windows.length; j++) if (this.ends[j] > this.begins[j]) out.push([this.begins[j], this.ends[j]]);
    return out;
  }
}
