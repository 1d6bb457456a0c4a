/**
 * Solves a Curtois & Qu instance within a wall-clock limit: `threads` LNS searchers (curtois-qu-lns.ts), each
 * with its own HiGHS runtime and seed, in worker threads sharing one incumbent (HiGHS WebAssembly is
 * single-threaded, so parallelism comes from independent searchers). With threads = 0 a single searcher runs
 * in the calling thread (tests, tiny limits).
 */
import { Worker } from 'node:worker_threads';
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';
import { lns, type LnsResult } from './curtois-qu-lns.ts';
import { cqObjective } from './curtois-qu-objective.ts';
import { highsRuntime } from './highs-mip.ts';
import { createExchangeBuffer, SharedIncumbent } from './incumbent-exchange.ts';
import type { SearcherInput } from './curtois-qu-worker.ts';

export interface CqSolveOptions {
  timeLimitSeconds: number;
  /** Worker threads (default 2); 0 = one searcher in this thread. */
  threads?: number;
  seed?: number;
  /** Stop once this objective is reached. */
  target?: number;
  log?: (line: string) => void;
}

export interface CqSolveResult {
  solution: CqSolution;
  objective: number;
  /** Every employee has a schedule meeting all of their hard rules. */
  feasible: boolean;
  seconds: number;
  /** Sub-MIPs solved, over all searchers. */
  iterations: number;
}

function runWorker(input: SearcherInput, log?: (line: string) => void): Promise<LnsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./curtois-qu-worker-entry.mjs', import.meta.url), { workerData: input });
    worker.on('message', (m: { log?: string; result?: LnsResult }) => {
      if (m.log !== undefined) log?.(m.log);
      if (m.result) resolve(m.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`searcher thread exited with code ${code}`));
    });
  });
}

export async function solveCurtoisQu(instance: CqInstance, options: CqSolveOptions): Promise<CqSolveResult> {
  const began = Date.now();
  const deadline = began + options.timeLimitSeconds * 1000;
  const threads = options.threads ?? 2;
  const seed = options.seed ?? 1;
  const buffer = createExchangeBuffer(instance.staff.length, instance.horizon);
  let results: LnsResult[];
  if (threads === 0) {
    const highs = await highsRuntime();
    const exchange = new SharedIncumbent(buffer, instance.staff.length, instance.horizon);
    results = [lns(highs, instance, { deadline, seed, exchange, target: options.target, log: options.log })];
  } else {
    results = await Promise.all(
      Array.from({ length: threads }, (_, k) =>
        runWorker({ instance, buffer, seed: seed + k * 7919, deadline, target: options.target, verbose: options.log !== undefined }, options.log),
      ),
    );
  }
  const feasible = results.filter((r) => r.feasible);
  const best = (feasible.length > 0 ? feasible : results).reduce((a, b) => (b.objective < a.objective ? b : a));
  return {
    solution: best.solution,
    objective: cqObjective(instance, best.solution).total,
    feasible: best.feasible,
    seconds: (Date.now() - began) / 1000,
    iterations: results.reduce((s, r) => s + r.iterations, 0),
  };
}
