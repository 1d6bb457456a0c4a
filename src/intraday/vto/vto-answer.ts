/**
 * An agent's answer to a VTO offer. Decline: recorded, the next candidate is notified, nothing else changes.
 * Accept: the agent is judged again on the roster as it is now (vto-judge.ts: still on shift, the rules kept,
 * L9 for a whole shift) and the reforecast must still have an agent to spare in every interval of their time
 * off (R3); then the month's published roster gets a new version with the shift shortened or removed
 * (requests/roster-versions.ts, as an approved leave or swap does: rescored, published in place, a "vto" roster
 * fact pinning the day), and the answer row holds the time off, which attendance reads as approved
 * (src/attendance/vto-days.ts). Once enough agents accepted, the offer is filled.
 *
 * Why a new version rather than an edit of the published roster (as accepted overtime is): time off changes a
 * planned shift, which every later judgement of the month (leave, swaps, L9) must see, and the version keeps
 * the before and after for the audit. Concurrency as for callouts: the offer row is locked (FOR UPDATE), and the
 * roster-month and team-month decision locks that leave and swaps take serialize the new version with theirs.
 * Each agent answers once: a second answer, accept or decline, is a conflict (409).
 */
import { DateTime } from 'luxon';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Db } from '../../db/db.ts';
import { audit } from '../../db/repos/audit.ts';
import { ensureLocks, lockKeys } from '../../db/repos/requests.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { teamOf } from '../../requests/approvers.ts';
import { inTurn } from '../../requests/decision-turns.ts';
import { defaultRulebook } from '../../requests/default-rulebook.ts';
import { baseRoster, saveChange } from '../../requests/roster-versions.ts';
import { addDays } from '../../time/local-day.ts';
import { deliverSoon, enqueueNotifications, type Notification } from '../callouts/outbox.ts';
import { shortened } from './vto-cut.ts';
import { judgeVto, windowDate } from './vto-judge.ts';
import { getVtoOffer, lockVtoOffer, nextVtoWave, surplusOver, type VtoOffer } from './vto-service.ts';

export interface VtoAnswerResult {
  offer: VtoOffer;
  agent: string;
  accept: boolean;
  /** The time off (accept). */
  off: { start: string; end: string } | null;
  /** The roster version the acceptance wrote. */
  roster: { id: number; version: number; parent: number } | null;
}

const EPS = 1e-9;

/** Decision locks an acceptance takes: the roster months its shift can be in, and the agent's team-months (L9). */
async function lockKeysFor(db: Db, center: Center, offerId: number, agent: string): Promise<string[]> {
  const r = await db.query<{ from_at: Date }>('SELECT from_at FROM vto_offers WHERE id = $1', [offerId]);
  if (!r.rows[0]) return [];
  const day = DateTime.fromJSDate(new Date(r.rows[0].from_at), { zone: center.timezone }).toISODate()!;
  const months = [...new Set([addDays(day, -1), day].map((d) => d.slice(0, 7)))];
  const team = teamOf(center, agent);
  return [...months.map((m) => `roster-month:${m}`), ...(team ? months.map((m) => `team-month:${team.id}:${m}`) : [])];
}

