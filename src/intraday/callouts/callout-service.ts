/**
 * Overtime callouts (MANUAL O1, O2) as stored objects: create one for a queue and window (ranked candidates,
 * the first ones notified through the outbox), publish a drafted one, read them back. Answers are in
 * callout-responses.ts.
 *
 * Notification waves: an open callout notifies the top `notify` candidates (default twice the people
 * needed); each decline notifies the next candidate not yet asked, so the list is worked down in rank order.
 */
import { DateTime } from 'luxon';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Db, Queryable } from '../../db/db.ts';
import { audit } from '../../db/repos/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { isoWithOffset } from '../../time/local-day.ts';
import { loadCalloutInputs } from './callout-inputs.ts';
import { deliverSoon, enqueueNotifications, type Notification } from './outbox.ts';
import { rankCandidates, type Candidate, type Excluded } from './rank-candidates.ts';

export type CalloutStatus = 'draft' | 'open' | 'filled' | 'closed';

export interface StoredCandidate extends Candidate {
  notifiedAt?: string;
}

export interface CalloutRecord {
  id: number;
  center: string;
  kind: 'intraday' | 'planned';
  status: CalloutStatus;
  queue: string;
  from: string;
  to: string;
  needed: number;
  rosterId: number | null;
  candidates: StoredCandidate[];
  excluded: Excluded[];
  responses: Array<{ agent: string; accept: boolean; assignmentId: number | null; at: string }>;
  createdBy: number | null;
  createdAt: string;
  ranking: string;
}

export interface CreateCalloutInput {
  queue: string;
  from: string;
  to: string;
  needed: number;
  /** Candidates to notify now (default 2 × needed); 0 = none. Ignored for drafts. */
  notify?: number;
  kind?: 'intraday' | 'planned';
  /** "draft" (O2: the manager publishes it later) or "open" (default). */
  status?: 'draft' | 'open';
  reason?: Record<string, unknown>;
}

export const RANKING = 'eligible only (skill H2, not on leave H3, minimum rest C1, max consecutive days C2 by the rulebook; '
  + 'monthly overtime cap); ranked by fewest overtime hours this month, then higher tier (calls per hour), '
  + 'then already in the building (extending a shift), then agent id';

const MAX_WINDOW_HOURS = 12;

export function parseWindow(center: Center, from: string, to: string): { fromMs: number; toMs: number } {
  const parse = (text: string, where: string) => {
    const dt = DateTime.fromISO(text, { zone: center.timezone, setZone: false });
    if (!dt.isValid) throw new ValidationError(`${where}: "${text}" is not an ISO-8601 time`, [{ where, message: 'not an ISO-8601 time' }]);
    return dt.toMillis();
  };
  const fromMs = parse(from, 'body.from');
  const toMs = parse(to, 'body.to');
  if (!(toMs > fromMs)) throw new ValidationError('"to" must be after "from"', [{ where: 'body.to', message: 'must be after from' }]);
  if (toMs - fromMs > MAX_WINDOW_HOURS * 3_600_000) {
    throw new ValidationError(`a callout window is at most ${MAX_WINDOW_HOURS} hours`, [{ where: 'body.to', message: `more than ${MAX_WINDOW_HOURS} h after from` }]);
  }
  return { fromMs, toMs };
}

function offerPayload(c: { id: number; queue: string }, cand: Candidate): Notification {
  return {
    channel: 'sms', recipient: cand.agent,
    payload: { type: 'callout.offer', callout: c.id, queue: c.queue, start: cand.start, end: cand.end, hours: cand.hours, rank: cand.rank, reply: `POST /api/callouts/${c.id}/responses` },
  };
}

/**
 * Marks the next `count` candidates of a ranked list not yet notified (nor in `skip`) as notified; returns
 * their notifications. Callouts and VTO offers work their lists down the same way.
 */
export function markNext<C extends { agent: string; notifiedAt?: string }>(candidates: C[], count: number, at: string, skip: ReadonlySet<string>, payload: (c: C) => Notification): Notification[] {
  const out: Notification[] = [];
  for (const c of candidates) {
    if (out.length >= count) break;
    if (c.notifiedAt || skip.has(c.agent)) continue;
    c.notifiedAt = at;
    out.push(payload(c));
  }
  return out;
}

/** Marks the next `count` candidates not yet notified as notified; returns their notifications. */
export function nextWave(callout: { id: number; queue: string }, candidates: StoredCandidate[], count: number, at: string, skip: ReadonlySet<string> = new Set()): Notification[] {
  return markNext(candidates, count, at, skip, (c) => offerPayload(callout, c));
}

