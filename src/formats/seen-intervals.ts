/**
 * The (queue, interval start) pairs a file has had so far, to refuse an interval given twice. One bit per
 * 5-minute slot (the shortest interval of FORMATS.md) in a 288-bit day map per queue and day, so ten million
 * rows cost a few megabytes where a Set of numbers costs about 40 bytes a row (and tops out at 2^24 entries).
 */
const DAY_MS = 86_400_000;
export const SLOT_MS = 5 * 60_000;
const WORDS_PER_DAY = DAY_MS / SLOT_MS / 32; // 288 slots in 9 words

export class SeenIntervals {
  /** Per queue: day number → offset of its day map in `bits`. */
  private readonly days = new Map<string, Map<number, number>>();
  private bits = new Uint32Array(WORDS_PER_DAY * 1024);
  private used = 0;

  /** Records the pair and answers whether it is new. `startMs` must be on a 5-minute slot. */
  add(queue: string, startMs: number): boolean {
    let byDay = this.days.get(queue);
    if (!byDay) this.days.set(queue, (byDay = new Map()));
    const day = Math.floor(startMs / DAY_MS);
    let offset = byDay.get(day);
    if (offset === undefined) {
      if (this.used + WORDS_PER_DAY > this.bits.length) {
        const grown = new Uint32Array(this.bits.length * 2);
        grown.set(this.bits);
        this.bits = grown;
      }
      offset = this.used;
      this.used += WORDS_PER_DAY;
      byDay.set(day, offset);
    }
    const slot = (startMs - day * DAY_MS) / SLOT_MS;
    const word = offset + (slot >> 5);
    const mask = 1 << (slot & 31);
    if (this.bits[word] & mask) return false;
    this.bits[word] |= mask;
    return true;
  }
}
