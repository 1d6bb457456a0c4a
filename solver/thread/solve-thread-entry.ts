/**
 * The worker thread's side of solveRosterInThread: runs solveRoster (synchronous HiGHS and local search) off
 * the caller's event loop, posts progress, best-so-far rosters and the result, and stops when the caller sets
 * the shared stop flag (read with Atomics, so a cancel lands even while the solver never yields).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RosterProblem } from '../problem.ts';
import { solveRoster } from '../solve-roster.ts';

export interface ThreadInput {
  problem: RosterProblem;
  timeLimitMs?: number;
  seed?: number;
  /** Work bound of the local search (SolveOptions.moves). */
  moves?: number;
  /** Resume from these assignments and their bound (SolveOptions.start, startBound). */
  start?: import('../roster.ts').Assignment[];
  startBound?: number;
  snapshotEveryMs?: number;
  /** Int32Array over a SharedArrayBuffer: [0] = 1 means stop. */
  stop: Int32Array;
}

export type ThreadMessage =
  | { type: 'progress'; fraction: number; phase: string; best?: import('../roster.ts').Score; bound?: number }
  | { type: 'best'; roster: import('../roster.ts').Roster }
  | { type: 'result'; result: import('../problem.ts').SolveResult }
  | { type: 'error'; message: string; stack?: string };

const input = workerData as ThreadInput;
const post = (m: ThreadMessage) => parentPort!.postMessage(m);

try {
  const result = await solveRoster(input.problem, {
    timeLimitMs: input.timeLimitMs,
    seed: input.seed,
    moves: input.moves,
    start: input.start,
    startBound: input.startBound,
    snapshotEveryMs: input.snapshotEveryMs,
    shouldStop: () => Atomics.load(input.stop, 0) === 1,
    onProgress: (p) => post({ type: 'progress', fraction: p.fraction, phase: p.phase, ...(p.best ? { best: p.best } : {}), ...(p.bound !== undefined ? { bound: p.bound } : {}) }),
    onBest: (roster) => post({ type: 'best', roster }),
  });
  post({ type: 'result', result });
} catch (e) {
  const err = e as Error;
  post({ type: 'error', message: err.message, stack: err.stack });
}
