/**
 * Worker-thread body of the benchmark solver: runs one LNS searcher (its own HiGHS runtime, its own seed)
 * against the shared incumbent and posts its result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CqInstance } from './curtois-qu-instance.ts';
import { lns } from './curtois-qu-lns.ts';
import { highsRuntime } from './highs-mip.ts';
import { SharedIncumbent } from './incumbent-exchange.ts';

export interface SearcherInput {
  instance: CqInstance;
  buffer: SharedArrayBuffer;
  seed: number;
  deadline: number;
  target?: number;
  verbose: boolean;
}

const input = workerData as SearcherInput;
const highs = await highsRuntime();
const exchange = new SharedIncumbent(input.buffer, input.instance.staff.length, input.instance.horizon);
const result = lns(highs, input.instance, {
  deadline: input.deadline,
  seed: input.seed,
  exchange,
  target: input.target,
  log: input.verbose ? (line) => parentPort?.postMessage({ log: `[seed ${input.seed}] ${line}` }) : undefined,
});
parentPort?.postMessage({ result });
