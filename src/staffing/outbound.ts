/**
 * Outbound (TSR) staffing by productivity (MANUAL T1): an agent makes `callsPerHour` calls an hour by tier
 * (intern 11, C 13, B 15, A 17 by default, set per queue in the center). The tier mix is the center's phone
 * staff who work the queue (their team's queue, else their first queue skill: agentQueue), weighted by
 * headcount, so the mix rate is Σ nₜ·CPHₜ / Σ nₜ. Staff without a tier count as interns (the lowest T1 rate);
 * a queue nobody works uses the intern rate, since whoever is hired starts as an intern (T1: interns are in
 * their first 3–6 months).
 *
 * Agents required in an interval = target calls ÷ (mix CPH × interval hours), the forecast's `offered` being
 * the number of calls to make.
 */
import { TIERS, type Center, type OutboundQueue, type Tier } from '../domain/center-schema.ts';
import { agentQueue } from './agent-capacity.ts';

/** Roles that take calls (supervisors are on the floor, MANUAL R11; managers and the director are not). */
export const PHONE_ROLES = ['agent', 'lead'] as const;

export interface TierMix {
  queue: string;
  /** Phone staff who work the queue, by tier (untiered counted as intern). */
  headcount: Record<Tier, number>;
  /** Staff counted as interns because they have no tier. */
  untiered: number;
  callsPerHourByTier: Record<Tier, number>;
  /** Headcount-weighted calls per hour of the mix. */
  callsPerHour: number;
}

export function tierMix(center: Center, queue: OutboundQueue, phoneRoles: readonly string[] = PHONE_ROLES): TierMix {
  const headcount = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  let untiered = 0;
  for (const agent of center.agents) {
    // The people whose hours count for this queue (agentQueue, as in capacity and the hiring gap): one
    // population for the calls an hour the requirements assume and the hours that meet them.
    if (!phoneRoles.includes(agent.role) || agentQueue(center, agent) !== queue.id) continue;
    if (agent.tier) headcount[agent.tier] += 1;
    else {
      headcount.intern += 1;
      untiered += 1;
    }
  }
  const cph = queue.callsPerHour;
  const people = TIERS.reduce((s, t) => s + headcount[t], 0);
  const callsPerHour = people === 0 ? cph.intern : TIERS.reduce((s, t) => s + headcount[t] * cph[t], 0) / people;
  return { queue: queue.id, headcount, untiered, callsPerHourByTier: { ...cph }, callsPerHour };
}

export type OutboundRounding = 'ceil' | 'exact';

/** Agents needed to make `targetCalls` calls in an interval of `intervalMinutes` at `callsPerHour` each. */
export function outboundAgentsRequired(
  targetCalls: number,
  callsPerHour: number,
  intervalMinutes: number,
  rounding: OutboundRounding = 'ceil',
): number {
  if (!(targetCalls >= 0 && Number.isFinite(targetCalls))) throw new RangeError(`target calls must be ≥ 0, got ${targetCalls}`);
  if (!(callsPerHour > 0)) throw new RangeError(`calls per hour must be > 0, got ${callsPerHour}`);
  if (!(intervalMinutes > 0)) throw new RangeError(`interval must be > 0 minutes, got ${intervalMinutes}`);
  const exact = targetCalls / (callsPerHour * (intervalMinutes / 60));
  // The tolerance keeps 26 calls / (13 × 0.5 h) = 4.000…01 at 4 agents.
  return rounding === 'ceil' ? Math.max(0, Math.ceil(exact - 1e-9)) : exact;
}