export async function createCallout(db: Db, center: Center, input: CreateCalloutInput, rules: readonly Rule[], userId: number | null): Promise<CalloutRecord> {
  if (!center.queues.some((q) => q.id === input.queue)) {
    throw new ValidationError(`unknown queue "${input.queue}"`, [{ where: 'body.queue', message: `not one of ${center.queues.map((q) => q.id).join(', ')}` }]);
  }
  const window = { queue: input.queue, ...parseWindow(center, input.from, input.to) };
  const inputs = await loadCalloutInputs(db, center, window, rules);
  const ranked = rankCandidates(inputs);
  const status = input.status ?? 'open';
  const zone = center.timezone;
  const id = await db.transaction(async (tx) => {
    const row = await tx.query<{ id: number }>(
      `INSERT INTO callouts (center_id, queue_id, from_at, to_at, needed, status, candidates, created_by, kind, roster_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, '[]', $7, $8, $9, $10) RETURNING id`,
      [center.id, input.queue, new Date(window.fromMs), new Date(window.toMs), input.needed, status, userId, input.kind ?? 'intraday', inputs.rosterId,
        JSON.stringify({ excluded: ranked.excluded, ranking: RANKING, rules: rules.map((r) => r.id), reason: input.reason ?? {} })],
    );
    const calloutId = Number(row.rows[0].id);
    const candidates: StoredCandidate[] = ranked.candidates;
    let ids: number[] = [];
    if (status === 'open') {
      const wave = nextWave({ id: calloutId, queue: input.queue }, candidates, input.notify ?? input.needed * 2, new Date().toISOString());
      ids = await enqueueNotifications(tx, center.id, wave);
    }
    await tx.query('UPDATE callouts SET candidates = $2 WHERE id = $1', [calloutId, JSON.stringify(candidates)]);
    await audit(tx, {
      userId, centerId: center.id, action: status === 'draft' ? 'callout.draft' : 'callout.create', objectKind: 'callout', objectId: calloutId, rule: input.kind === 'planned' ? 'O2' : 'O1',
      detail: { queue: input.queue, from: isoWithOffset(DateTime.fromMillis(window.fromMs, { zone })), to: isoWithOffset(DateTime.fromMillis(window.toMs, { zone })), needed: input.needed, candidates: candidates.length, notified: ids.length },
    });
    return { calloutId, ids };
  });
  deliverSoon(db, id.ids);
  return (await getCallout(db, center, id.calloutId))!;
}

type CalloutRow = {
  id: number; center_id: string; kind: 'intraday' | 'planned'; status: CalloutStatus; queue_id: string; from_at: Date; to_at: Date; needed: number;
  roster_id: number | null; candidates: StoredCandidate[]; detail: { excluded?: Excluded[]; ranking?: string }; created_by: number | null; created_at: Date;
};

export async function lockCallout(tx: Queryable, id: number): Promise<CalloutRow | null> {
  const r = await tx.query<CalloutRow>('SELECT * FROM callouts WHERE id = $1 FOR UPDATE', [id]);
  return r.rows[0] ?? null;
}

export async function getCallout(db: Queryable, center: Center | null, id: number): Promise<CalloutRecord | null> {
  const r = await db.query<CalloutRow>('SELECT * FROM callouts WHERE id = $1', [id]);
  const row = r.rows[0];
  if (!row || (center && row.center_id !== center.id)) return null;
  const zone = center?.timezone ?? 'UTC';
  const render = (d: Date) => isoWithOffset(DateTime.fromJSDate(new Date(d), { zone }));
  const responses = await db.query<{ agent_id: string; accept: boolean; assignment_id: number | null; at: Date }>(
    'SELECT agent_id, accept, assignment_id, at FROM callout_responses WHERE callout_id = $1 ORDER BY at, agent_id', [id],
  );
  return {
    id: Number(row.id), center: row.center_id, kind: row.kind, status: row.status, queue: row.queue_id, from: render(row.from_at), to: render(row.to_at),
    needed: row.needed, rosterId: row.roster_id === null ? null : Number(row.roster_id), candidates: row.candidates, excluded: row.detail.excluded ?? [],
    responses: responses.rows.map((x) => ({ agent: x.agent_id, accept: x.accept, assignmentId: x.assignment_id === null ? null : Number(x.assignment_id), at: new Date(x.at).toISOString() })),
    createdBy: row.created_by === null ? null : Number(row.created_by), createdAt: new Date(row.created_at).toISOString(), ranking: row.detail.ranking ?? RANKING,
  };
}

/** The center a callout belongs to (for routes that get only the callout id). */
export async function calloutCenterId(db: Queryable, id: number): Promise<string | null> {
  const r = await db.query<{ center_id: string }>('SELECT center_id FROM callouts WHERE id = $1', [id]);
  return r.rows[0]?.center_id ?? null;
}

export async function listCallouts(db: Queryable, center: Center, q: { from?: string; to?: string; status?: CalloutStatus }): Promise<CalloutRecord[]> {
  const r = await db.query<{ id: number }>(
    `SELECT id FROM callouts WHERE center_id = $1 AND ($2::timestamptz IS NULL OR to_at > $2) AND ($3::timestamptz IS NULL OR from_at < $3)
       AND ($4::text IS NULL OR status = $4) ORDER BY from_at, id LIMIT 500`,
    [center.id, q.from ?? null, q.to ?? null, q.status ?? null],
  );
  const out: CalloutRecord[] = [];
  for (const row of r.rows) out.push((await getCallout(db, center, Number(row.id)))!);
  return out;
}

/** O2: a manager publishes a drafted callout: it opens and its first candidates are notified. */
export async function publishCallout(db: Db, center: Center, id: number, userId: number | null, notify?: number): Promise<CalloutRecord> {
  const ids = await db.transaction(async (tx) => {
    const row = await lockCallout(tx, id);
    if (!row || row.center_id !== center.id) throw new NotFoundError(`callout ${id} not found`);
    if (row.status !== 'draft') throw new ConflictError(`callout ${id} is ${row.status}, only a draft can be published`, 'O2');
    const candidates = row.candidates;
    const wave = nextWave({ id, queue: row.queue_id }, candidates, notify ?? row.needed * 2, new Date().toISOString());
    const out = await enqueueNotifications(tx, center.id, wave);
    await tx.query(`UPDATE callouts SET status = 'open', candidates = $2, published_by = $3, published_at = now() WHERE id = $1`, [id, JSON.stringify(candidates), userId]);
    await audit(tx, { userId, centerId: center.id, action: 'callout.publish', objectKind: 'callout', objectId: id, rule: 'O2', detail: { notified: wave.length } });
    return out;
  });
  deliverSoon(db, ids);
  return (await getCallout(db, center, id))!;
}
