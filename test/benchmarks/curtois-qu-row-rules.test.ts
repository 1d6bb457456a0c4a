/**
 * The local search's fast row check (solver/benchmarks/curtois-qu-row-rules.ts) against the rulebook
 * (curtois-qu-hard.ts, an independent implementation through ShiftCast's rules): on rows the DP made
 * (feasible) and the same rows with one to three cells changed at random (mostly near misses), both must say
 * the same for every employee.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile, parseCurtoisQu } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { rowRules } from '../../solver/benchmarks/curtois-qu-row-rules.ts';
import { bestResponse } from '../../solver/benchmarks/curtois-qu-best-response.ts';
import { cqCosts } from '../../solver/benchmarks/curtois-qu-costs.ts';
import { employeeDp, type EmployeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { emptySolution, type CqInstance } from '../../solver/benchmarks/curtois-qu-instance.ts';
import { Random } from '../../solver/benchmarks/random.ts';
import { generateCurtoisQu, GENERATED_SPECS } from '../../bench/curtois-generator.ts';

const file = (n: number) => readCurtoisQuFile(fileURLToPath(new URL(`../../data/curtois-qu/instances/Instance${n}.txt`, import.meta.url)));

function compare(inst: CqInstance, seed: number) {
  const rng = new Random(seed);
  const solution = emptySolution(inst);
  const dps = inst.staff.map((_, e) => employeeDp(inst, e)!);
  bestResponse(inst, cqCosts(inst), dps as EmployeeDp[], solution, rng, 1);
  let feasible = 0;
  let infeasible = 0;
  for (let k = 0; k < 6; k++) {
    const trial = solution.map((row) => {
      const r = [...row];
      if (k > 0) for (let c = rng.int(3) + 1; c > 0; c--) r[rng.int(inst.horizon)] = rng.int(inst.shifts.length + 1) - 1;
      return r;
    });
    const broken = new Set(cqHardViolations(inst, trial).map((v) => v.agent));
    inst.staff.forEach((s, e) => {
      const ok = rowRules(inst, e).feasible(trial[e]);
      expect(ok, `${inst.name} ${s.id} ${trial[e].join(',')}`).toBe(!broken.has(s.id));
      if (ok) feasible++;
      else infeasible++;
    });
  }
  return { feasible, infeasible };
}

describe('fast row rules agree with the rulebook', () => {
  it.each([1, 3, 5, 8])('Instance%i: DP rows and perturbed rows', (n) => {
    const { feasible, infeasible } = compare(file(n), n);
    expect(feasible).toBeGreaterThan(0);
    expect(infeasible).toBeGreaterThan(0);
  });

  it('generated Gen15 (42 days, weekends and runs across six weeks)', () => {
    const inst = parseCurtoisQu(generateCurtoisQu(GENERATED_SPECS.find((s) => s.name === 'Gen15')!), 'Gen15.txt');
    const { feasible, infeasible } = compare(inst, 15);
    expect(feasible).toBeGreaterThan(0);
    expect(infeasible).toBeGreaterThan(0);
  });
});
