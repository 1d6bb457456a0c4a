/**
 * R5/R6 quotas per agent and calendar month: self swaps (swapQuota.self, 1), peer swaps (swapQuota.peer, 2,
 * counted for both agents), rest-day moves (restDayAdjustments, 2). A request holds a slot from filing until
 * it is rejected or cancelled, so parallel requests cannot overrun the quota: the caller has locked the
 * agent's month (decision lock) before counting, and the slot's unique key backs the count in the database.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { quotaSlotsInUse, takeQuotaSlot, type QuotaKind } from '../db/repos/requests.ts';
import { RuleViolationError } from '../errors.ts';

export const QUOTA_RULE: Record<QuotaKind, string> = { 'swap-self': 'R6', 'swap-peer': 'R6', 'rest-day': 'R5' };

const LABEL: Record<QuotaKind, string> = { 'swap-self': 'self swaps', 'swap-peer': 'peer swaps', 'rest-day': 'rest-day adjustments' };

export function quotaOf(center: Center, kind: QuotaKind): number {
  if (kind === 'swap-self') return center.rules.swapQuota.self;
  if (kind === 'swap-peer') return center.rules.swapQuota.peer;
  return center.rules.restDayAdjustments;
}

export interface QuotaUse {
  agent: string;
  month: string;
  kind: QuotaKind;
  /** Slots held after this request took one. */
  used: number;
  quota: number;
}

/** Takes a slot for the request, or refuses with the rule and the numbers (used, quota, holding requests). */
export async function reserveQuota(tx: Queryable, center: Center, agentId: string, month: string, kind: QuotaKind, requestId: number): Promise<QuotaUse> {
  const quota = quotaOf(center, kind);
  const held = await quotaSlotsInUse(tx, center.id, agentId, month, kind);
  if (held.length >= quota) {
    const rule = QUOTA_RULE[kind];
    throw new RuleViolationError(
      rule,
      `${agentId} has already used ${held.length} of ${quota} ${LABEL[kind]} in ${month} (${rule}); requests ${held.map((h) => h.requestId).join(', ') || 'none'} hold them`,
      { agent: agentId, month, kind, used: held.length, quota, requests: held.map((h) => h.requestId) },
    );
  }
  const taken = new Set(held.map((h) => h.slot));
  let slot = 1;
  while (taken.has(slot)) slot++;
  await takeQuotaSlot(tx, center.id, agentId, month, kind, slot, requestId);
  return { agent: agentId, month, kind, used: held.length + 1, quota };
}
