/**
 * Solves a Curtois & Qu instance within a wall-clock limit: `threads` searchers (curtois-qu-searchers.ts), each
 * with its own HiGHS runtime and seed, in worker threads sharing one incumbent and lower bound (HiGHS
 * WebAssembly is single-threaded, so parallelism comes from different searchers side by side). By default
 * both threads run column generation for the lower bound, then one searches the compact MIP restricted to
 * the root LP's support and the other dives; both then improve the shared incumbent by dives over subsets.
 * With threads = 0 one searcher runs in the calling thread (tests, tiny limits).
 */
import { Worker } from 'node:worker_threads';
import { isLargeInstance, type CqInstance, type CqSolution } from './curtois-qu-instance.ts';
import type { LnsResult } from './curtois-qu-lns.ts';
import { runSearcher, type SearcherMode } from './curtois-qu-searchers.ts';
import { cqObjective } from './curtois-qu-objective.ts';
import { highsRuntime } from './highs-mip.ts';
import { createExchangeBuffer, SharedIncumbent } from './incumbent-exchange.ts';
import { createBoardBuffer } from './construction-board.ts';
import type { SearcherInput } from './curtois-qu-worker.ts';

export interface CqSolveOptions {
  timeLimitSeconds: number;
  /** Worker threads (default 2); 0 = one searcher in this thread. */
  threads?: number;
  seed?: number;
  /** Stop once this objective is reached. */
  target?: number;
  /** The searcher of each thread, cycling (default DEFAULT_MODES). */
  modes?: SearcherMode[];
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
  /** Best proven lower bound (column generation's Lagrangian bound or the whole-instance MIP), or -Infinity. */
  bound: number;
  /** Seconds until the first feasible solution reached the shared incumbent (threads ≥ 1; polled every 10 ms). */
  firstFeasibleSeconds?: number;
}

/** Thread 1 searches the root LP's support, thread 2 dives from the root (see curtois-qu-price-and-dive.ts). */
export const DEFAULT_MODES: SearcherMode[] = ['cg-support', 'cg-dive'];
/** Large instances (isLargeInstance): the second thread runs MIP large-neighbourhood search instead of dives. */
export const LARGE_MODES: SearcherMode[] = ['cg-support', 'lns'];
/**
 * Large instances of over 60 staff, whose pricing DPs price per-type limits (trackLabelsFor): MIP LNS on both
 * threads. Column generation does not pay there: on the generated Gen13 (120 staff) its root took 575 of the
 * 600 s and its Lagrangian bound was −25 672 (priced limits make it weak), while the LNS thread alone went from
 * 4 436 to 391; at 60 s pricing is too slow to start at all.
 */
export const LARGE_STAFF_MODES: SearcherMode[] = ['lns', 'lns'];

/** A searcher still busy this long after the deadline is stopped; its offers to the exchange are kept. */
const GRACE_MS = 5000;

function runWorker(input: SearcherInput, log?: (line: string) => void): Promise<LnsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./curtois-qu-worker-entry.mjs', import.meta.url), { workerData: input });
    const watchdog = setTimeout(() => {
      reject(new Error('searcher thread overran its deadline and was stopped'));
      void worker.terminate();
    }, Math.max(0, input.deadline - Date.now()) + GRACE_MS);
    worker.on('message', (m: { log?: string; result?: LnsResult }) => {
      if (m.log !== undefined) log?.(m.log);
      if (m.result) {
        clearTimeout(watchdog);
        resolve(m.result);
      }
    });
    worker.on('error', (e) => {
      clearTimeout(watchdog);
      reject(e);
    });
    worker.on('exit', (code) => {
      clearTimeout(watchdog);
      if (code !== 0) reject(new Error(`searcher thread exited with code ${code}`));
    });
  });
}

export async function solveCurtoisQu(instance: CqInstance, options: CqSolveOptions): Promise<CqSolveResult> {
  const began = Date.now();
  // Searchers stop at a sub-problem boundary after their deadline: keep a margin for the last one and the
  // threads' shutdown, so the wall time stays within the limit.
  const limitMs = options.timeLimitSeconds * 1000;
  const deadline = began + limitMs - Math.min(1000, 0.1 * limitMs);
  const threads = options.threads ?? 2;
  const seed = options.seed ?? 1;
  const buffer = createExchangeBuffer(instance.staff.length, instance.horizon);
  const large = isLargeInstance(instance);
  const modes = options.modes ?? (large && instance.staff.length > 60 ? LARGE_STAFF_MODES : large ? LARGE_MODES : DEFAULT_MODES);
  const modeOf = (k: number): SearcherMode => modes[k % modes.length];
  let results: LnsResult[];
  let firstFeasibleSeconds: number | undefined;
  if (threads === 0) {
    const highs = await highsRuntime();
    const exchange = new SharedIncumbent(buffer, instance.staff.length, instance.horizon);
    results = [runSearcher(highs, instance, modeOf(0), { deadline, seed, exchange, target: options.target, log: options.log })];
  } else {
    // The searchers run in other threads: this one watches the shared incumbent for the first solution.
    const watched = new SharedIncumbent(buffer, instance.staff.length, instance.horizon);
    const watch = setInterval(() => {
      if (firstFeasibleSeconds !== undefined || !Number.isFinite(watched.objective)) return;
      firstFeasibleSeconds = (Date.now() - began) / 1000;
      clearInterval(watch);
    }, 10);
    // Every thread on MIP LNS (large instances of many staff): they share the first best-response pass.
    const board = large && Array.from({ length: threads }, (_, k) => modeOf(k)).every((m) => m === 'lns') ? createBoardBuffer(instance.staff.length, instance.horizon, seed) : undefined;
    const settled = await Promise.allSettled(
      Array.from({ length: threads }, (_, k) =>
        runWorker(
          {
            instance,
            buffer,
            seed: seed + k * 7919,
            deadline,
            target: options.target,
            verbose: options.log !== undefined,
            mode: modeOf(k),
            board,
          },
          options.log,
        ),
      ),
    );
    clearInterval(watch);
    results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    for (const f of failures) options.log?.(`a searcher thread failed: ${f.message}`);
    if (results.length === 0 && !new SharedIncumbent(buffer, instance.staff.length, instance.horizon).take(Infinity)) throw failures[0];
  }
  // The shared incumbent holds every searcher's best offer; a thread's own final answer may be older.
  const shared = new SharedIncumbent(buffer, instance.staff.length, instance.horizon);
  const offered = shared.take(Infinity);
  const candidates = [...results.filter((r) => r.feasible), ...(offered ? [{ ...offered, feasible: true }] : [])];
  const best = (candidates.length > 0 ? candidates : results).reduce((a, b) => (b.objective < a.objective ? b : a));
  return {
    solution: best.solution,
    objective: cqObjective(instance, best.solution).total,
    feasible: best.feasible,
    seconds: (Date.now() - began) / 1000,
    iterations: results.reduce((s, r) => s + r.iterations, 0),
    bound: shared.bound,
    firstFeasibleSeconds,
  };
}
