/**
 * The activities' expected time off the phones, added to the requirement while the search chooses who works
 * when (never to the LP bound's model, and taken out again before the roster is priced): per date of an
 * activity's window, its phone attendees × minutes, spread evenly over the window's dates and over the intervals
 * of its hours that need agents, per queue by the attendees' home queue. Without it the search fills a day like TR2's in-seat
 * training day (everyone at work, two hours each off the phones) as if all of them took calls, and placing the
 * training afterwards finds too little surplus; with it, the day is staffed for calls and training together.
 * Returns the function that restores the requirement.
 */
import { clockMinutes } from '../../src/time/clock.ts';
import type { SolverModel } from '../model/build-model.ts';

export function addActivityUplift(m: SolverModel): () => void {
  const h = m.horizon;
  const saved = m.req.required.map((row) => Float64Array.from(row));
  for (const person of m.phone) {
    const q = person.queues[0];
    if (q === undefined) continue;
    for (const { def, days } of person.activities) {
      const agentHours = (def.perPerson * def.minutes) / 60 / days.length;
      for (const d of days) {
        const from = def.hours ? h.instant(h.dates[d], clockMinutes(def.hours.from)) : -Infinity;
        const to = def.hours ? h.instant(h.dates[d], clockMinutes(def.hours.to)) : Infinity;
        const intervals: number[] = [];
        for (let i = h.dayFirst[d]; i < h.dayFirst[d + 1]; i++) {
          if (m.req.required[q][i] > 0 && h.startMs[i] >= from && h.startMs[i] + h.intervalMs <= to) intervals.push(i);
        }
        if (intervals.length === 0) continue;
        const agents = agentHours / (intervals.length * m.intervalHours);
        for (const i of intervals) m.req.required[q][i] += agents;
      }
    }
  }
  return () => saved.forEach((row, q) => m.req.required[q].set(row));
}
