/**
 * Worker-thread body of the benchmark solver: runs one LNS searcher (its own HiGHS runtime, its own seed)
 * against the shared incumbent and posts its result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CqInstance } from './curtois-qu-instance.ts';
import { runSearcher, type SearcherMode } from './curtois-qu-searchers.ts';
import { highsRuntime } from './highs-mip.ts';
import { SharedIncumbent } from './incumbent-exchange.ts';
import { ConstructionBoard } from './construction-board.ts';

export interface SearcherInput {
  instance: CqInstance;
  buffer: SharedArrayBuffer;
  seed: number;
  deadline: number;
  target?: number;
  verbose: boolean;
  /** 'cg' = column generation, support MIP and dives; 'lns' = MIP large-neighbourhood search; 'mip' = the whole-instance MIP. */
  mode: SearcherMode;
  /** The shared first pass (construction-board.ts), when every thread runs MIP LNS. */
  board?: SharedArrayBuffer;
}

const input = workerData as SearcherInput;
const highs = await highsRuntime();
const exchange = new SharedIncumbent(input.buffer, input.instance.staff.length, input.instance.horizon);
const log = input.verbose ? (line: string) => parentPort?.postMessage({ log: `[${input.mode} ${input.seed}] ${line}` }) : undefined;
const board = input.board ? new ConstructionBoard(input.board, input.instance.staff.length, input.instance.horizon) : undefined;
const result = runSearcher(highs, input.instance, input.mode, { deadline: input.deadline, seed: input.seed, exchange, target: input.target, log, board });
parentPort?.postMessage({ result });
