/** Liveness and readiness: answers 503 quickly when the database does not answer. */
import { z } from 'zod';
import { UnavailableError } from '../../errors.ts';
import { defineRoute } from '../route.ts';

defineRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Health of the server, its database and job runner',
  tag: 'system',
  roles: 'public',
  response: z.object({ status: z.literal('ok'), version: z.string(), storage: z.string(), jobs: z.string(), centers: z.number() }),
  async handler(_input, ctx) {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new UnavailableError('the database did not answer within 2 s')), 2000).unref());
    const r = await Promise.race([ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM centers'), timeout]);
    return { status: 'ok', version: ctx.version, storage: ctx.db.kind, jobs: ctx.jobs.kind, centers: r.rows[0].n };
  },
});
