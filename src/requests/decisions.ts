/**
 * Writing a request's state: its route (who must act next, with that person's user id where known), status,
 * deciding rule, and one decision row per act (who, when, outcome, rule, numbers).
 */
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { addDecision, updateRequestState, userIdsOfAgents } from '../db/repos/requests.ts';
import type { DecisionOutcome, RequestStatus, RouteStep } from './types.ts';

export async function recordDecision(
  tx: Queryable,
  requestId: number,
  actor: Principal | null,
  outcome: DecisionOutcome,
  rule: string | null,
  message: string,
  numbers: Record<string, unknown> = {},
): Promise<void> {
  await addDecision(tx, requestId, {
    userId: actor?.userId ?? null,
    outcome,
    rule,
    detail: { role: actor?.role ?? null, agent: actor?.agentId ?? null, message, numbers },
  });
}

export interface NewState {
  status: RequestStatus;
  route: RouteStep[];
  rule: string | null;
  impact?: object;
  result?: object;
}

export async function setState(tx: Queryable, center: Center, requestId: number, s: NewState): Promise<void> {
  const next = s.route[0];
  const nextUser = next?.agent ? (await userIdsOfAgents(tx, center.id, [next.agent])).get(next.agent) ?? null : null;
  await updateRequestState(tx, requestId, {
    status: s.status,
    route: s.route,
    nextRole: next?.role ?? null,
    nextUserId: nextUser,
    rule: s.rule,
    impact: s.impact,
    result: s.result,
  });
}
