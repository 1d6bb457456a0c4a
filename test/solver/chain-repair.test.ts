// The short-interval repair of the local search (solver/search/chain-repair.ts) on the tiny center's first
// named roster: what it keeps lowers the objective by exactly what it reports, never adds a hard violation, and
// what it tries and undoes leaves the coverage exactly as the plan's shifts, meals and breaks make it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../solver/assign/initial-assignment.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import { ChainRepair } from '../../solver/search/chain-repair.ts';
import type { CoverageState } from '../../solver/search/coverage-state.ts';
import type { SearchState } from '../../solver/search/search-state.ts';
import { freshCoverage, shortRoster } from './short-roster.ts';

let state: SearchState;
let plan: Plan;

beforeAll(async () => {
  ({ state, plan } = shortRoster(await createHighsBackend()));
});

function shortIntervals(cov: CoverageState): Array<{ q: number; i: number }> {
  const short: Array<{ q: number; i: number }> = [];
  cov.cov.forEach((c, q) => c.forEach((v, i) => v < cov.req[q][i] - 1e-9 && short.push({ q, i })));
  return short;
}

describe('short-interval repair', () => {
  it('lowers the objective by what it reports, adds no hard violation and keeps the coverage exact', () => {
    const short = shortIntervals(state.cov);
    expect(short.length).toBeGreaterThan(0);
    const before = state.objective();
    const hardBefore = state.hardTotal();
    const gained = new ChainRepair(state).run(short, Infinity);
    expect(gained).toBeLessThan(0);
    // Up to floating-point drift over thousands of tried and undone moves.
    expect(Math.abs(state.objective() - (before + gained))).toBeLessThan(1e-9 * before);
    expect(state.hardTotal()).toBeLessThanOrEqual(hardBefore);
    const fresh = freshCoverage(state, plan);
    state.cov.cov.forEach((c, q) => c.forEach((v, i) => expect(Math.abs(v - fresh.cov[q][i])).toBeLessThan(1e-9)));
  });
});
