/**
 * Leave, swap and rest-day requests (MANUAL.md L1–L10, R5, R6): file, list, read, approve, reject, cancel,
 * and record sick-leave papers. Approval answers 200 with the request — approved, forwarded to the next
 * approver, or escalated with the rule that forbade granting at the caller's level; 403/409 problem+json
 * naming the rule when the caller may not act at all.
 */
import type { Principal } from '../../auth/principal.ts';
import { EVERYONE } from '../../auth/roles.ts';
import { ValidationError } from '../../errors.ts';
import { defaultRulebook } from '../../requests/default-rulebook.ts';
import {
  approveRequest, cancelRequest, fileRequest, getRequest, listRequests, recordPapers, rejectRequest, type RequestDeps,
} from '../../requests/request-service.ts';
import { idParams, listQuery, noteBody, requestBody } from '../../requests/schemas.ts';
import type { AppContext } from '../context.ts';
import { defineRoute } from '../route.ts';

const deps = (ctx: AppContext): RequestDeps => ({ rulebook: defaultRulebook, center: (id) => ctx.center(id) });

function centerIdOf(principal: Principal, asked?: string): string {
  const id = principal.role === 'admin' ? asked : principal.centerId;
  if (!id) throw new ValidationError('name the center: ?center=<id>', [{ where: 'query.center', message: 'required' }]);
  return id;
}

defineRoute({
  method: 'post',
  path: '/api/requests',
  summary: 'File a leave request, a shift swap (self or peer, R6) or a rest-day move (R5); swaps and moves are approved at once when the rulebook and coverage allow',
  tag: 'requests',
  roles: ['agent', 'lead', 'supervisor'],
  body: requestBody,
  status: 201,
  async handler({ body, principal }, ctx) {
    const center = await ctx.center(centerIdOf(principal));
    return fileRequest(ctx.db, center, principal, body, deps(ctx));
  },
});

defineRoute({
  method: 'get',
  path: '/api/requests',
  summary: 'Requests the caller may see (their own, their teams\', or the center\'s), newest first',
  tag: 'requests',
  roles: EVERYONE,
  query: listQuery,
  async handler({ query, principal }, ctx) {
    const center = await ctx.center(centerIdOf(principal, query.center));
    return listRequests(ctx.db, center, principal, { status: query.status, kind: query.kind, mine: query.mine === 'true', team: query.team, limit: query.limit });
  },
});

defineRoute({
  method: 'get',
  path: '/api/requests/:id',
  summary: 'A request with its route (who must act next), decisions (who, when, outcome, rule, numbers), impact and result',
  tag: 'requests',
  roles: EVERYONE,
  params: idParams,
  async handler({ params, principal }, ctx) {
    return getRequest(ctx.db, principal, params.id, deps(ctx));
  },
});

defineRoute({
  method: 'post',
  path: '/api/requests/:id/approve',
  summary: 'Approve as the approver the request waits for: forwards, grants, or escalates naming the rule (L7, L8, L9); the peer of a swap consents here (R6)',
  tag: 'requests',
  // Agents too: a peer swap waits for the other agent's consent (R6); the request says whom it waits for.
  roles: ['agent', 'lead', 'supervisor', 'manager', 'director'],
  params: idParams,
  async handler({ params, principal }, ctx) {
    return approveRequest(ctx.db, principal, params.id, deps(ctx));
  },
});

defineRoute({
  method: 'post',
  path: '/api/requests/:id/reject',
  summary: 'Reject as the approver the request waits for (a quota slot held by it is released); the peer of a swap declines here (R6)',
  tag: 'requests',
  roles: ['agent', 'lead', 'supervisor', 'manager', 'director'],
  params: idParams,
  body: noteBody,
  async handler({ params, body, principal }, ctx) {
    return rejectRequest(ctx.db, principal, params.id, body.reason, deps(ctx));
  },
});

defineRoute({
  method: 'post',
  path: '/api/requests/:id/cancel',
  summary: 'Cancel a pending or escalated request, or approved leave before it begins (its shifts put back where the rules allow); by the person it is for, or whoever filed it',
  tag: 'requests',
  roles: EVERYONE,
  params: idParams,
  body: noteBody,
  async handler({ params, body, principal }, ctx) {
    return cancelRequest(ctx.db, principal, params.id, body.reason, deps(ctx));
  },
});

defineRoute({
  method: 'post',
  path: '/api/requests/:id/papers',
  summary: 'L6: record that the papers of an approved sick leave came in (team lead or duty supervisor)',
  tag: 'requests',
  roles: ['lead', 'supervisor'],
  params: idParams,
  async handler({ params, principal }, ctx) {
    return recordPapers(ctx.db, principal, params.id, deps(ctx));
  },
});
