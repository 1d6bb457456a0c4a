/**
 * solveRosterInThread: solveRoster in a worker thread (DESIGN.md pitfall: HiGHS WebAssembly is synchronous and
 * would block a job worker's event loop, stalling its lock renewal). The handle reports progress and
 * best-so-far rosters, and `cancel()` stops the solve and keeps the best roster (the solver finishes its current
 * step, places meals and breaks and evaluates; if the thread does not answer within `cancelGraceMs` it is
 * terminated and the last best-so-far roster is returned).
 *
 * A worker does not inherit its parent's loader: the thread starts from solve-thread-bootstrap.mjs, which
 * registers tsx and imports the TypeScript entry, so it works the same under node, the CLI and vitest.
 */
import { Worker } from 'node:worker_threads';
import type { RosterProblem, SolveProgress, SolveResult } from '../problem.ts';
import type { Roster } from '../roster.ts';
import type { ThreadInput, ThreadMessage } from './solve-thread-entry.ts';

export interface ThreadSolveOptions {
  timeLimitMs?: number;
  seed?: number;
  /** Work bound of the local search (SolveOptions.moves). */
  moves?: number;
  /** Resume from these assignments and their bound (SolveOptions.start, startBound). */
  start?: import('../roster.ts').Assignment[];
  startBound?: number;
  onProgress?: (progress: SolveProgress) => void;
  onBest?: (roster: Roster) => void;
  snapshotEveryMs?: number;
  /** How long a cancelled thread may take to hand back its roster before it is terminated (default 15 s). */
  cancelGraceMs?: number;
}

export interface RosterSolveHandle {
  result: Promise<SolveResult>;
  /** Stop and keep the best roster so far. */
  cancel(): void;
  /** The latest best-so-far roster the thread has sent. */
  best(): Roster | undefined;
}

export function solveRosterInThread(problem: RosterProblem, options: ThreadSolveOptions = {}): RosterSolveHandle {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const input: ThreadInput = {
    problem,
    timeLimitMs: options.timeLimitMs ?? (options.moves === undefined ? 60_000 : undefined),
    seed: options.seed,
    moves: options.moves,
    start: options.start,
    startBound: options.startBound,
    snapshotEveryMs: options.snapshotEveryMs,
    stop,
  };
  const worker = new Worker(new URL('./solve-thread-bootstrap.mjs', import.meta.url), { workerData: input });
  let latest: Roster | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  let settle: (outcome: { ok: SolveResult } | { error: Error }) => void = () => undefined;
  const result = new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      if ('ok' in outcome) resolve(outcome.ok);
      else reject(outcome.error);
      void worker.terminate();
    };
  });
  const bestOrFail = (why: string) => settle(latest ? { ok: partial(latest) } : { error: new Error(why) });
  worker.on('message', (m: ThreadMessage) => {
    if (m.type === 'progress') options.onProgress?.({ fraction: m.fraction, phase: m.phase, best: m.best, bound: m.bound });
    else if (m.type === 'best') {
      latest = m.roster;
      options.onBest?.(m.roster);
    } else if (m.type === 'result') settle({ ok: m.result });
    else settle({ error: Object.assign(new Error(m.message), { stack: m.stack }) });
  });
  worker.on('error', (e) => settle({ error: e }));
  worker.on('exit', (code) => bestOrFail(`roster solver thread exited with code ${code} before a roster was ready`));
  return {
    result,
    best: () => latest,
    cancel() {
      Atomics.store(stop, 0, 1);
      graceTimer ??= setTimeout(() => bestOrFail('the cancelled roster solve did not answer in time'), options.cancelGraceMs ?? 15_000);
    },
  };
}

function partial(roster: Roster): SolveResult {
  return {
    roster,
    lowerBound: { understaffed: NaN, method: 'not available: the solve was stopped before it finished' },
    feasibility: { feasible: true, problems: [] },
    phases: [],
    cancelled: true,
    objective: { search: NaN, rulebook: NaN },
  };
}
