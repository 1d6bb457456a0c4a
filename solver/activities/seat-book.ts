/**
 * Seats of each activity with `maxTogether` (FORMATS.md): attendees in it per 5-minute slot, so a placement
 * is refused when any minute of it would hold more than the definition allows.
 */
import type { Center } from '../../src/domain/center-schema.ts';

const SLOT_MS = 5 * 60_000;

export class SeatBook {
  private readonly max = new Map<string, number>();
  private readonly taken = new Map<string, Map<number, number>>();

  constructor(center: Center) {
    for (const d of center.activities) if (d.maxTogether !== undefined) this.max.set(d.id, d.maxTogether);
  }

  private slots(fromMs: number, minutes: number): number[] {
    const out: number[] = [];
    for (let s = Math.floor(fromMs / SLOT_MS); s * SLOT_MS < fromMs + minutes * 60_000; s++) out.push(s);
    return out;
  }

  free(activity: string, fromMs: number, minutes: number): boolean {
    const max = this.max.get(activity);
    if (max === undefined) return true;
    const book = this.taken.get(activity);
    return !book || this.slots(fromMs, minutes).every((s) => (book.get(s) ?? 0) < max);
  }

  take(activity: string, fromMs: number, minutes: number): void {
    this.change(activity, fromMs, minutes, 1);
  }

  release(activity: string, fromMs: number, minutes: number): void {
    this.change(activity, fromMs, minutes, -1);
  }

  private change(activity: string, fromMs: number, minutes: number, by: number): void {
    if (!this.max.has(activity)) return;
    let book = this.taken.get(activity);
    if (!book) this.taken.set(activity, (book = new Map()));
    for (const s of this.slots(fromMs, minutes)) book.set(s, (book.get(s) ?? 0) + by);
  }
}
