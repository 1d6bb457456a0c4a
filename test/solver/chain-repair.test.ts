// The short-interval repair of the local search (solver/search/chain-repair.ts) on the tiny center's first
// named roster: what it keeps lowers the objective by exactly what it reports, never adds a hard violation, and
// what it tries and undoes leaves the coverage exactly as the plan's shifts, meals and breaks make it.
import { beforeAll, describe, expect, it } from 'vitest';
import { assignNamed, type Plan } from '../../solver/assign/initial-assignment.ts';
import { buildGroups } from '../../solver/design/groups.ts';
import { planMonth } from '../../solver/design/month-plan.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import type { Person } from '../../solver/model/people.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { ChainRepair } from '../../solver/search/chain-repair.ts';
import { CoverageState } from '../../solver/search/coverage-state.ts';
import { SearchState } from '../../solver/search/search-state.ts';
import { pinnedCoverage } from '../../solver/solve-roster.ts';
import { MONTH, tinyCenter } from './fixture.ts';

let state: SearchState;
let plan: Plan;

beforeAll(async () => {
  const center = tinyCenter();
  // Requirements above what the center can staff, so that intervals stay short.
  const requirements = requirementsFromBankProfile(center, MONTH).map((r) => ({ ...r, required: Math.ceil(r.required * 1.3) }));
  const m = buildSolverModel({ center, month: MONTH, requirements });
  const groups = buildGroups(m);
  const groupIndex = new Map<Person, number>();
  groups.forEach((g) => g.members.forEach((p) => groupIndex.set(p, g.index)));
  const fixed = pinnedCoverage(m);
  const month = planMonth(m, groups, await createHighsBackend(), fixed, { timeLimitMs: 20_000 });
  const cov = new CoverageState(m, fixed);
  plan = assignNamed(m, groups, month.counts, cov);
  state = new SearchState(m, plan, cov, groupIndex);
}, 30_000);

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
    const gained = new ChainRepair(state).run(short, performance.now() + 10_000);
    expect(gained).toBeLessThan(0);
    // Up to floating-point drift over thousands of tried and undone moves.
    expect(Math.abs(state.objective() - (before + gained))).toBeLessThan(1e-9 * before);
    expect(state.hardTotal()).toBeLessThanOrEqual(hardBefore);
    const fresh = new CoverageState(state.model, pinnedCoverage(state.model));
    for (const line of plan) for (const placed of line) if (placed) fresh.apply(placed, 1);
    state.cov.cov.forEach((c, q) => c.forEach((v, i) => expect(Math.abs(v - fresh.cov[q][i])).toBeLessThan(1e-9)));
  });
});
