/** Job "roster.solve": a month's roster for a stored center (src/services/roster-solve.ts). */
import { getCenter } from '../../db/repos/centers.ts';
import { rosterSolveSchema, runRosterSolve, type SolveCheckpoint } from '../../services/roster-solve.ts';
import { registerJobHandler } from '../registry.ts';

registerJobHandler('roster.solve', async (ctx) => {
  const center = await getCenter(ctx.db, ctx.centerId!);
  if (!center) throw new Error(`center ${ctx.centerId} no longer exists`);
  const req = rosterSolveSchema.parse(ctx.params);
  return runRosterSolve(ctx.db, center, req, {
    jobId: ctx.jobId,
    userId: ctx.createdBy,
    signal: ctx.signal,
    onProgress: (fraction, detail) => void ctx.progress(fraction, detail),
    checkpoint: (value) => ctx.checkpoint(value),
    resume: await ctx.resumeFrom<SolveCheckpoint>(),
  });
});
