// One thread of the shared first pass (construction-board.test.ts): places employees, reports the solution.
import { parentPort, workerData } from 'node:worker_threads';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { cqCosts } from '../../solver/benchmarks/curtois-qu-costs.ts';
import { employeeDp, type EmployeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { ConstructionBoard, sharedFirstPass } from '../../solver/benchmarks/construction-board.ts';

const { file, buffer } = workerData as { file: string; buffer: SharedArrayBuffer };
const instance = readCurtoisQuFile(file);
const dps = instance.staff.map((_, e) => employeeDp(instance, e)) as EmployeeDp[];
const board = new ConstructionBoard(buffer, instance.staff.length, instance.horizon);
const solution = sharedFirstPass(instance, cqCosts(instance), dps, board, Infinity);
parentPort?.postMessage({ solution });
