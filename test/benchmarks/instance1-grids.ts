/**
 * Hand-made Instance1 grids (14 days, 8 employees, shift D of 480 min; each row "." = off, "D" = D).
 * Instance1's contracts: 7–9 shifts (3360–4320 min), runs of 2–5 working days, off runs of ≥ 2 days inside the
 * horizon, at most 1 weekend (days 5–6, 12–13); fixed days off A0 B5 C8 D2 E9 F5 G1 H7.
 */
import type { CqInstance, CqSolution } from '../../solver/benchmarks/curtois-qu-instance.ts';

export const FEASIBLE_ROWS: Record<string, string> = {
  A: '.DDDD..DDDD...', // 8 shifts, runs 4+4, no weekend
  B: 'DDDD.....DDDD.', // 8 shifts, one weekend (day 12)
  C: 'DDDD.....DDDD.',
  D: 'D..DD..DDDD...', // 7 shifts; the lone day 0 touches the start (exempt)
  E: 'DDDD...DD..DD.', // 8 shifts, off runs 3 and 2, one weekend
  F: 'DDDD.....DDDD.',
  G: 'D..DD..DDDD...',
  H: 'DDDD.....DDDD.',
};

export function grid(instance: CqInstance, rows: Record<string, string>): CqSolution {
  return instance.staff.map((s) => [...rows[s.id]].map((c) => (c === '.' ? -1 : instance.shifts.findIndex((t) => t.id === c))));
}
