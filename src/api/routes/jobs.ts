/** Jobs: state, progress (with best-so-far detail), result, cancel. */
import { z } from 'zod';
import { assertCenterAccess, inCenter, type Principal } from '../../auth/principal.ts';
import { EVERYONE, FLOOR } from '../../auth/roles.ts';
import { listJobs } from '../../jobs/job-store.ts';
import { NotFoundError } from '../../errors.ts';
import type { JobRecord } from '../../jobs/types.ts';
import type { AppContext } from '../context.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

async function visibleJob(ctx: AppContext, principal: Principal, id: string): Promise<JobRecord> {
  const job = await ctx.jobs.get(id);
  if (!job) throw new NotFoundError(`job ${id} not found`);
  if (principal.role !== 'admin' && (!job.centerId || !inCenter(principal, job.centerId) || (principal.role === 'agent' && job.createdBy !== principal.userId))) {
    throw new NotFoundError(`job ${id} not found`);
  }
  return job;
}

defineRoute({
  method: 'get',
  path: '/api/jobs/:jobId',
  summary: 'A job: status, progress (0–1), progress detail (e.g. best-so-far score), result or error',
  tag: 'jobs',
  roles: EVERYONE,
  params: z.object({ jobId: z.string() }),
  async handler({ params, principal }, ctx) {
    return visibleJob(ctx, principal, params.jobId);
  },
});

defineRoute({
  method: 'post',
  path: '/api/jobs/:jobId/cancel',
  summary: 'Cancel a job: a queued one at once, a running one at its next check (a solve keeps its best roster)',
  tag: 'jobs',
  roles: FLOOR,
  params: z.object({ jobId: z.string() }),
  async handler({ params, principal }, ctx) {
    await visibleJob(ctx, principal, params.jobId);
    return ctx.jobs.cancel(params.jobId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/jobs',
  summary: 'Recent jobs of a center',
  tag: 'jobs',
  roles: FLOOR,
  params: centerIdParams,
  query: z.object({ kind: z.string().optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return listJobs(ctx.db, { centerId: params.id, kind: query.kind, limit: 50 });
  },
});
