/**
 * Neighbourhoods of the MIP large-neighbourhood search (curtois-qu-lns.ts) aimed at the cover left short: on
 * the large generated instances the best-response start leaves tens of cover units short (weight 100 each),
 * and random subsets of 120 employees rarely hold the few who could take a short (day, shift) while another
 * takes their place. An aimed neighbourhood picks one short cover row and frees employees who may work its
 * shift that day — over the whole horizon, or over a window of days around it. Linear in staff × days.
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import type { Random } from './random.ts';

export interface Neighbourhood {
  employees: number[];
  /** Days left free, or undefined for the whole horizon. */
  days?: [number, number];
}

/** Cover rows (indexes into instance.cover) below their requirement, with a cost for being short. */
export function shortCover(instance: CqInstance, solution: CqSolution): number[] {
  const T = instance.shifts.length;
  const counts = new Int32Array(instance.horizon * T);
  for (const row of solution) row.forEach((t, d) => t >= 0 && counts[d * T + t]++);
  return instance.cover.flatMap((c, i) => (c.underWeight > 0 && counts[c.day * T + c.shift] < c.requirement ? [i] : []));
}

/**
 * A neighbourhood around one short cover row: `size` employees (whole horizon), or `3 × size` employees over
 * `window` days around its day; undefined when no row is short.
 */
export function aimedNeighbourhood(instance: CqInstance, solution: CqSolution, rng: Random, size: number, window: number, byDays: boolean): Neighbourhood | undefined {
  const short = shortCover(instance, solution);
  if (short.length === 0) return undefined;
  const { day, shift } = instance.cover[short[rng.int(short.length)]];
  const id = instance.shifts[shift].id;
  const D = instance.horizon;
  const E = instance.staff.length;
  // Who may work the shift that day (not already on it), first; the others fill up the count.
  const able = (e: number) => {
    const s = instance.staff[e];
    return (s.maxShifts[id] ?? D) > 0 && !s.daysOff.includes(day) && solution[e][day] !== shift;
  };
  const order = rng.shuffle(Array.from({ length: E }, (_, e) => e));
  const ranked = [...order.filter(able), ...order.filter((e) => !able(e))];
  if (!byDays) return { employees: ranked.slice(0, Math.min(E, size)) };
  const first = Math.max(0, Math.min(D - window, day - Math.floor(window / 2)));
  return { employees: ranked.slice(0, Math.min(E, 3 * size)), days: [first, first + window - 1] };
}
