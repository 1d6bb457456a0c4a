// CoverageState.bestPlacement prices a shift once and each meal position by its corrections: its answer must be
// the exact cost change of applying the shift (measured on the whole coverage), and no meal position and break
// slots (all combinations enumerated) may do better.
import { describe, expect, it } from 'vitest';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import { CoverageState, type Placed } from '../../solver/search/coverage-state.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { seededRandom } from '../../src/demo/generate-center.ts';
import { MONTH, tinyCenter } from './fixture.ts';

/** Every meal position × break-slot combination of a shift, each as a Placed. */
function everyPlacement(p: Omit<Placed, 'meal' | 'slots'>): Placed[] {
  return p.option.meals.flatMap((meal, m) => {
    let combos: number[][] = [[]];
    for (const block of meal.blocks) combos = combos.flatMap((c) => Array.from({ length: Math.max(1, block.length) }, (_, s) => [...c, s]));
    return combos.map((slots) => ({ ...p, meal: m, slots }));
  });
}

describe('bestPlacement', () => {
  it('equals the measured cost change of the shift it places, and nothing enumerated is cheaper', () => {
    const center = tinyCenter();
    const m = buildSolverModel({ center, month: MONTH, requirements: requirementsFromBankProfile(center, MONTH) });
    const cov = new CoverageState(m);
    const rand = seededRandom(7);
    // Uneven coverage around the requirement, so meals and breaks have real choices to make.
    cov.cov.forEach((c, q) => c.forEach((_, i) => (c[i] = Math.max(0, (cov.req[q][i] || 0) + Math.round((rand() - 0.5) * 8) / 3))));
    let checked = 0;
    for (const option of [...m.optionsByDay[0], ...m.optionsByDay[5]]) {
      for (let q = 0; q < m.queueIds.length; q++) {
        const best = cov.bestPlacement(option, q);
        const before = cov.totals().cost;
        cov.apply(best.placed, 1);
        const measured = cov.totals().cost - before;
        cov.apply(best.placed, -1);
        // The break tie-break (1e-9 × spare agents) is the only difference allowed.
        expect(best.delta).toBeCloseTo(measured, 6);
        let cheapest = Infinity;
        for (const p of everyPlacement({ option, q })) {
          cov.apply(p, 1);
          cheapest = Math.min(cheapest, cov.totals().cost - before);
          cov.apply(p, -1);
        }
        expect(measured).toBeCloseTo(cheapest, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4);
  });
});
