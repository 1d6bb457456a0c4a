/**
 * Voluntary time off offers (issue 26) as stored objects, built like overtime callouts: a supervisor offers a
 * window of a queue to a number of agents; the window must not have started, last at least an hour, and the
 * reforecast must have that many agents to spare in every interval of it (R3: the requirement stays covered
 * whoever goes); the ranked candidates (vto-judge.ts) are stored with the offer and the first ones notified
 * through the outbox, each decline notifying the next. Answers are in vto-answer.ts. An open offer expires at
 * its window's start (read back as "expired").
 */
import { DateTime } from 'luxon';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Db, Queryable } from '../../db/db.ts';
import { audit } from '../../db/repos/audit.ts';
import { ValidationError } from '../../errors.ts';
import { dayIntervals, isoWithOffset } from '../../time/local-day.ts';
import { markNext, parseWindow } from '../callouts/callout-service.ts';
import { deliverSoon, enqueueNotifications, type Notification } from '../callouts/outbox.ts';
import type { Excluded } from '../callouts/rank-candidates.ts';
import { intradayView } from '../intraday-view.ts';
import { VTO_MIN_MINUTES } from '../surplus-windows.ts';
import { judgeVto, windowDate } from './vto-judge.ts';
import type { VtoCandidate, VtoWindow } from './vto-rank.ts';

export type VtoStatus = 'open' | 'filled' | 'closed' | 'expired';

export interface StoredVtoCandidate extends VtoCandidate {
  notifiedAt?: string;
}

export interface VtoOffer {
  id: number;
  center: string;
  status: VtoStatus;
  queue: string;
  from: string;
  to: string;
  /** Agents who may go. */
  count: number;
  candidates: StoredVtoCandidate[];
  excluded: Excluded[];
  responses: Array<{ agent: string; accept: boolean; start: string | null; end: string | null; rosterId: number | null; at: string }>;
  /** The reforecast's smallest surplus over the window when the offer was made. */
  surplus: { min: number; at: string } | null;
  createdBy: number | null;
  createdAt: string;
  ranking: string;
}

export interface CreateVtoInput {
  queue: string;
  from: string;
  to: string;
  count: number;
  /** Candidates to notify now (default 2 × count); 0 = none. */
  notify?: number;
}

export const VTO_RANKING = 'agents on shift on the queue whose shift the window can shorten (leave early, start late) or take whole, keeping the rulebook\'s '
  + 'C3, C5, C6, C8, R7, R8, R9, R10, R12 and, for a whole shift, L9; ranked by fewest VTO hours this month, then lower calls per hour, '
  + 'then more time off, then agent id';

const EPS = 1e-9;

/** The reforecast's smallest surplus (scheduled − required) over the intervals a span touches, and where. */
export async function surplusOver(db: Queryable, center: Center, queue: string, fromMs: number, toMs: number, asOf: Date): Promise<{ min: number; at: string }> {
  const date = DateTime.fromMillis(fromMs, { zone: center.timezone }).toISODate()!;
  const view = await intradayView(db, center, { date, queues: [queue], asOf });
  const gap = new Map(view.queues[0].intervals.map((r) => [Date.parse(r.interval_start), r.gap]));
  const step = center.intervalMinutes * 60_000;
  let worst = { min: Infinity, at: '' };
  for (const iv of dayIntervals(date, center.timezone, center.intervalMinutes)) {
    if (iv.startMs >= toMs || iv.startMs + step <= fromMs) continue;
    // An interval the view leaves out has nobody scheduled and nothing forecast: no surplus.
    const s = gap.has(iv.startMs) ? -gap.get(iv.startMs)! : 0;
    if (s < worst.min) worst = { min: s, at: iv.start };
  }
  return worst;
}

function offerNote(offerId: number, c: StoredVtoCandidate): Notification {
  return {
    channel: 'sms', recipient: c.agent,
    payload: { type: 'vto.offer', offer: offerId, start: c.start, end: c.end, hours: c.hours, mode: c.mode, rank: c.rank, reply: `POST /api/vto-offers/${offerId}/agents/${c.agent}/answer` },
  };
}

/** Marks the next candidates as notified (rank order, skipping who answered); returns their notifications. */
export function nextVtoWave(offerId: number, candidates: StoredVtoCandidate[], count: number, at: string, skip: ReadonlySet<string> = new Set()): Notification[] {
  return markNext(candidates, count, at, skip, (c) => offerNote(offerId, c));
}

function checkWindow(center: Center, input: CreateVtoInput, now: Date): VtoWindow {
  if (!center.queues.some((q) => q.id === input.queue)) {
    throw new ValidationError(`unknown queue "${input.queue}"`, [{ where: 'body.queue', message: `not one of ${center.queues.map((q) => q.id).join(', ')}` }]);
  }
  const window = { queue: input.queue, ...parseWindow(center, input.from, input.to) };
  const problem = (where: string, message: string) => new ValidationError(message, [{ where, message }], 422);
  if (window.toMs - window.fromMs < VTO_MIN_MINUTES * 60_000) throw problem('body.to', `a VTO window lasts at least ${VTO_MIN_MINUTES} minutes`);
  if (windowDate(center, window) !== windowDate(center, { ...window, fromMs: window.toMs - 1 })) throw problem('body.to', 'a VTO window ends on the day it starts');
  if (window.fromMs <= now.getTime()) throw problem('body.from', 'the window has started: a VTO offer expires at its window\'s start');
  return window;
}

