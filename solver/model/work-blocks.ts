/**
 * The working hours of a shift, as R7 reads them (MANUAL.md R7, R9): a shift's working time is its span minus
 * its meal(s); counted from the start, every 60 minutes of working time form one "full working hour" (a
 * block), and each block must hold one hourly break wholly inside it. A block may be cut in two by the meal.
 * The last, incomplete hour needs no break. Shared by the rulebook (to check) and the solver (to place).
 */

export interface TimeSpan {
  fromMs: number;
  toMs: number;
}

export interface WorkBlock {
  /** Pieces of the block in time order (two when the meal cuts it). */
  pieces: TimeSpan[];
}

const HOUR_MS = 3_600_000;

/** Working pieces of [startMs, endMs) once the meals are taken out, in time order. */
export function workingPieces(startMs: number, endMs: number, meals: readonly TimeSpan[]): TimeSpan[] {
  const cuts = meals
    .map((m) => ({ fromMs: Math.max(startMs, m.fromMs), toMs: Math.min(endMs, m.toMs) }))
    .filter((m) => m.toMs > m.fromMs)
    .sort((a, b) => a.fromMs - b.fromMs);
  const out: TimeSpan[] = [];
  let at = startMs;
  for (const c of cuts) {
    if (c.fromMs > at) out.push({ fromMs: at, toMs: c.fromMs });
    at = Math.max(at, c.toMs);
  }
  if (endMs > at) out.push({ fromMs: at, toMs: endMs });
  return out;
}

/** The full working hours of a shift (see the file comment). */
export function workBlocks(startMs: number, endMs: number, meals: readonly TimeSpan[]): WorkBlock[] {
  const pieces = workingPieces(startMs, endMs, meals);
  const blocks: WorkBlock[] = [];
  let current: TimeSpan[] = [];
  let need = HOUR_MS;
  for (const p of pieces) {
    let from = p.fromMs;
    while (from < p.toMs) {
      const take = Math.min(need, p.toMs - from);
      current.push({ fromMs: from, toMs: from + take });
      from += take;
      need -= take;
      if (need === 0) {
        blocks.push({ pieces: current });
        current = [];
        need = HOUR_MS;
      }
    }
  }
  return blocks;
}

/** Whether [fromMs, toMs) lies wholly inside one piece of the block. */
export function insideBlock(block: WorkBlock, fromMs: number, toMs: number): boolean {
  return block.pieces.some((p) => fromMs >= p.fromMs && toMs <= p.toMs);
}

/** Minutes of the given spans (activities) that fall inside the block's pieces. */
export function activityMinutesIn(block: WorkBlock, spans: readonly TimeSpan[]): number {
  let ms = 0;
  for (const p of block.pieces) {
    for (const s of spans) ms += Math.max(0, Math.min(p.toMs, s.toMs) - Math.max(p.fromMs, s.fromMs));
  }
  return ms / 60_000;
}
