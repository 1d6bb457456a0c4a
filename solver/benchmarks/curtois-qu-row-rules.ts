/**
 * Every hard rule of one employee checked on one row, in O(days), for the local search
 * (curtois-qu-local-search.ts), which tries thousands of rows a second where the rulebook check
 * (curtois-qu-hard.ts) would take milliseconds each. Same reading of the rules as the DP
 * (curtois-qu-dp-core.ts): a run of work or rest that starts on day 0 or reaches the last day is exempt from
 * the minimum run lengths; a weekend counts once, worked on its Saturday or Sunday.
 */
import type { CqInstance } from './curtois-qu-instance.ts';

export interface RowRules {
  /** The row (shift index per day, -1 off) meets every hard rule of the employee. */
  feasible(row: ArrayLike<number>): boolean;
}

export function rowRules(instance: CqInstance, e: number): RowRules {
  const s = instance.staff[e];
  const D = instance.horizon;
  const T = instance.shifts.length;
  const minutes = Int32Array.from(instance.shifts, (sh) => sh.minutes);
  const maxOfType = Int32Array.from(instance.shifts, (sh) => s.maxShifts[sh.id] ?? D);
  const follows = new Uint8Array(T * T); // follows[prev·T + next] = 1 when next cannot follow prev
  instance.shifts.forEach((sh, p) => sh.cannotFollow.forEach((id) => {
    const n = instance.shifts.findIndex((x) => x.id === id);
    if (n >= 0) follows[p * T + n] = 1;
  }));
  const dayOff = new Uint8Array(D);
  for (const d of s.daysOff) if (d >= 0 && d < D) dayOff[d] = 1;
  const maxC = Math.max(1, s.maxConsecutiveShifts);
  const perType = new Int32Array(T);
  return {
    feasible(row) {
      perType.fill(0);
      let total = 0;
      let weekends = 0;
      let run = 0; // length of the current run (work when working, rest when off)
      let runFromStart = true;
      for (let d = 0; d < D; d++) {
        const t = row[d];
        const working = t >= 0;
        if (working) {
          if (dayOff[d] || ++perType[t] > maxOfType[t]) return false;
          total += minutes[t];
          if (d > 0 && row[d - 1] >= 0 && follows[row[d - 1] * T + t]) return false;
          const dow = d % 7; // day 0 is a Monday
          if (dow === 5 || (dow === 6 && row[d - 1] < 0)) weekends++;
        }
        const same = d > 0 && (row[d - 1] >= 0) === working;
        if (d === 0 || same) run++;
        else {
          // A run ended yesterday: interior runs need their minimum length.
          if (!runFromStart && run < (working ? s.minConsecutiveDaysOff : s.minConsecutiveShifts)) return false;
          run = 1;
          runFromStart = false;
        }
        if (working && run > maxC) return false;
      }
      return total <= s.maxTotalMinutes && total >= s.minTotalMinutes && weekends <= s.maxWeekends;
    },
  };
}
