import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { employeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { buildCqMip } from '../../solver/benchmarks/curtois-qu-mip.ts';
import { highsRuntime, solveMip } from '../../solver/benchmarks/highs-mip.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { Random } from '../../solver/benchmarks/random.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));

// The DP's optimum is checked against an independent method: HiGHS on the single-employee 0-1 model
// (curtois-qu-mip.ts) with the same costs; its row is checked against the general contract rules.
describe('employee DP (exact best schedule of one employee)', () => {
  // Instance7 employee E has a binding limit of 9 L shifts; Instance8 employee N binding limits on E, L, N
  // and two weekends; Instance9 mixes 480- and 600-minute shifts.
  it.each([
    [7, 'E'],
    [8, 'N'],
    [9, 'A'],
  ])('Instance%i employee %s: same optimum as the MIP, on random costs', async (n, id) => {
    const highs = await highsRuntime();
    const inst = readCurtoisQuFile(`${dir}Instance${n}.txt`);
    const e = inst.staff.findIndex((s) => s.id === id);
    const D = inst.horizon;
    const T = inst.shifts.length;
    const dp = employeeDp(inst, e)!;
    const rng = new Random(n);
    for (let rep = 0; rep < 2; rep++) {
      const cost = Float64Array.from({ length: D * T }, () => Math.round(rng.next() * 24 - 16));
      const [best] = dp.solve(cost);
      const mip = buildCqMip(inst, { employees: [e] });
      mip.colCost.fill(0);
      mip.offset = 0;
      for (let k = 0; k < D * T; k++) if (mip.x[k] >= 0) mip.colCost[mip.x[k]] = cost[k];
      const exact = solveMip(highs, mip, { timeLimitSeconds: 600 });
      expect(exact.optimal).toBe(true);
      expect(best.cost).toBeCloseTo(exact.objective, 6);
      const alone = inst.staff.map((_, k) => (k === e ? best.row : new Array<number>(D).fill(-1)));
      expect(cqHardViolations(inst, alone).filter((v) => v.agent === id)).toEqual([]);
    }
  });

  it('with a label budget too small to track a limit: prices it, keeps the rules and a valid lower bound', () => {
    // Instance8 employee N has binding limits on E, L and N shifts: with a budget of 1 label every one is
    // priced (the weekend limit is still tracked). The row keeps the rules and costs at least the exact optimum,
    // and lowerBound stays at most that optimum.
    const inst = readCurtoisQuFile(`${dir}Instance8.txt`);
    const e = inst.staff.findIndex((s) => s.id === 'N');
    const D = inst.horizon;
    const T = inst.shifts.length;
    const exactDp = employeeDp(inst, e)!;
    const pricedDp = employeeDp(inst, e, 1)!;
    const rng = new Random(8);
    let priced = 0;
    for (let rep = 0; rep < 6; rep++) {
      const cost = Float64Array.from({ length: D * T }, () => Math.round(rng.next() * 24 - 16));
      const [exact] = exactDp.solve(cost);
      const [row] = pricedDp.solve(cost);
      if (!pricedDp.exact) priced++;
      expect(pricedDp.lowerBound).toBeLessThanOrEqual(exact.cost + 1e-9);
      expect(row.cost).toBeGreaterThanOrEqual(exact.cost - 1e-9);
      const alone = inst.staff.map((_, k) => (k === e ? row.row : new Array<number>(D).fill(-1)));
      expect(cqHardViolations(inst, alone).filter((v) => v.agent === 'N')).toEqual([]);
    }
    expect(priced).toBeGreaterThan(0);
  });

  it('returns nothing when the costs forbid every feasible schedule', () => {
    const inst = readCurtoisQuFile(`${dir}Instance1.txt`);
    const dp = employeeDp(inst, 0)!;
    // Forbidding shift D on all but 5 days leaves at most 5 × 480 = 2400 minutes, below the 3360 minimum.
    const cost = Float64Array.from({ length: 14 }, (_, d) => (d < 5 ? 0 : Infinity));
    expect(dp.solve(cost)).toEqual([]);
  });
});
