/** The price of each rule as a thread task (HiGHS is synchronous: run off the job runner's event loop). */
import { rulePrices, type RulePrices } from '../../../solver/design/rule-prices.ts';
import { createHighsBackend } from '../../../solver/lp/highs-backend.ts';
import type { RosterProblem } from '../../../solver/problem.ts';

export async function rulePricesTask(input: { problem: RosterProblem; lpTimeLimitMs: number }, progress: (f: number, d?: Record<string, unknown>) => void): Promise<RulePrices> {
  const highs = await createHighsBackend();
  return rulePrices(input.problem, highs, input.lpTimeLimitMs, (done, of) => progress(done / of, { stage: `bound ${Math.min(done + 1, of)} of ${of}` }));
}
