/** Stored requests and their decisions as the API shows them (RequestView). */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { decisionsOf, type StoredRequest } from '../db/repos/requests.ts';
import { papersState } from './sick-leave.ts';
import type { Decision, DecisionOutcome, RequestPayload, RequestView, RouteStep } from './types.ts';

export function todayIn(center: Center, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: center.timezone }).toISODate()!;
}

export async function toViews(db: Queryable, center: Center, records: readonly StoredRequest[], now: Date = new Date()): Promise<RequestView[]> {
  const decisions = await decisionsOf(db, records.map((r) => r.id));
  const today = todayIn(center, now);
  return records.map((r) => {
    const route = r.route as unknown as RouteStep[];
    const next = route[0];
    return {
      id: r.id,
      center: r.centerId,
      kind: r.kind,
      status: r.status,
      agent: r.agentId,
      team: r.teamId,
      peer: r.peerAgentId,
      from: r.dateFrom,
      to: r.dateTo,
      details: r.payload as unknown as RequestPayload,
      nextApprover: next ? { role: next.role, ...(next.agent ? { agent: next.agent } : {}), ...(r.nextUserId ? { user: r.nextUserId } : {}) } : null,
      route,
      rule: r.rule,
      decisions: decisions.filter((d) => d.requestId === r.id).map((d): Decision => ({
        user: d.userId,
        role: (d.detail.role as string | null) ?? null,
        agent: (d.detail.agent as string | null) ?? null,
        at: d.at,
        outcome: d.outcome as DecisionOutcome,
        rule: d.rule,
        message: (d.detail.message as string) ?? '',
        numbers: (d.detail.numbers as Record<string, unknown>) ?? {},
      })),
      impact: r.impact,
      result: r.result,
      papers: r.status === 'approved' || r.papersReceivedAt ? papersState(r.papersDue, r.papersReceivedAt, today) : null,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}
