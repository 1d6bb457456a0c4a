/**
 * The benchmark's objective, computed straight from its definition (Curtois & Qu 2014): each shift-on request
 * not granted costs its weight, each shift-off request violated costs its weight, and for every cover row each
 * employee short of the requirement costs the under weight and each one above it the over weight.
 * Independent of the optimizer's own incremental bookkeeping, so it can check it.
 */
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';

export interface CqObjective {
  total: number;
  onRequests: number;
  offRequests: number;
  under: number;
  over: number;
}

export function cqObjective(instance: CqInstance, solution: CqSolution): CqObjective {
  let onRequests = 0;
  for (const r of instance.onRequests) if (solution[r.employee][r.day] !== r.shift) onRequests += r.weight;
  let offRequests = 0;
  for (const r of instance.offRequests) if (solution[r.employee][r.day] === r.shift) offRequests += r.weight;
  let under = 0;
  let over = 0;
  for (const c of instance.cover) {
    let count = 0;
    for (const row of solution) if (row[c.day] === c.shift) count++;
    if (count < c.requirement) under += (c.requirement - count) * c.underWeight;
    else over += (count - c.requirement) * c.overWeight;
  }
  return { total: onRequests + offRequests + under + over, onRequests, offRequests, under, over };
}
