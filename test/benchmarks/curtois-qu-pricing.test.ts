import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { highsRuntime } from '../../solver/benchmarks/highs-mip.ts';
import { cqCosts } from '../../solver/benchmarks/curtois-qu-costs.ts';
import { employeeDp, type EmployeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { Master } from '../../solver/benchmarks/curtois-qu-master.ts';
import { priceAt, smoothDuals } from '../../solver/benchmarks/curtois-qu-pricing.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));
const never = () => false;

// Instance 1's column-generation bound is published as 558 (LP 557.x rounded up; see the column-generation
// test). A Lagrangian bound at any duals within the slack weights is a lower bound on that LP's optimum, and at
// the converged master's own duals it equals the LP value (strong duality).
describe('pricing with smoothed duals', () => {
  it('every bound stays at or below the LP optimum, and meets it once no schedule prices out', async () => {
    const highs = await highsRuntime();
    const instance = readCurtoisQuFile(`${dir}Instance1.txt`);
    const costs = cqCosts(instance);
    const dps = instance.staff.map((_, e) => employeeDp(instance, e)) as EmployeeDp[];
    const master = new Master(highs, instance, costs);
    try {
      // Start: each employee's cheapest row for its requests alone (cover all short).
      instance.staff.forEach((_, e) => master.add(e, dps[e].solve(Float64Array.from(costs.request[e]))[0].row));
      let centre: Float64Array | undefined;
      let best = -Infinity;
      let last = { bound: -Infinity, lp: Infinity, columns: -1 };
      for (let it = 0; it < 500 && last.columns !== 0; it++) {
        const lp = master.solve();
        const current = Float64Array.from(instance.cover, (_, i) => lp.dual[master.coverRow(i)]);
        const smoothed = centre ? priceAt(instance, costs, dps, master, lp, smoothDuals(centre, current, 0.8), never)! : undefined;
        const exact = priceAt(instance, costs, dps, master, lp, current, never)!;
        for (const round of [smoothed, exact]) {
          if (!round) continue;
          expect(round.bound).toBeLessThanOrEqual(558 + 1e-6);
          if (round.bound > best) {
            best = round.bound;
            centre = round.duals;
          }
        }
        // Columns are judged at the LP's own duals, whichever duals they were priced at.
        for (const c of [...(smoothed?.columns ?? []), ...exact.columns]) master.add(c.employee, c.row);
        last = { bound: exact.bound, lp: lp.value, columns: exact.columns.length };
      }
      expect(last.columns).toBe(0);
      expect(last.bound).toBeCloseTo(last.lp, 6);
      expect(Math.ceil(last.lp - 1e-6)).toBe(558);
    } finally {
      master.dispose();
    }
  });

  it('smoothing mixes the centre and the current duals by the weight given', () => {
    const mixed = smoothDuals(Float64Array.from([10, 0, -4]), Float64Array.from([0, 5, 4]), 0.8);
    expect(Array.from(mixed)).toEqual([8, 1, -2.4].map((v) => expect.closeTo(v, 12)));
  });
});
