/**
 * R6 peer swaps need the peer's consent: a swap with another agent first waits for that agent, who accepts
 * (then the swap is decided as any change: approved at once or routed to the duty supervisor) or declines (it
 * is rejected and changes nothing). No approver sees it before. Unanswered, it expires PEER_CONSENT_HOURS
 * after filing, or when the swap day begins if that comes first, its quota slots given back.
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { releaseQuotaSlots } from '../db/repos/requests.ts';
import { dayStart, isoWithOffset } from '../time/local-day.ts';
import { recordDecision, setState } from './decisions.ts';
import type { RouteStep } from './types.ts';

/** How long a peer has to answer (at most until the swap day begins). */
export const PEER_CONSENT_HOURS = 48;

/** The step a peer swap waits on: the peer, under R6, until its deadline. */
export function peerStep(center: Center, peer: string, swapDate: string, now: Date = new Date()): RouteStep {
  const byHours = DateTime.fromJSDate(now, { zone: center.timezone }).plus({ hours: PEER_CONSENT_HOURS });
  const dayBegins = dayStart(swapDate, center.timezone);
  // The swap day's start bounds the wait only while it is ahead (a swap filed for a day already begun has the hours).
  const until = dayBegins.toMillis() > now.getTime() && dayBegins < byHours ? dayBegins : byHours;
  return { role: 'peer', agent: peer, rule: 'R6', until: isoWithOffset(until) };
}

/** Expires every open peer swap of the center whose peer did not answer in time; returns their ids. */
export async function expirePeerConsents(db: Db, center: Center, now: Date = new Date()): Promise<number[]> {
  const open = await db.query<{ id: number; route: RouteStep[] }>(
    `SELECT id, route FROM requests WHERE center_id = $1 AND status = 'pending' AND next_role = 'peer'`, [center.id]);
  const late = open.rows.filter((r) => r.route[0]?.until && Date.parse(r.route[0].until) <= now.getTime());
  for (const r of late) {
    await db.transaction(async (tx) => {
      // Taken again under its row lock: the peer may have answered meanwhile.
      const still = await tx.query<{ id: number }>(`SELECT id FROM requests WHERE id = $1 AND status = 'pending' AND next_role = 'peer' FOR UPDATE`, [r.id]);
      if (still.rows.length === 0) return;
      await releaseQuotaSlots(tx, r.id);
      await setState(tx, center, r.id, { status: 'cancelled', route: [], rule: 'R6' });
      await recordDecision(tx, r.id, null, 'expired', 'R6', `${r.route[0].agent} did not answer by ${r.route[0].until}: the swap lapsed and changes nothing`, {});
    });
  }
  return late.map((r) => r.id);
}