export async function createVtoOffer(db: Db, center: Center, input: CreateVtoInput, rules: readonly Rule[], userId: number | null, now = new Date()): Promise<VtoOffer> {
  const window = checkWindow(center, input, now);
  const surplus = await surplusOver(db, center, input.queue, window.fromMs, window.toMs, now);
  if (surplus.min + EPS < input.count) {
    const message = `the reforecast has ${Math.max(0, Math.round(surplus.min * 100) / 100)} agent(s) above the requirement at ${surplus.at.slice(11, 16)}: `
      + `at most ${Math.max(0, Math.floor(surplus.min + EPS))} may take time off in this window, not ${input.count}`;
    throw new ValidationError(message, [{ where: 'body.count', message, rule: 'R3' }], 422);
  }
  const judged = await judgeVto(db, center, window, rules);
  const ids = await db.transaction(async (tx) => {
    const row = await tx.query<{ id: number }>(
      `INSERT INTO vto_offers (center_id, queue_id, from_at, to_at, wanted, candidates, created_by, detail)
       VALUES ($1, $2, $3, $4, $5, '[]', $6, $7) RETURNING id`,
      [center.id, input.queue, new Date(window.fromMs), new Date(window.toMs), input.count, userId,
        JSON.stringify({ excluded: judged.excluded, ranking: VTO_RANKING, rules: rules.map((r) => r.id), surplus, rosterId: judged.rosterId })],
    );
    const offerId = Number(row.rows[0].id);
    const candidates: StoredVtoCandidate[] = judged.candidates;
    const wave = nextVtoWave(offerId, candidates, input.notify ?? input.count * 2, now.toISOString());
    await tx.query('UPDATE vto_offers SET candidates = $2 WHERE id = $1', [offerId, JSON.stringify(candidates)]);
    await audit(tx, {
      userId, centerId: center.id, action: 'vto.create', objectKind: 'vto_offer', objectId: offerId, rule: 'Q1',
      detail: { queue: input.queue, from: input.from, to: input.to, count: input.count, surplus, candidates: candidates.length, notified: wave.length },
    });
    return { offerId, notes: await enqueueNotifications(tx, center.id, wave) };
  });
  deliverSoon(db, ids.notes);
  return (await getVtoOffer(db, center, ids.offerId, now))!;
}

export type VtoRow = {
  id: number; center_id: string; queue_id: string; from_at: Date; to_at: Date; wanted: number; status: 'open' | 'filled' | 'closed';
  candidates: StoredVtoCandidate[]; detail: { excluded?: Excluded[]; ranking?: string; surplus?: { min: number; at: string } }; created_by: number | null; created_at: Date;
};

export async function lockVtoOffer(tx: Queryable, id: number): Promise<VtoRow | null> {
  return (await tx.query<VtoRow>('SELECT * FROM vto_offers WHERE id = $1 FOR UPDATE', [id])).rows[0] ?? null;
}

/** The center an offer belongs to (for routes that get only the offer id). */
export async function vtoOfferCenterId(db: Queryable, id: number): Promise<string | null> {
  return (await db.query<{ center_id: string }>('SELECT center_id FROM vto_offers WHERE id = $1', [id])).rows[0]?.center_id ?? null;
}

export async function getVtoOffer(db: Queryable, center: Center, id: number, now = new Date()): Promise<VtoOffer | null> {
  const row = (await db.query<VtoRow>('SELECT * FROM vto_offers WHERE id = $1', [id])).rows[0];
  if (!row || row.center_id !== center.id) return null;
  const render = (d: Date) => isoWithOffset(DateTime.fromJSDate(new Date(d), { zone: center.timezone }));
  const responses = await db.query<{ agent_id: string; accept: boolean; off_from: Date | null; off_to: Date | null; roster_id: number | null; at: Date }>(
    'SELECT agent_id, accept, off_from, off_to, roster_id, at FROM vto_responses WHERE offer_id = $1 ORDER BY at, agent_id', [id],
  );
  const expired = row.status === 'open' && new Date(row.from_at).getTime() <= now.getTime();
  return {
    id: Number(row.id), center: row.center_id, status: expired ? 'expired' : row.status, queue: row.queue_id, from: render(row.from_at), to: render(row.to_at),
    count: row.wanted, candidates: row.candidates, excluded: row.detail.excluded ?? [],
    responses: responses.rows.map((x) => ({
      agent: x.agent_id, accept: x.accept, start: x.off_from ? render(x.off_from) : null, end: x.off_to ? render(x.off_to) : null,
      rosterId: x.roster_id === null ? null : Number(x.roster_id), at: new Date(x.at).toISOString(),
    })),
    surplus: row.detail.surplus ?? null, createdBy: row.created_by === null ? null : Number(row.created_by), createdAt: new Date(row.created_at).toISOString(),
    ranking: row.detail.ranking ?? VTO_RANKING,
  };
}

export async function listVtoOffers(db: Queryable, center: Center, q: { from?: string; to?: string; status?: VtoStatus }): Promise<VtoOffer[]> {
  const r = await db.query<{ id: number }>(
    `SELECT id FROM vto_offers WHERE center_id = $1 AND ($2::timestamptz IS NULL OR to_at > $2) AND ($3::timestamptz IS NULL OR from_at < $3)
      ORDER BY from_at, id LIMIT 500`,
    [center.id, q.from ?? null, q.to ?? null],
  );
  const out: VtoOffer[] = [];
  for (const row of r.rows) out.push((await getVtoOffer(db, center, Number(row.id)))!);
  // "expired" is a reading of the clock, not a stored status: filtered here.
  return q.status ? out.filter((o) => o.status === q.status) : out;
}
