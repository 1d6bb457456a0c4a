/**
 * Exact best schedule of one employee for given per-day, per-shift costs, by dynamic programming over days
 * (the pricing problem of branch-and-price for this benchmark, Curtois & Qu 2014 §4). Labels are kept per day
 * (sparse: only reachable states), deduplicated through one dense index per state.
 * State after a day: the succession class of its shift (shifts sharing a "cannot follow" list) or off, the
 * length of the current run (work runs up to MaxConsecutiveShifts, off runs capped at MinConsecutiveDaysOff),
 * whether that run started on day 0 (exempt from the minimums), paid minutes (in units of the shift lengths'
 * gcd), and — when tracked (curtois-qu-dp.ts decides) — weekends worked and counts of the shift types whose
 * limit can bind. Every other hard rule of the employee holds on every path.
 */
import type { CqInstance } from './curtois-qu-instance.ts';

/** Largest dense state index accepted (the dedupe index is an Int32Array of this size). */
const MAX_STATES = 8_000_000;
/** Most labels over all days of one solve. */
export const MAX_LABELS = 6_000_000;

/** Scratch shared by every DP of this thread (one solve runs at a time). */
const scratch = {
  pos: new Int32Array(0),
  idx: new Int32Array(0),
  val: new Float64Array(0),
  from: new Int32Array(0),
  opt: new Int8Array(0),
};

function ensurePos(states: number): void {
  if (scratch.pos.length < states) scratch.pos = new Int32Array(states).fill(-1);
}

function growLabels(): void {
  const size = Math.min(MAX_LABELS, Math.max(1 << 16, scratch.idx.length * 2));
  if (size <= scratch.idx.length) throw new DpLimitError();
  const grow = <A extends Int32Array | Float64Array | Int8Array>(a: A, make: (n: number) => A): A => {
    const b = make(size);
    b.set(a as never);
    return b;
  };
  scratch.idx = grow(scratch.idx, (n) => new Int32Array(n));
  scratch.val = grow(scratch.val, (n) => new Float64Array(n));
  scratch.from = grow(scratch.from, (n) => new Int32Array(n));
  scratch.opt = grow(scratch.opt, (n) => new Int8Array(n));
}

