import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseCurtoisQu, readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { solveCurtoisQu } from '../../solver/benchmarks/curtois-qu-solver.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { cqObjective } from '../../solver/benchmarks/curtois-qu-objective.ts';
import { parseCqSolution, writeCqSolution } from '../../solver/benchmarks/curtois-qu-solution.ts';
import { scaledInstanceText } from './scaled-instance.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));

describe('instances larger than 1–12', () => {
  // Instance4 (28 days, 10 staff, 2 shift types; 52 on / 19 off requests, 56 cover rows — SOURCE.md and the
  // reader test) with its horizon and its staff both doubled.
  const base = readCurtoisQuFile(`${dir}Instance4.txt`);
  const big = parseCurtoisQu(scaledInstanceText(base, 2, 2), 'Scaled4.txt');

  it('reads the scaled file: 56 days, 20 staff, requests ×4, cover rows ×2', () => {
    expect(big.horizon).toBe(56);
    expect(big.staff).toHaveLength(20);
    expect(big.shifts).toHaveLength(2);
    expect(big.onRequests).toHaveLength(52 * 4);
    expect(big.offRequests).toHaveLength(19 * 4);
    expect(big.cover).toHaveLength(56 * 2);
  });

  it('solves it with 0 hard violations, and the solution file reads back', async () => {
    // Any objective is a target met: the solve stops at its first complete solution (how fast is bench:curtois's).
    const result = await solveCurtoisQu(big, { timeLimitSeconds: 600, threads: 0, target: Number.MAX_SAFE_INTEGER });
    expect(result.feasible).toBe(true);
    expect(cqHardViolations(big, result.solution)).toEqual([]);
    const again = parseCqSolution(big, writeCqSolution(big, result.solution));
    expect(cqObjective(big, again).total).toBe(result.objective);
  });
});
