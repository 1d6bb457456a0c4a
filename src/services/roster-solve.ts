/**
 * Solving a stored center's month: the problem from storage (src/services/roster-problem.ts), the solve in a
 * worker thread (cancel = stop and keep the best), the result stored as the month's next draft version —
 * once per job, even when a crashed job is retried. A replan's draft names the published version it started
 * from as its parent and carries that version's roster facts.
 */
import { z } from 'zod';
import type { SolveResult } from '../../solver/problem.ts';
import type { Assignment } from '../../solver/roster.ts';
import { checkFeasibility, type FeasibilityReport } from '../../solver/feasibility.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { getRosterMeta, saveRoster, type RosterMeta } from '../db/repos/rosters.ts';
import { carryFacts } from '../db/repos/roster-facts.ts';
import { solveRosterInThread } from '../../solver/thread/solve-in-thread.ts';
import { buildRosterProblem } from './roster-problem.ts';

export const rosterSolveSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"'),
  timeLimitSeconds: z.number().int().min(5).max(3600).default(60),
  /** With a published version: first day solved again (earlier days stay as published, P1). */
  replanFrom: z.iso.date().optional(),
  seed: z.number().int().min(0).optional(),
  /** A work bound instead of the time limit (reproducible solves): the local search stops after this many moves. */
  moves: z.number().int().min(1).max(100_000_000).optional(),
});
export type RosterSolveRequest = z.infer<typeof rosterSolveSchema>;

export async function checkMonthFeasibility(db: Queryable, center: Center, req: { month: string; replanFrom?: string }): Promise<FeasibilityReport> {
  return checkFeasibility((await buildRosterProblem(db, center, req.month, { replanFrom: req.replanFrom })).problem);
}

export interface SolveOutcome {
  rosterId: number;
  version: number;
  month: string;
  score: RosterMeta['score'];
  lowerBound: SolveResult['lowerBound'];
  feasibility: FeasibilityReport;
  phases: SolveResult['phases'];
  cancelled: boolean;
}

/** What a solve keeps while it runs, for a retried attempt to resume from. */
export interface SolveCheckpoint {
  assignments: Assignment[];
  bound: number | null;
  /** Milliseconds of the time limit already spent. */
  elapsedMs: number;
}

export interface RunSolveOptions {
  jobId?: string | null;
  userId?: number | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, detail?: Record<string, unknown>) => void;
  /** Keeps the best roster so far (a job's checkpoint). */
  checkpoint?: (value: SolveCheckpoint) => Promise<void>;
  /** An earlier attempt's checkpoint: the solve goes on from it with the time left. */
  resume?: SolveCheckpoint | null;
}

/** A resumed attempt still gets at least this share of the time limit. */
const MIN_RESUMED_SHARE = 0.25;

async function storedForJob(db: Queryable, jobId: string): Promise<RosterMeta | null> {
  const r = await db.query<{ id: number }>('SELECT id FROM rosters WHERE job_id = $1', [jobId]);
  return r.rows[0] ? getRosterMeta(db, r.rows[0].id) : null;
}

export async function runRosterSolve(db: Db, center: Center, req: RosterSolveRequest, run: RunSolveOptions = {}): Promise<SolveOutcome> {
  const { problem, replan } = await buildRosterProblem(db, center, req.month, { replanFrom: req.replanFrom });
  const fullMs = req.timeLimitSeconds * 1000;
  const resume = run.resume && run.resume.assignments.length > 0 ? run.resume : null;
  // A resumed attempt has the time the interrupted one had left (its progress goes on from where it stopped).
  const spent = resume ? Math.min(resume.elapsedMs, (1 - MIN_RESUMED_SHARE) * fullMs) : 0;
  const timeLimitMs = fullMs - spent;
  const started = performance.now();
  let bound: number | null = resume?.bound ?? null;
  let saving = Promise.resolve();
  const handle = solveRosterInThread(problem, {
    timeLimitMs,
    seed: req.seed,
    moves: req.moves,
    cancelGraceMs: 30_000,
    ...(resume ? { start: resume.assignments, startBound: resume.bound ?? undefined } : {}),
    onProgress: (p) => {
      if (p.bound !== undefined) bound = p.bound;
      run.onProgress?.((spent + p.fraction * timeLimitMs) / fullMs, { phase: p.phase, ...(p.best ? { best: p.best } : {}), ...(resume ? { resumed: true } : {}) });
    },
    onBest: (roster) => {
      if (!run.checkpoint) return;
      saving = saving.then(() => run.checkpoint!({ assignments: roster.assignments, bound, elapsedMs: spent + performance.now() - started })).catch(() => undefined);
    },
  });
  const onAbort = () => handle.cancel();
  if (run.signal?.aborted) onAbort();
  run.signal?.addEventListener('abort', onAbort);
  const result = await handle.result.finally(() => run.signal?.removeEventListener('abort', onAbort));
  await saving;
  const stats = {
    lowerBound: result.lowerBound, feasibility: result.feasibility, phases: result.phases, cancelled: result.cancelled, timeLimitSeconds: req.timeLimitSeconds,
    ...(result.activities ? { activities: { ...result.activities, unscheduled: result.activities.unscheduled.slice(0, 500) } } : {}),
    ...(replan ? { replan: { from: replan.from, base: replan.base.id, baseVersion: replan.base.version, keptDays: problem.pinnedAgentDays?.length ?? 0, keptOvertime: problem.kept?.length ?? 0 } } : {}),
  };
  const meta = await db.transaction(async (tx) => {
    const existing = run.jobId ? await storedForJob(tx, run.jobId) : null;
    if (existing) return existing;
    const saved = await saveRoster(tx, { centerId: center.id, roster: result.roster, jobId: run.jobId ?? null, parentId: replan?.base.id ?? null, createdBy: run.userId ?? null, stats });
    if (replan) await carryFacts(tx, replan.base.id, saved.id);
    await audit(tx, { userId: run.userId ?? null, centerId: center.id, action: 'roster.solve', objectKind: 'roster', objectId: saved.id, detail: { month: req.month, version: saved.version, score: result.roster.score } });
    return saved;
  });
  return {
    rosterId: meta.id, version: meta.version, month: meta.month, score: meta.score, lowerBound: result.lowerBound,
    feasibility: result.feasibility, phases: result.phases, cancelled: result.cancelled,
  };
}