/** The DP outgrew its label budget: use another method for this employee. */
export class DpLimitError extends Error {
  override name = 'DpLimitError';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export interface Tracked {
  /** Shift types whose per-type limit is a state dimension. */
  types: ReadonlySet<number>;
  /** The weekend count is a state dimension. */
  weekends: boolean;
}

export interface DpCore {
  employee: number;
  days: number;
  shifts: number;
  /** Size of the dense state space. */
  states: number;
  /** Shift types the employee may work at all. */
  usable: number[];
  /** Cheapest rows for `cost` (d·T + t, Infinity forbids), best first, one per final state; none if infeasible. */
  solve(cost: Float64Array, alternatives: number): Array<{ row: number[]; cost: number }>;
  /** Labels created by the last solve. */
  labels: number;
}

/** The DP with the given limits tracked (the others relaxed), or undefined when its state space is too large. */
export function dpCore(instance: CqInstance, e: number, tracked: Tracked): DpCore | undefined {
  const s = instance.staff[e];
  const D = instance.horizon;
  const T = instance.shifts.length;
  const off = new Set(s.daysOff);
  const freeDays = D - off.size;
  const usable = instance.shifts.flatMap((sh, t) => ((s.maxShifts[sh.id] ?? D) > 0 ? [t] : []));
  // Succession classes: shifts with the same "cannot follow" list behave alike as the previous day's shift.
  const classKey = usable.map((t) => [...instance.shifts[t].cannotFollow].sort().join('|'));
  const classes = [...new Set(classKey)];
  const C = classes.length;
  const classOf = new Int32Array(T).fill(-1);
  usable.forEach((t, i) => (classOf[t] = classes.indexOf(classKey[i])));
  const forbidden: boolean[][] = classes.map((_, c) => {
    const t0 = usable[classKey.indexOf(classes[c])];
    const list = new Set(instance.shifts[t0].cannotFollow);
    return instance.shifts.map((sh) => list.has(sh.id));
  });
  const g = usable.reduce((acc, t) => gcd(acc, instance.shifts[t].minutes), 0) || 1;
  const level = new Int32Array(T);
  usable.forEach((t) => (level[t] = instance.shifts[t].minutes / g));
  const M = Math.floor(s.maxTotalMinutes / g) + 1;
  const minLevel = Math.ceil(s.minTotalMinutes / g);
  const maxC = Math.max(1, s.maxConsecutiveShifts);
  const minC = s.minConsecutiveShifts;
  const offCap = Math.max(1, s.minConsecutiveDaysOff);
  const R = Math.max(maxC, offCap);
  const weekendCount = Math.floor((D + 1) / 7);
  const W = tracked.weekends && s.maxWeekends < weekendCount ? s.maxWeekends + 1 : 1;
  // Binding per-type limits, as a mixed-radix counter.
  const radix = new Int32Array(T).fill(0);
  const limit = new Int32Array(T).fill(0);
  let K = 1;
  for (const t of usable) {
    const max = s.maxShifts[instance.shifts[t].id] ?? D;
    if (max < freeDays && tracked.types.has(t)) {
      radix[t] = K;
      limit[t] = max;
      K *= max + 1;
    }
  }
  const S = (C + 1) * R * 2 * M * W * K;
  if (!Number.isFinite(S) || S > MAX_STATES || T > 127) return undefined;
  const maxLevelPerDay = usable.reduce((m, t) => Math.max(m, level[t]), 0);
  const stride = { k: 1, w: K, m: K * W, f: K * W * M, r: K * W * M * 2, c: K * W * M * 2 * R };
  const dayOfWeek = (d: number) => d % 7; // day 0 is a Monday

  const dayStart = new Int32Array(D + 1);

  return {
    employee: e,
    days: D,
    shifts: T,
    states: S,
    usable,
    labels: 0,
    solve(cost, alternatives) {
      ensurePos(S);
      const { pos } = scratch;
      let n = 0;
      let day = 0;
      const push = (idx: number, value: number, from: number, option: number) => {
        const p = pos[idx];
        if (p >= 0) {
          if (value < scratch.val[p]) {
            scratch.val[p] = value;
            scratch.from[p] = from;
            scratch.opt[p] = option;
          }
          return;
        }
        if (n >= scratch.idx.length) growLabels();
        pos[idx] = n;
        scratch.idx[n] = idx;
        scratch.val[n] = value;
        scratch.from[n] = from;
        scratch.opt[n] = option;
        n++;
      };
      const closeDay = () => {
        for (let p = dayStart[day]; p < n; p++) pos[scratch.idx[p]] = -1;
        dayStart[day + 1] = n;
      };
      try {
        // Day 0, from the virtual start: its run begins on day 0, so it is exempt from the minimums (f = 1).
        dayStart[0] = 0;
        const firstRemaining = (D - 1) * maxLevelPerDay;
        if (firstRemaining >= minLevel) push(C * stride.c + stride.f, 0, -1, -1);
        if (!off.has(0)) {
          const w = dayOfWeek(0) >= 5 && W > 1 ? 1 : 0;
          for (const t of usable) {
            if (cost[t] === Infinity || level[t] >= M || w >= W || level[t] + firstRemaining < minLevel) continue;
            push(classOf[t] * stride.c + stride.f + level[t] * stride.m + w * stride.w + radix[t], cost[t], -1, t);
          }
        }
        closeDay();
        for (day = 1; day < D; day++) {
          const d = day;
          const dow = dayOfWeek(d);
          const remainingMax = (D - 1 - d) * maxLevelPerDay;
          const dayOff = off.has(d);
          const last = dayStart[d];
          for (let p = dayStart[d - 1]; p < last; p++) {
            const idx = scratch.idx[p];
            const value = scratch.val[p];
            const cls = Math.floor(idx / stride.c);
            let rest = idx - cls * stride.c;
            const r = Math.floor(rest / stride.r) + 1;
            rest -= (r - 1) * stride.r;
            const f = Math.floor(rest / stride.f);
            rest -= f * stride.f;
            const m = Math.floor(rest / stride.m);
            rest -= m * stride.m;
            const w = Math.floor(rest / stride.w);
            const k = rest - w * stride.w;
            const keep = m * stride.m + w * stride.w + k;
            const enough = m + remainingMax >= minLevel;
            if (cls === C) {
              // Stay off; or end the off run (interior runs need MinConsecutiveDaysOff days).
              if (enough) push(C * stride.c + (Math.min(r + 1, offCap) - 1) * stride.r + f * stride.f + keep, value, p, -1);
              if (dayOff || (f === 0 && r < s.minConsecutiveDaysOff)) continue;
            } else {
              // End the work run (interior runs need MinConsecutiveShifts days); or go on working.
              if ((f === 1 || r >= minC) && enough) push(C * stride.c + keep, value, p, -1);
              if (dayOff || r >= maxC) continue;
            }
            const nr = cls === C ? 1 : r + 1;
            const nf = cls === C ? 0 : f;
            // A weekend counts once: on its Saturday, or on its Sunday when the Saturday was off.
            const nw = W > 1 && (dow === 5 || (dow === 6 && cls === C)) ? w + 1 : w;
            if (nw >= W) continue;
            const head = (nr - 1) * stride.r + nf * stride.f + nw * stride.w;
            for (const t of usable) {
              const c = cost[d * T + t];
              if (c === Infinity || (cls !== C && forbidden[cls][t])) continue;
              const nm = m + level[t];
              if (nm >= M || nm + remainingMax < minLevel) continue;
              let nk = k;
              if (radix[t]) {
                if (Math.floor(k / radix[t]) % (limit[t] + 1) >= limit[t]) continue;
                nk = k + radix[t];
              }
              push(classOf[t] * stride.c + head + nm * stride.m + nk, value + c, p, t);
            }
          }
          closeDay();
        }
      } catch (err) {
        for (let p = dayStart[day]; p < n; p++) pos[scratch.idx[p]] = -1;
        throw err;
      }
      this.labels = n;
      // The best final states with enough minutes.
      const finals: number[] = [];
      for (let p = dayStart[D - 1]; p < dayStart[D]; p++) {
        if (Math.floor((scratch.idx[p] % stride.f) / stride.m) >= minLevel) finals.push(p);
      }
      finals.sort((a, b) => scratch.val[a] - scratch.val[b]);
      return finals.slice(0, Math.max(1, alternatives ?? 1)).map((label) => {
        const row = new Array<number>(D).fill(-1);
        for (let d = D - 1, p = label; d >= 0; d--) {
          row[d] = scratch.opt[p];
          p = scratch.from[p];
        }
        return { row, cost: scratch.val[label] };
      });
    },
  };
}