export async function answerVto(db: Db, center: Center, offerId: number, answer: { agent: string; accept: boolean }, rules: readonly Rule[], userId: number | null, now = new Date()): Promise<VtoAnswerResult> {
  const keys = answer.accept ? await lockKeysFor(db, center, offerId, answer.agent) : [];
  await ensureLocks(db, center.id, keys);
  const outcome = await inTurn(db, center.id, [`vto:${offerId}`, ...keys], () => db.transaction(async (tx) => {
    const row = await lockVtoOffer(tx, offerId);
    if (!row || row.center_id !== center.id) throw new NotFoundError(`VTO offer ${offerId} not found`);
    const previous = await tx.query<{ accept: boolean }>('SELECT accept FROM vto_responses WHERE offer_id = $1 AND agent_id = $2', [offerId, answer.agent]);
    if (previous.rows[0]) throw new ConflictError(`${answer.agent} already ${previous.rows[0].accept ? 'accepted' : 'declined'} VTO offer ${offerId}`);
    if (row.status === 'closed') throw new ConflictError(`VTO offer ${offerId} is closed`);
    const window = { queue: row.queue_id, fromMs: new Date(row.from_at).getTime(), toMs: new Date(row.to_at).getTime() };
    if (now.getTime() >= window.fromMs) throw new ConflictError(`VTO offer ${offerId} expired at the start of its window (${new Date(row.from_at).toISOString()})`);
    if (row.status === 'filled' && answer.accept) throw new ConflictError(`VTO offer ${offerId} is already filled (${row.wanted} accepted)`);
    const candidates = row.candidates;
    if (!candidates.some((c) => c.agent === answer.agent)) {
      const why = row.detail.excluded?.find((x) => x.agent === answer.agent);
      throw new ConflictError(`${answer.agent} is not on VTO offer ${offerId}'s list: ${why ? why.reasons.join('; ') : `not on shift on ${row.queue_id} in the window`}`, why?.rules.find((r) => r !== 'offer'));
    }
    const answered = new Set((await tx.query<{ agent_id: string }>('SELECT agent_id FROM vto_responses WHERE offer_id = $1', [offerId])).rows.map((r) => r.agent_id));
    answered.add(answer.agent);
    const notes: Notification[] = [];

    if (!answer.accept) {
      await tx.query('INSERT INTO vto_responses (offer_id, center_id, agent_id, accept) VALUES ($1, $2, $3, false)', [offerId, center.id, answer.agent]);
      if (row.status === 'open') notes.push(...nextVtoWave(offerId, candidates, 1, now.toISOString(), answered));
      await tx.query('UPDATE vto_offers SET candidates = $2 WHERE id = $1', [offerId, JSON.stringify(candidates)]);
      await audit(tx, { userId, centerId: center.id, action: 'vto.decline', objectKind: 'vto_offer', objectId: offerId, detail: { agent: answer.agent } });
      return { notes: await enqueueNotifications(tx, center.id, notes), off: null, roster: null };
    }

    // Accept: judged again on the roster and the reforecast as they are now.
    await lockKeys(tx, center.id, keys);
    const judged = await judgeVto(tx, center, window, rules, new Set([answer.agent]));
    const fresh = judged.candidates[0];
    const cut = judged.cuts.get(answer.agent);
    if (!fresh || !cut) {
      const why = judged.excluded[0] ?? { rules: ['offer'], reasons: ['no longer on shift in the window'] };
      const rule = why.rules.find((r) => r !== 'offer');
      if (!rule) throw new ConflictError(`${answer.agent} can no longer take this time off: ${why.reasons.join('; ')}`);
      throw new RuleViolationError(rule, `${answer.agent} can no longer take this time off: ${why.reasons.join('; ')}`, { rules: why.rules, reasons: why.reasons });
    }
    const surplus = await surplusOver(tx, center, row.queue_id, cut.offStartMs, cut.offEndMs, now);
    if (surplus.min < 1 - EPS) {
      throw new RuleViolationError('R3', `the reforecast now has ${Math.round(Math.max(0, surplus.min) * 100) / 100} agent(s) above the requirement at ${surplus.at.slice(11, 16)}: ${answer.agent} leaving would leave the queue short`);
    }
    const month = cut.base.date.slice(0, 7);
    const base = await baseRoster(tx, center, month);
    const removed = base?.meta.status === 'published'
      ? base.roster.assignments.find((a) => a.agent === answer.agent && a.date === cut.base.date && a.kind !== 'overtime' && Date.parse(a.start) === Date.parse(cut.base.start))
      : undefined;
    if (!base || !removed) throw new ConflictError(`the published roster of ${month} changed meanwhile: ${answer.agent}'s shift is not there`);
    const added = cut.after ? [shortened(removed, Date.parse(cut.after.start), Date.parse(cut.after.end), center)] : [];
    const saved = await saveChange(tx, {
      center, base, change: { removed: [removed], added }, rulebook: defaultRulebook, userId, ref: { vto: offerId }, rule: 'Q1', action: 'vto.accept', fact: 'vto',
    });
    await tx.query(
      `INSERT INTO vto_responses (offer_id, center_id, agent_id, accept, day, off_from, off_to, whole_shift, roster_id) VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8)`,
      [offerId, center.id, answer.agent, cut.base.date, new Date(cut.offStartMs), new Date(cut.offEndMs), cut.after === null, saved.id],
    );
    const accepted = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM vto_responses WHERE offer_id = $1 AND accept', [offerId])).rows[0].n;
    notes.push({ channel: 'sms', recipient: answer.agent, payload: { type: 'vto.confirmed', offer: offerId, start: fresh.start, end: fresh.end, worked: fresh.worked } });
    if (row.created_by !== null) notes.push({ channel: 'app', recipient: `user:${row.created_by}`, payload: { type: 'vto.accepted', offer: offerId, agent: answer.agent, accepted, count: row.wanted } });
    if (accepted >= row.wanted) {
      await tx.query(`UPDATE vto_offers SET status = 'filled' WHERE id = $1`, [offerId]);
      for (const c of candidates) if (c.notifiedAt && !answered.has(c.agent)) notes.push({ channel: 'sms', recipient: c.agent, payload: { type: 'vto.filled', offer: offerId } });
    }
    return {
      notes: await enqueueNotifications(tx, center.id, notes), off: { start: fresh.start, end: fresh.end },
      roster: { id: saved.id, version: saved.version, parent: base.meta.id },
    };
  }));
  deliverSoon(db, outcome.notes);
  return { offer: (await getVtoOffer(db, center, offerId, now))!, agent: answer.agent, accept: answer.accept, off: outcome.off, roster: outcome.roster };
}

/** A supervisor withdraws an offer (the reforecast rose, say): no further answers are taken. */
export async function closeVtoOffer(db: Db, center: Center, offerId: number, userId: number | null): Promise<VtoOffer> {
  await db.transaction(async (tx) => {
    const row = await lockVtoOffer(tx, offerId);
    if (!row || row.center_id !== center.id) throw new NotFoundError(`VTO offer ${offerId} not found`);
    if (row.status === 'closed') throw new ConflictError(`VTO offer ${offerId} is already closed`);
    await tx.query(`UPDATE vto_offers SET status = 'closed' WHERE id = $1`, [offerId]);
    await audit(tx, { userId, centerId: center.id, action: 'vto.close', objectKind: 'vto_offer', objectId: offerId });
  });
  return (await getVtoOffer(db, center, offerId))!;
}
