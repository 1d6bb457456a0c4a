/**
 * The searchers a solver thread can run, behind one call: 'cg-support' and 'cg-dive' (column generation, then
 * the support MIP or a root dive, then dives around the incumbent; both fall back to 'lns' when an employee's
 * DP state space is too large, pricing is too slow, or a large instance's root does not converge in half the
 * time), 'lns' (MIP large-neighbourhood search) and 'mip' (the whole-instance MIP).
 */
import type { Highs } from 'highs';
import type { CqInstance } from './curtois-qu-instance.ts';
import { fullMipSearch } from './curtois-qu-full-mip.ts';
import { lns, type LnsResult } from './curtois-qu-lns.ts';
import { priceAndDive } from './curtois-qu-price-and-dive.ts';
import { DpLimitError } from './curtois-qu-dp.ts';
import type { SharedIncumbent } from './incumbent-exchange.ts';
import type { ConstructionBoard } from './construction-board.ts';

export type SearcherMode = 'cg-support' | 'cg-dive' | 'lns' | 'mip';

export interface SearcherOptions {
  deadline: number;
  seed: number;
  exchange: SharedIncumbent;
  target?: number;
  log?: (line: string) => void;
  /** The first best-response pass shared with the other threads (MIP LNS on large instances only). */
  board?: ConstructionBoard;
}

export function runSearcher(highs: Highs, instance: CqInstance, mode: SearcherMode, options: SearcherOptions): LnsResult {
  if (mode === 'mip') return fullMipSearch(highs, instance, options);
  if (mode === 'cg-support' || mode === 'cg-dive') {
    try {
      const result = priceAndDive(
        highs,
        instance,
        mode === 'cg-dive' ? { ...options, rootMethod: 'dive', rediveShare: 0.5 } : { ...options, rootMethod: 'support' },
      );
      if (result) return result;
    } catch (e) {
      if (!(e instanceof DpLimitError)) throw e;
    }
    options.log?.('column generation handed over (DP too large, pricing too slow or root not converged): MIP LNS');
    const shared = options.exchange.take(Infinity);
    return lns(highs, instance, { ...options, initial: shared?.solution });
  }
  return lns(highs, instance, options);
}
