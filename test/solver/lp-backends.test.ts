// One LpBackend interface, two engines: HiGHS and javascript-lp-solver must agree on textbook models (optimum
// by hand) and on the per-day shift-design model.
import { beforeAll, describe, expect, it } from 'vitest';
import { LinearModel, solveEach, type LpBackend } from '../../solver/lp/linear-model.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import { createJsLpBackend } from '../../solver/lp/jslp-backend.ts';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import { buildGroups } from '../../solver/design/groups.ts';
import { buildDayDesign } from '../../solver/design/day-design.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { MONTH, tinyCenter } from './fixture.ts';

let highs: LpBackend;
const jslp = createJsLpBackend();
beforeAll(async () => {
  highs = await createHighsBackend();
});

/** min x + 2y s.t. x + y ≥ 3, x ≤ 2: the optimum is x = 2, y = 1, objective 4. */
function tinyLp(): LinearModel {
  const lp = new LinearModel();
  const x = lp.addVar(0, 2, 1);
  const y = lp.addVar(0, Infinity, 2);
  lp.addRow([x, y], [1, 1], 3, Infinity);
  return lp;
}

/** max 5x + 4y s.t. 6x + 4y ≤ 24, x + 2y ≤ 6, x, y integer: LP optimum 21 at (3, 1.5), integer optimum 20 at (4, 0). */
function tinyMip(): LinearModel {
  const lp = new LinearModel();
  const x = lp.addVar(0, Infinity, -5, true);
  const y = lp.addVar(0, Infinity, -4, true);
  lp.addRow([x, y], [6, 4], -Infinity, 24);
  lp.addRow([x, y], [1, 2], -Infinity, 6);
  return lp;
}

describe('LpBackend', () => {
  it('both solve the textbook LP and MIP to their optimum', () => {
    for (const backend of [highs, jslp]) {
      const lp = backend.solve(tinyLp());
      expect([backend.name, lp.status, lp.objective]).toEqual([backend.name, 'optimal', 4]);
      expect(Array.from(lp.values)).toEqual([2, 1]);
      const mip = backend.solve(tinyMip());
      expect(mip.objective).toBeCloseTo(-20, 9);
      expect(Array.from(mip.values, (v) => Math.round(v) + 0)).toEqual([4, 0]);
      expect(backend.solve(tinyMip(), { relax: true }).objective).toBeCloseTo(-21, 9);
    }
  });

  it('solves a sequence of objectives on one model (warm start) as separate solves would', () => {
    const lp = tinyLp();
    const [first, second] = solveEach(highs, lp, [Float64Array.from([1, 2]), Float64Array.from([3, 1])]);
    expect(first.objective).toBe(4);
    // min 3x + y with x + y ≥ 3, x ≤ 2: x = 0, y = 3.
    expect(second.objective).toBe(3);
  });

  it('gives the same optimum by interior point (then warm simplex) as by simplex', () => {
    for (const lpMethod of ['ipm', 'simplex'] as const) {
      const [first, second] = solveEach(highs, tinyLp(), [Float64Array.from([1, 2]), Float64Array.from([3, 1])], { lpMethod });
      expect([lpMethod, first.status, second.status]).toEqual([lpMethod, 'optimal', 'optimal']);
      expect(first.objective).toBeCloseTo(4, 7);
      expect(second.objective).toBeCloseTo(3, 7);
    }
  });

  it('agree on the per-day shift-design model of the tiny center (LP relaxation)', () => {
    const center = tinyCenter();
    const m = buildSolverModel({ center, month: MONTH, requirements: requirementsFromBankProfile(center, MONTH) });
    const groups = buildGroups(m);
    const staff = new Map(groups.map((g) => [g.index, Math.ceil(g.free[0] * 0.7)]));
    const fixed = m.queueIds.map(() => new Float64Array(m.horizon.startMs.length));
    const design = buildDayDesign(m, groups, 0, staff, fixed, false);
    const a = highs.solve(design.lp);
    const b = jslp.solve(design.lp);
    expect(a.status).toBe('optimal');
    expect(b.status).toBe('optimal');
    expect(b.objective).toBeCloseTo(a.objective, 6);
    expect(design.lp.infeasibilityOf(b.values)).toBeLessThan(1e-6);
  });
});
