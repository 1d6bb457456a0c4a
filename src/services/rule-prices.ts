/**
 * The price of each rule for a stored roster version's month: the month's problem as the solver sees it when
 * solving the whole month (requirements, approved leave, the previous month's tail; no days pinned), the bound
 * recomputed with each rule relaxed (solver/design/rule-prices.ts) in a worker thread, the result kept with the
 * version (roster_rule_prices).
 */
import type { RulePrices } from '../../solver/design/rule-prices.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { RosterMeta } from '../db/repos/rosters.ts';
import { runInThread } from '../jobs/thread-runner.ts';
import { buildRosterProblem } from './roster-problem.ts';

/** Each LP's time limit: a 1,000-person month's bound takes about a minute on 2 cores. */
const LP_TIME_LIMIT_MS = 300_000;

export async function computeRulePrices(db: Db, center: Center, meta: RosterMeta, run: { jobId?: string; signal?: AbortSignal; onProgress?: (f: number, d?: Record<string, unknown>) => void }): Promise<RulePrices> {
  const { problem } = await buildRosterProblem(db, center, meta.month, { whole: true });
  const result = await runInThread<{ problem: typeof problem; lpTimeLimitMs: number }, RulePrices>({
    moduleUrl: new URL('../jobs/tasks/rule-prices-task.ts', import.meta.url).href,
    exportName: 'rulePricesTask',
    input: { problem, lpTimeLimitMs: LP_TIME_LIMIT_MS },
    onProgress: run.onProgress,
    signal: run.signal,
  });
  await db.query(
    `INSERT INTO roster_rule_prices (roster_id, result, job_id) VALUES ($1, $2, $3)
     ON CONFLICT (roster_id) DO UPDATE SET result = EXCLUDED.result, job_id = EXCLUDED.job_id, computed_at = now()`,
    [meta.id, JSON.stringify(result), run.jobId ?? null],
  );
  return result;
}

export async function storedRulePrices(db: Queryable, rosterId: number): Promise<(RulePrices & { computedAt: string }) | null> {
  const r = await db.query<{ result: RulePrices; computed_at: Date }>('SELECT result, computed_at FROM roster_rule_prices WHERE roster_id = $1', [rosterId]);
  return r.rows[0] ? { ...r.rows[0].result, computedAt: new Date(r.rows[0].computed_at).toISOString() } : null;
}
