/** Voluntary time off (issue 26): offers for the reforecast's surplus windows, read, answered, closed. */
import { z } from 'zod';
import { assertAgentAccess, assertCenterAccess, canSeeAgent, type Principal } from '../../auth/principal.ts';
import { FLOOR, PLANNERS } from '../../auth/roles.ts';
import type { Center } from '../../domain/center-schema.ts';
import { NotFoundError } from '../../errors.ts';
import { calloutRules } from '../../intraday/callouts/callout-rules.ts';
import { answerVto, closeVtoOffer } from '../../intraday/vto/vto-answer.ts';
import { VTO_RULE_IDS } from '../../intraday/vto/vto-rank.ts';
import { createVtoOffer, getVtoOffer, listVtoOffers, vtoOfferCenterId, type VtoOffer } from '../../intraday/vto/vto-service.ts';
import { dayStart } from '../../time/local-day.ts';
import type { AppContext } from '../context.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

/** The roles that call people in for overtime (O1) offer time off too. */
const OFFERERS = [...PLANNERS, 'supervisor' as const];
const READERS = [...FLOOR, 'analyst' as const];
const offerParams = z.object({ id: z.coerce.number().int().positive() });
const instant = z.iso.datetime({ offset: true, local: true });
const vtoRules = () => calloutRules(VTO_RULE_IDS);

/** The offer as the caller may see it: offerers see the whole floor, a lead or an agent only the people of their scope. */
function asSeenBy(principal: Principal, center: Center, o: VtoOffer): VtoOffer {
  if ((OFFERERS as readonly string[]).includes(principal.role)) return o;
  const sees = (x: { agent: string }) => canSeeAgent(principal, center, x.agent);
  return { ...o, candidates: o.candidates.filter(sees), excluded: o.excluded.filter(sees), responses: o.responses.filter(sees) };
}

/** The offer's center, checked against the caller (404 when it is not theirs). */
async function offerCenter(ctx: AppContext, principal: Principal, id: number) {
  const centerId = await vtoOfferCenterId(ctx.db, id);
  if (!centerId) throw new NotFoundError(`VTO offer ${id} not found`);
  try {
    assertCenterAccess(principal, centerId);
  } catch {
    throw new NotFoundError(`VTO offer ${id} not found`);
  }
  return ctx.center(centerId);
}

defineRoute({
  method: 'post',
  path: '/api/centers/:id/vto-offers',
  summary: 'Offer voluntary time off in a window not yet started where the reforecast has at least `count` agents above the requirement (≥ 60 min); answers the ranked eligible agents (and who was excluded by which rule) and notifies the first ones',
  tag: 'vto',
  roles: OFFERERS,
  params: centerIdParams,
  body: z.object({
    queue: z.string().min(1),
    from: instant,
    to: instant,
    count: z.number().int().min(1).max(500),
    notify: z.number().int().min(0).max(1000).optional(),
  }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return createVtoOffer(ctx.db, center, body, await vtoRules(), principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/vto-offers',
  summary: 'VTO offers of a day (or all recent ones), with candidates and answers',
  tag: 'vto',
  roles: READERS,
  params: centerIdParams,
  query: z.object({ date: z.iso.date().optional(), status: z.enum(['open', 'filled', 'closed', 'expired']).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const range = query.date
      ? { from: dayStart(query.date, center.timezone).toISO()!, to: dayStart(query.date, center.timezone).plus({ days: 1 }).toISO()! }
      : {};
    return { offers: (await listVtoOffers(ctx.db, center, { ...range, status: query.status })).map((o) => asSeenBy(principal, center, o)) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/vto-offers/:id',
  summary: 'A VTO offer with its ranked candidates, exclusions and answers',
  tag: 'vto',
  roles: READERS,
  params: offerParams,
  async handler({ params, principal }, ctx) {
    const center = await offerCenter(ctx, principal, params.id);
    const offer = await getVtoOffer(ctx.db, center, params.id);
    return offer && asSeenBy(principal, center, offer);
  },
});

defineRoute({
  method: 'post',
  path: '/api/vto-offers/:id/agents/:agentId/answer',
  summary: 'An agent takes or declines the time off (the agent themself, or their lead, supervisor or a manager recording the answer); accepted = a new roster version with the shift shortened and approved time off in attendance; one answer per agent (409 after)',
  tag: 'vto',
  roles: [...FLOOR, 'agent'],
  params: offerParams.extend({ agentId: z.string().min(1) }),
  body: z.object({ accept: z.boolean() }),
  async handler({ params, body, principal }, ctx) {
    const center = await offerCenter(ctx, principal, params.id);
    assertAgentAccess(principal, center, params.agentId);
    const answer = await answerVto(ctx.db, center, params.id, { agent: params.agentId, accept: body.accept }, await vtoRules(), principal.userId);
    return { ...answer, offer: asSeenBy(principal, center, answer.offer) };
  },
});

defineRoute({
  method: 'post',
  path: '/api/vto-offers/:id/close',
  summary: 'Withdraw a VTO offer: no further answers are taken (time off already accepted stays)',
  tag: 'vto',
  roles: OFFERERS,
  params: offerParams,
  async handler({ params, principal }, ctx) {
    const center = await offerCenter(ctx, principal, params.id);
    return closeVtoOffer(ctx.db, center, params.id, principal.userId);
  },
});
