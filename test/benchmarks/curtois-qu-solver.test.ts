import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { buildCqMip, columnsToRows, solutionColumns } from '../../solver/benchmarks/curtois-qu-mip.ts';
import { highsRuntime, solveMip } from '../../solver/benchmarks/highs-mip.ts';
import { cqObjective } from '../../solver/benchmarks/curtois-qu-objective.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { solveCurtoisQu } from '../../solver/benchmarks/curtois-qu-solver.ts';
import { parseCqSolution } from '../../solver/benchmarks/curtois-qu-solution.ts';
import { command } from '../../src/cli/commands/bench.ts';
import { FEASIBLE_ROWS, grid } from './instance1-grids.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));
const inst = readCurtoisQuFile(`${dir}Instance1.txt`);

describe('Curtois & Qu MIP and solver', () => {
  it('the MIP proves the published optimum of Instance1 (607), and its solution keeps every general rule', async () => {
    // 607 is optimal for Instance1 (Curtois & Qu 2014, Gurobi and branch-and-price agree).
    const highs = await highsRuntime();
    const mip = buildCqMip(inst);
    const result = solveMip(highs, mip, { timeLimitSeconds: 600 });
    expect(result.optimal).toBe(true);
    expect(Math.round(result.objective)).toBe(607);
    const solution = columnsToRows(inst, mip, result.colValue);
    expect(cqObjective(inst, solution).total).toBe(607);
    expect(cqHardViolations(inst, solution)).toEqual([]);
  });

  it('the MIP objective of a fixed solution equals the objective calculator', async () => {
    const highs = await highsRuntime();
    const solution = grid(inst, FEASIBLE_ROWS);
    const fixed = buildCqMip(inst, { fixDay: (e, d) => solution[e][d] });
    const result = solveMip(highs, fixed, { timeLimitSeconds: 600, start: solutionColumns(inst, fixed, solution) });
    expect(Math.round(result.objective)).toBe(cqObjective(inst, solution).total);
  });

  it('the threaded solver reaches 607 on Instance1 with 0 hard violations', async () => {
    const result = await solveCurtoisQu(inst, { timeLimitSeconds: 600, threads: 1, target: 607 });
    expect(result.feasible).toBe(true);
    expect(result.objective).toBe(607);
    expect(cqHardViolations(inst, result.solution)).toEqual([]);
  });

  it('`bench curtois` prints the table and writes a solution file that reads back', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cq-bench-'));
    const logs: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void logs.push(s));
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await command.run(['curtois', '--instances', dir, '--only', 'Instance1', '--time-limit', '600', '--threads', '0', '--out', out]);
      expect(code).toBe(0);
      // instance | size | objective | lower bound | best published | …: the run proves 607 (whole MIP on a small instance).
      expect(logs.join('\n')).toMatch(/\| Instance1 \|\s+14×8×1 \|\s+607 \|\s+607 \|\s+607 \|/);
      const solution = parseCqSolution(inst, readFileSync(join(out, 'Instance1.solution.txt'), 'utf8'));
      expect(cqHardViolations(inst, solution)).toEqual([]);
    } finally {
      log.mockRestore();
      err.mockRestore();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('column generation searcher', () => {
  it('Instance2: reaches the published optimum 828, proves it with its LP bound and stops early', async () => {
    const inst2 = readCurtoisQuFile(`${dir}Instance2.txt`);
    const result = await solveCurtoisQu(inst2, { timeLimitSeconds: 600, threads: 0, modes: ['cg-dive'] });
    expect(result.objective).toBe(828);
    expect(result.bound).toBe(828);
    expect(cqHardViolations(inst2, result.solution)).toEqual([]);
  });
});
