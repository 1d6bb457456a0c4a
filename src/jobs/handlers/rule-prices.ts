/** Job "roster.rule-prices": the price of each rule for a roster version's month (src/services/rule-prices.ts). */
import { getCenter } from '../../db/repos/centers.ts';
import { getRosterMeta } from '../../db/repos/rosters.ts';
import { computeRulePrices } from '../../services/rule-prices.ts';
import { registerJobHandler } from '../registry.ts';

registerJobHandler('roster.rule-prices', async (ctx) => {
  const center = await getCenter(ctx.db, ctx.centerId!);
  const meta = await getRosterMeta(ctx.db, Number(ctx.params.rosterId));
  if (!center || !meta) throw new Error(`roster ${ctx.params.rosterId} of center ${ctx.centerId} no longer exists`);
  const result = await computeRulePrices(ctx.db, center, meta, { jobId: ctx.jobId, signal: ctx.signal, onProgress: (f, d) => void ctx.progress(f, d) });
  return { rosterId: meta.id, bound: result.bound };
});
