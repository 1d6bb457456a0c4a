/**
 * What the matrix sends to each write route, and what the route declares for an allowed caller in scope. The
 * bodies pass the route's schema (so the role and scope checks decide, not the parser) and are then refused
 * cheaply by the route's own rules, or do something harmless: nothing here solves a roster or grants leave
 * (a 202 job is held by the fixture's queue and cancelled). Statuses come from the route declarations and
 * the services they call, one line each.
 */
import type { Caller, ScopeIds } from './authz-fixture.ts';
import { DAY, MONTH } from './authz-fixture.ts';

export interface Probe {
  /** Other objects of the scope to address than the defaults (e.g. the open callout). */
  at?: (ids: ScopeIds) => Partial<ScopeIds>;
  body?: (ids: ScopeIds) => unknown;
  /** The body names a person: another team's person is out of a team-bound caller's scope (404). */
  personBody?: boolean;
  /** Statuses for an allowed caller in scope. */
  ok: (caller: Caller, ids: ScopeIds) => number[];
}

const status = (...s: number[]) => () => s;
/** An agent records attendance only for themself and only sign-in/out: anything else is a 403 of the route's own rule. */
const recorder = (c: Caller) => (c.role === 'agent' ? [403] : [400]);
/** Only the person a request is for, or who filed it, may cancel it (403 otherwise); the fixture's are cancelled (409). */
const canceller = (c: Caller, ids: ScopeIds) => (c.agent === ids.agent ? [409] : [403]);

export const PROBES: Record<string, Probe> = {
  'PUT /api/centers/{id}': { body: () => ({}), ok: status(400) },
  'PUT /api/centers/{id}/special-days': { body: () => [{ date: '2026-12-27', kind: 'holiday', likeDate: '2026-12-28' }], ok: status(400) },
  'POST /api/centers/{id}/attendance/events': { body: (ids) => ({ agent: ids.agent, kind: 'excuse' }), personBody: true, ok: recorder },
  // The fixture's center declares no activities: nothing to move (409).
  'POST /api/centers/{id}/activity-moves': { body: () => ({ date: DAY }), ok: status(409) },
  'POST /api/centers/{id}/callouts': { body: () => ({ queue: 'no-such-queue', from: `${DAY}T10:00:00+08:00`, to: `${DAY}T11:00:00+08:00`, needed: 1 }), ok: status(400) },
  // A decline on the open callout (the same answer again is a repeat, nothing changes); the closed one takes no publish or close.
  'POST /api/callouts/{id}/responses': { at: (ids) => ({ callout: ids.openCallout }), body: (ids) => ({ agent: ids.agent, accept: false }), personBody: true, ok: status(200) },
  'POST /api/callouts/{id}/publish': { body: () => ({}), ok: status(409) },
  'POST /api/callouts/{id}/close': { ok: status(409) },
  'POST /api/centers/{id}/vto-offers': { body: () => ({ queue: 'no-such-queue', from: `${DAY}T15:00:00+08:00`, to: `${DAY}T16:00:00+08:00`, count: 1 }), ok: status(400) },
  // The closed VTO offer takes no answer and no second close (409), whatever the clock says of DAY.
  'POST /api/vto-offers/{id}/agents/{agentId}/answer': { body: () => ({ accept: false }), ok: status(409) },
  'POST /api/vto-offers/{id}/close': { ok: status(409) },
  'POST /api/centers/{id}/overtime-drafts': { body: () => ({ from: DAY, days: 1, queues: ['no-such-queue'] }), ok: status(400) },
  'POST /api/centers/{id}/forecasts': { body: () => ({ from: DAY, days: 1, queues: ['no-such-queue'] }), ok: status(400) },
  'POST /api/centers/{id}/actuals': { body: () => ({}), ok: status(400) },
  'POST /api/centers/{id}/floating': { body: () => ({ date: DAY, apply: false }), ok: status(200) },
  'POST /api/forecasts/{forecastId}/overrides': { body: () => ({ queue: 'no-such-queue', date: DAY, percent: 10, reason: 'probe' }), ok: status(400) },
  'POST /api/forecasts/{forecastId}/overrides/revoke': { body: () => ({ override: 999_999_999 }), ok: status(404) },
  // S2 for a user who does not exist / a grant that does not exist: nothing to approve or revoke (404).
  'POST /api/access-grants': { body: () => ({ user: 999_999_999, center: 'rq', until: '2999-01-01T00:00:00Z', reason: 'probe of S2' }), ok: status(404) },
  'POST /api/access-grants/revoke': { body: () => ({ grant: 999_999_999 }), ok: status(404) },
  // A feed row naming nobody of the center: refused whole (400), nothing stored.
  'POST /api/centers/{id}/agent-states': { body: () => ({ rows: [{ agent: 'no-such-agent', state: 'phone', at: `${DAY}T09:00:00+08:00` }] }), ok: status(400) },
  // RP5 for a moment at which nobody's shift ends: nothing to report (404), nothing stored.
  'POST /api/centers/{id}/safe-home': { body: () => ({ date: DAY, shiftEnd: `${DAY}T03:17:00+08:00` }), ok: status(404) },
  'POST /api/jobs/{jobId}/cancel': { ok: status(200) },
  'POST /api/centers/{id}/agent-metrics': { body: () => ({}), ok: status(400) },
  // Leave that ends before it starts: refused after the subject's scope is checked.
  'POST /api/requests': { body: (ids) => ({ kind: 'leave', type: 'sick', from: '2026-12-20', to: '2026-12-19', reason: 'probe', agent: ids.agent }), personBody: true, ok: status(400) },
  // The fixture's requests are cancelled: no approver acts on them.
  'POST /api/requests/{id}/approve': { ok: status(409) },
  'POST /api/requests/{id}/reject': { body: () => ({}), ok: status(409) },
  'POST /api/requests/{id}/cancel': { body: () => ({}), ok: canceller },
  'POST /api/requests/{id}/papers': { ok: status(409) },
  'POST /api/centers/{id}/rosters': { body: () => ({ month: MONTH, timeLimitSeconds: 5 }), ok: status(202) },
  'POST /api/rosters/{rosterId}/publish': { body: () => ({ confirm: [] }), ok: status(200) },
  'POST /api/rosters/{rosterId}/rule-prices': { ok: status(202) },
  'POST /api/centers/{id}/requirements': { body: () => ({}), ok: status(400) },
  'POST /api/tokens': { body: (ids) => ({ role: 'analyst', center: ids.center }), ok: status(201) },
  'DELETE /api/tokens/{tokenId}': { ok: status(200) },
  'POST /api/centers/{id}/traffic': { body: () => ({ rows: [] }), ok: status(400) },
};
