/** Job "forecast": a stored center's forecast (src/services/forecasting.ts). */
import { getCenter } from '../../db/repos/centers.ts';
import { forecastRequestSchema, runForecast } from '../../services/forecasting.ts';
import { registerJobHandler } from '../registry.ts';

registerJobHandler('forecast', async (ctx) => {
  const center = await getCenter(ctx.db, ctx.centerId!);
  if (!center) throw new Error(`center ${ctx.centerId} no longer exists`);
  await ctx.progress(0.05, { stage: 'reading history' });
  const req = forecastRequestSchema.parse(ctx.params);
  const meta = await runForecast(ctx.db, center, req, { jobId: ctx.jobId, userId: ctx.createdBy, signal: ctx.signal });
  return { forecastId: meta.id };
});
