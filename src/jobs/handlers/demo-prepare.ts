/** Job "demo.prepare": forecast, requirements and published rosters for the demo center (src/demo/prepare-demo.ts). */
import { getCenter } from '../../db/repos/centers.ts';
import { prepareDemo } from '../../demo/prepare-demo.ts';
import { registerJobHandler } from '../registry.ts';

registerJobHandler('demo.prepare', async (ctx) => {
  const center = await getCenter(ctx.db, ctx.centerId!);
  if (!center) throw new Error(`center ${ctx.centerId} no longer exists`);
  const params = ctx.params as { today?: string; solveSeconds?: number };
  return prepareDemo(ctx.db, center, { today: params.today, solveSeconds: params.solveSeconds, signal: ctx.signal, progress: ctx.progress });
});
