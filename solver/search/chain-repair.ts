/**
 * Repairs aimed at short intervals, for when late in the search every day is tight somewhere: a shift moved onto
 * a short interval leaves a hole where it came from, so the move alone does not pay. Every person's best move
 * covering the interval is priced (a change of that day's shift, or a shift moved there from another day); one
 * that pays alone is taken, else the few cheapest are tried with the meals and breaks of both days re-placed
 * around them (placement.ts) — others' breaks leave the hole and the short interval — and the first that pays
 * with its re-placement is kept; otherwise the breaks and the move are put back. In the manner of ejection
 * chains (Glover 1996), the re-placement being the chain's second step. Measured on the 200-agent benchmark
 * (55 s, seeds 1–6): 1.0–3.1 understaffed agent-hours, median 1.3, against 1.5–3.6, median 2.1, without.
 */
import type { LineCost } from './line-cost.ts';
import type { Placed } from './coverage-state.ts';
import type { SearchState } from './search-state.ts';
import { improveDayPlacement } from '../assign/placement.ts';

/** One evaluated move of person k: the shift `old` of day `from` (null: a day off) becomes `placed` on day `to`. */
interface Move {
  k: number;
  from: number;
  to: number;
  old: Placed | null;
  placed: Placed;
  delta: number;
  hard: number;
  next: Map<number, LineCost>;
}

/** Cheapest moves tried with a re-placement of their days. */
const CANDIDATES = 3;

export class ChainRepair {
  constructor(private readonly state: SearchState) {}

  /**
   * Tries to cover each of `short` (queue, interval) in turn until `until` (performance.now()); returns the
   * objective change of what it kept (≤ 0).
   */
  run(short: ReadonlyArray<{ q: number; i: number }>, until: number): number {
    let gained = 0;
    for (const { q, i } of short) {
      if (performance.now() > until) break;
      if (!this.isShort(q, i)) continue;
      const moves = this.movesToward(q, i).filter((m) => m.hard <= 0).sort((a, b) => a.delta - b.delta);
      if (moves.length === 0) continue;
      if (moves[0].delta < -1e-9) {
        this.commit(moves[0]);
        gained += moves[0].delta;
        continue;
      }
      for (const first of moves.slice(0, CANDIDATES)) {
        const before = this.state.lines[first.k];
        const days = first.from === first.to ? [first.to] : [first.from, first.to];
        const snapshot = days.map((d) => this.state.phoneLines.map((line) => line[d]));
        this.commit(first);
        const replaced = days.reduce((s, d) => s + improveDayPlacement(this.state.cov, this.state.phoneLines, d, 2), 0);
        if (first.delta + replaced < -1e-9) {
          gained += first.delta + replaced;
          break;
        }
        days.forEach((d, j) => this.restorePlacements(d, snapshot[j], first));
        this.revert(first, before);
      }
    }
    return gained;
  }

  /** Puts back the meals and breaks of day d as they were; the moved shift gets the placement the move chose. */
  private restorePlacements(d: number, snapshot: ReadonlyArray<Placed | null>, move: Move): void {
    const { cov } = this.state;
    const mover = this.state.plan[this.state.people[move.k].index];
    this.state.phoneLines.forEach((line, j) => {
      const now = line[d];
      const back = line === mover ? (d === move.to ? move.placed : now) : snapshot[j];
      if (now === back || !now || !back) return;
      cov.apply(now, -1);
      cov.apply(back, 1);
      line[d] = back;
    });
  }

  private isShort(q: number, i: number): boolean {
    return this.state.cov.cov[q][i] < this.state.cov.req[q][i] - 1e-9;
  }

  /** Every person's best move that puts them on the phones of queue q at interval i (evaluated, not applied). */
  private movesToward(q: number, i: number): Move[] {
    const { state } = this;
    const { cov } = state;
    const h = state.model.horizon;
    const d = h.dayOf[i];
    const t = h.startMs[i];
    const moves: Move[] = [];
    for (const k of this.state.byQueue[q]) {
      if (!state.people[k].free[d]) continue;
      const plan = state.plan[state.people[k].index];
      const sources = plan[d] ? [d] : state.freeDays[k].filter((from) => from !== d && plan[from]);
      for (const from of sources) {
        const old = plan[from]!;
        const removal = cov.removalDelta(old);
        cov.apply(old, -1);
        let best: Move | undefined;
        for (const c of state.choices(k, d)) {
          if (c.q !== q || c.option.startMs > t || c.option.endMs <= t) continue;
          if (from === d && c.option === old.option && c.q === old.q) continue;
          const b = cov.bestPlacement(c.option, c.q);
          const changes: Array<[number, Placed | null]> = from === d ? [[d, b.placed]] : [[from, null], [d, b.placed]];
          const next = new Map([[k, state.lineWith(k, changes)]]);
          const delta = removal + b.delta + state.linesDelta(next);
          if (!best || delta < best.delta) best = { k, from, to: d, old, placed: b.placed, delta, hard: state.hardDelta(next), next };
        }
        cov.apply(old, 1);
        if (best) moves.push(best);
      }
    }
    return moves;
  }

  private commit(m: Move): void {
    const { state } = this;
    if (m.old) state.cov.apply(m.old, -1);
    state.cov.apply(m.placed, 1);
    state.commitLines(m.next, m.from === m.to ? [[m.k, m.to, m.placed]] : [[m.k, m.from, null], [m.k, m.to, m.placed]]);
  }

  private revert(m: Move, line: LineCost): void {
    const { state } = this;
    state.cov.apply(m.placed, -1);
    if (m.old) state.cov.apply(m.old, 1);
    const back = new Map([[m.k, line]]);
    state.commitLines(back, m.from === m.to ? [[m.k, m.to, m.old]] : [[m.k, m.from, m.old], [m.k, m.to, null]]);
  }
}
