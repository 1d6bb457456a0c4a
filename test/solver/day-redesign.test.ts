// The day re-design (solver/search/day-redesign.ts) on the tiny center's first named roster, with requirements
// above what it can staff: what it keeps lowers the objective by exactly what it reports, adds no hard
// violation, keeps who works each day, and leaves the coverage exactly as the plan's shifts, meals and breaks
// make it; a day it cannot improve is left exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../solver/assign/initial-assignment.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import type { LpBackend } from '../../solver/lp/linear-model.ts';
import { redesignDay } from '../../solver/search/day-redesign.ts';
import type { SearchState } from '../../solver/search/search-state.ts';
import { freshCoverage, shortRoster } from './short-roster.ts';

let state: SearchState;
let plan: Plan;
let highs: LpBackend;

beforeAll(async () => {
  highs = await createHighsBackend();
  ({ state, plan } = shortRoster(highs));
});

const working = (d: number) => plan.map((line) => line[d] !== null);

function expectCoverageExact(): void {
  const fresh = freshCoverage(state, plan);
  state.cov.cov.forEach((c, q) => c.forEach((v, i) => expect(Math.abs(v - fresh.cov[q][i])).toBeLessThan(1e-9)));
}

describe('day re-design', () => {
  it('keeps what lowers the objective, by exactly what it reports, with the same people at work', () => {
    const hardBefore = state.hardTotal();
    let kept = 0;
    for (let d = 0; d < state.model.horizon.dates.length && kept < 3; d++) {
      const before = state.objective();
      const who = working(d);
      const gain = redesignDay(state, highs, d, 600_000);
      expect(gain).toBeLessThanOrEqual(0);
      if (gain < 0) kept++;
      expect(Math.abs(state.objective() - (before + gain))).toBeLessThan(1e-9 * before);
      expect(working(d)).toEqual(who);
    }
    expect(kept).toBeGreaterThan(0);
    expect(state.hardTotal()).toBeLessThanOrEqual(hardBefore);
    expectCoverageExact();
  });

  it('a day already re-designed is left exactly as it is', () => {
    const d = 0;
    redesignDay(state, highs, d, 600_000);
    const snapshot = plan.map((line) => line[d]);
    const before = state.objective();
    expect(redesignDay(state, highs, d, 600_000)).toBe(0);
    expect(plan.map((line) => line[d])).toEqual(snapshot);
    expect(state.objective()).toBeCloseTo(before, 9);
    expectCoverageExact();
  });
});
