/** Overtime callouts (O1) and drafted overtime lists (O2): create, read, answer, publish, close. */
import { z } from 'zod';
import { assertAgentAccess, assertCenterAccess, canSeeAgent, type Principal } from '../../auth/principal.ts';
import { FLOOR, PLANNERS } from '../../auth/roles.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../../db/repos/audit.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { answerCallout } from '../../intraday/callouts/callout-responses.ts';
import { calloutRules } from '../../intraday/callouts/callout-rules.ts';
import { calloutCenterId, createCallout, getCallout, listCallouts, lockCallout, publishCallout, type CalloutRecord } from '../../intraday/callouts/callout-service.ts';
import { draftOvertime } from '../../intraday/callouts/overtime-drafts.ts';
import { dayStart } from '../../time/local-day.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const CALLERS = [...PLANNERS, 'supervisor' as const];
const READERS = [...FLOOR, 'analyst' as const];
const calloutParams = z.object({ id: z.coerce.number().int().positive() });
const instant = z.iso.datetime({ offset: true, local: true });

/**
 * The callout as the caller may see it. Whoever calls people in (O1: planners and duty supervisors, on the whole
 * floor) sees every candidate; a lead or an agent only the people of their scope — the list carries each one's
 * overtime hours, tier and calls per hour, and the exclusions say who is on leave.
 */
function asSeenBy(principal: Principal, center: Center, c: CalloutRecord): CalloutRecord {
  if ((CALLERS as readonly string[]).includes(principal.role)) return c;
  const sees = (x: { agent: string }) => canSeeAgent(principal, center, x.agent);
  return { ...c, candidates: c.candidates.filter(sees), excluded: c.excluded.filter(sees), responses: c.responses.filter(sees) };
}

/** The callout's center, checked against the caller (404 when it is not theirs). */
async function calloutCenter(ctx: AppContext, principal: Principal, id: number) {
  const centerId = await calloutCenterId(ctx.db, id);
  if (!centerId) throw new NotFoundError(`callout ${id} not found`);
  try {
    assertCenterAccess(principal, centerId);
  } catch {
    throw new NotFoundError(`callout ${id} not found`);
  }
  return ctx.center(centerId);
}

defineRoute({
  method: 'post',
  path: '/api/centers/:id/callouts',
  summary: 'O1: call agents in for a queue and window; answers the ranked eligible candidates (and who was excluded by which rule) and notifies the first ones',
  tag: 'callouts',
  roles: CALLERS,
  params: centerIdParams,
  body: z.object({
    queue: z.string().min(1),
    from: instant,
    to: instant,
    needed: z.number().int().min(1).max(500),
    notify: z.number().int().min(0).max(1000).optional(),
  }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return createCallout(ctx.db, center, { ...body, kind: 'intraday', status: 'open' }, await calloutRules(), principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/callouts',
  summary: 'Callouts of a day (or all recent ones), with candidates and answers',
  tag: 'callouts',
  roles: READERS,
  params: centerIdParams,
  query: z.object({ date: z.iso.date().optional(), status: z.enum(['draft', 'open', 'filled', 'closed']).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const range = query.date
      ? { from: dayStart(query.date, center.timezone).toISO()!, to: dayStart(query.date, center.timezone).plus({ days: 1 }).toISO()! }
      : {};
    return { callouts: (await listCallouts(ctx.db, center, { ...range, status: query.status })).map((c) => asSeenBy(principal, center, c)) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/callouts/:id',
  summary: 'A callout with its ranked candidates, exclusions and answers',
  tag: 'callouts',
  roles: READERS,
  params: calloutParams,
  async handler({ params, principal }, ctx) {
    const center = await calloutCenter(ctx, principal, params.id);
    const callout = await getCallout(ctx.db, center, params.id);
    return callout && asSeenBy(principal, center, callout);
  },
});

defineRoute({
  method: 'post',
  path: '/api/callouts/:id/responses',
  summary: 'An agent accepts or declines (the agent themself, or their lead, supervisor or a manager recording a phone answer); accepted = an overtime assignment in the published roster',
  tag: 'callouts',
  roles: [...FLOOR, 'agent'],
  params: calloutParams,
  body: z.object({ agent: z.string().min(1), accept: z.boolean() }),
  async handler({ params, body, principal }, ctx) {
    const center = await calloutCenter(ctx, principal, params.id);
    assertAgentAccess(principal, center, body.agent);
    const answer = await answerCallout(ctx.db, center, params.id, body, await calloutRules(), principal.userId);
    return { ...answer, callout: asSeenBy(principal, center, answer.callout) };
  },
});

defineRoute({
  method: 'post',
  path: '/api/callouts/:id/publish',
  summary: 'O2: a manager publishes a drafted overtime callout; its first candidates are notified',
  tag: 'callouts',
  roles: PLANNERS,
  params: calloutParams,
  body: z.object({ notify: z.number().int().min(0).max(1000).optional() }),
  async handler({ params, body, principal }, ctx) {
    const center = await calloutCenter(ctx, principal, params.id);
    return publishCallout(ctx.db, center, params.id, principal.userId, body.notify);
  },
});

defineRoute({
  method: 'post',
  path: '/api/callouts/:id/close',
  summary: 'Close a callout: no further answers are taken',
  tag: 'callouts',
  roles: CALLERS,
  params: calloutParams,
  async handler({ params, principal }, ctx) {
    const center = await calloutCenter(ctx, principal, params.id);
    await ctx.db.transaction(async (tx) => {
      const row = await lockCallout(tx, params.id);
      if (!row) throw new NotFoundError(`callout ${params.id} not found`);
      if (row.status === 'closed') throw new ConflictError(`callout ${params.id} is already closed`);
      await tx.query(`UPDATE callouts SET status = 'closed' WHERE id = $1`, [params.id]);
      await audit(tx, { userId: principal.userId, centerId: center.id, action: 'callout.close', objectKind: 'callout', objectId: params.id, rule: 'O1' });
    });
    return getCallout(ctx.db, center, params.id);
  },
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/overtime-drafts',
  summary: 'O2: draft overtime callouts for the next days\' forecast peaks (forecast requirement vs the published roster) for a manager to publish',
  tag: 'callouts',
  roles: CALLERS,
  params: centerIdParams,
  body: z.object({ from: z.iso.date(), days: z.number().int().min(1).max(14).default(3), threshold: z.number().min(0).max(1000).optional(), queues: z.array(z.string()).optional() }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return draftOvertime(ctx.db, center, body, await calloutRules(), principal.userId);
  },
});
