import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { cqCosts } from '../../solver/benchmarks/curtois-qu-costs.ts';
import { employeeDp, type EmployeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { bestResponse } from '../../solver/benchmarks/curtois-qu-best-response.ts';
import { ConstructionBoard, createBoardBuffer, sharedFirstPass } from '../../solver/benchmarks/construction-board.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import type { CqSolution } from '../../solver/benchmarks/curtois-qu-instance.ts';
import { Random } from '../../solver/benchmarks/random.ts';

const file = fileURLToPath(new URL('../../data/curtois-qu/instances/Instance5.txt', import.meta.url));

describe('the shared first best-response pass', () => {
  it('in one thread, places the same rows as a sequential best-response pass in the same order', () => {
    const instance = readCurtoisQuFile(file);
    const costs = cqCosts(instance);
    const dps = instance.staff.map((_, e) => employeeDp(instance, e)) as EmployeeDp[];
    const board = new ConstructionBoard(createBoardBuffer(instance.staff.length, instance.horizon, 11), instance.staff.length, instance.horizon);
    const shared = sharedFirstPass(instance, costs, dps, board, Infinity);
    // bestResponse shuffles the employees with the rng first, exactly as the board orders its claims.
    const sequential: CqSolution = instance.staff.map(() => new Array<number>(instance.horizon).fill(-1));
    bestResponse(instance, costs, dps, sequential, new Random(11), 1);
    expect(shared).toEqual(sequential);
    expect(board.claim()).toBeUndefined();
  });

  it('split between two threads, every employee is placed once and both threads end with the same feasible roster', async () => {
    const instance = readCurtoisQuFile(file);
    const buffer = createBoardBuffer(instance.staff.length, instance.horizon, 5);
    const run = () =>
      new Promise<CqSolution>((resolve, reject) => {
        const worker = new Worker(new URL('./construction-board-worker.mjs', import.meta.url), { workerData: { file, buffer } });
        worker.on('message', (m: { solution: CqSolution }) => resolve(m.solution));
        worker.on('error', reject);
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(instance.staff.length);
    // No employee left off the board (a row of -1 everywhere would break Instance 5's minimum minutes).
    expect(cqHardViolations(instance, a)).toEqual([]);
    expect(new ConstructionBoard(buffer, instance.staff.length, instance.horizon).claim()).toBeUndefined();
  });
});
