/**
 * The tiny center's first named roster (month LP plan, named assignment, meals and breaks) under requirements
 * 30% above what it can staff, so intervals stay short: the starting point of the tests of the search's
 * repairs (chain-repair, day re-design).
 */
import { assignNamed, type Plan } from '../../solver/assign/initial-assignment.ts';
import { buildGroups } from '../../solver/design/groups.ts';
import { planMonth } from '../../solver/design/month-plan.ts';
import type { LpBackend } from '../../solver/lp/linear-model.ts';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import type { Person } from '../../solver/model/people.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { CoverageState } from '../../solver/search/coverage-state.ts';
import { SearchState } from '../../solver/search/search-state.ts';
import { pinnedCoverage } from '../../solver/solve-roster.ts';
import { MONTH, tinyCenter } from './fixture.ts';

export function shortRoster(highs: LpBackend): { state: SearchState; plan: Plan } {
  const center = tinyCenter();
  const requirements = requirementsFromBankProfile(center, MONTH).map((r) => ({ ...r, required: Math.ceil(r.required * 1.3) }));
  const m = buildSolverModel({ center, month: MONTH, requirements });
  const groups = buildGroups(m);
  const groupIndex = new Map<Person, number>();
  groups.forEach((g) => g.members.forEach((p) => groupIndex.set(p, g.index)));
  const fixed = pinnedCoverage(m);
  const month = planMonth(m, groups, highs, fixed, { timeLimitMs: 600_000 });
  const cov = new CoverageState(m, fixed);
  const plan = assignNamed(m, groups, month.counts, cov);
  return { state: new SearchState(m, plan, cov, groupIndex), plan };
}

/** The coverage the plan's shifts, meals and breaks make, computed afresh. */
export function freshCoverage(state: SearchState, plan: Plan): CoverageState {
  const fresh = new CoverageState(state.model, pinnedCoverage(state.model));
  for (const line of plan) for (const placed of line) if (placed) fresh.apply(placed, 1);
  return fresh;
}
