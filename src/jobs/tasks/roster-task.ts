/** The roster solve as a thread task: progress carries the phase and the best-so-far score; a stop keeps the best. */
import type { RosterProblem, SolveResult } from '../../../solver/problem.ts';
import { solveRoster } from '../../../solver/solve-roster.ts';

export async function solveRosterTask(
  input: { problem: RosterProblem; timeLimitMs: number; seed?: number },
  progress: (fraction: number, detail?: Record<string, unknown>) => void,
  shouldStop: () => boolean,
): Promise<SolveResult> {
  return solveRoster(input.problem, {
    timeLimitMs: input.timeLimitMs,
    seed: input.seed,
    shouldStop,
    onProgress: (p) => progress(p.fraction, { phase: p.phase, ...(p.best ? { best: p.best } : {}) }),
  });
}
