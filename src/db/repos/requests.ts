/**
 * Requests (leave, swaps, rest-day moves), their decisions, approved leave days, quota slots and the decision
 * locks that keep the manual's limits true under concurrent approvals (migration 002). Plain records in and
 * out; the rules live in src/requests/.
 */
import type { Queryable } from '../db.ts';

export interface StoredRequest {
  id: number;
  centerId: string;
  kind: 'leave' | 'swap' | 'rest-day';
  agentId: string;
  teamId: string | null;
  peerAgentId: string | null;
  status: 'pending' | 'escalated' | 'approved' | 'rejected' | 'cancelled';
  payload: Record<string, unknown>;
  dateFrom: string | null;
  dateTo: string | null;
  route: Array<Record<string, unknown>>;
  nextRole: string | null;
  nextUserId: number | null;
  rule: string | null;
  impact: Record<string, unknown>;
  result: Record<string, unknown>;
  papersDue: string | null;
  papersReceivedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDecision {
  requestId: number;
  userId: number | null;
  outcome: string;
  rule: string | null;
  detail: Record<string, unknown>;
  at: string;
}

type Row = {
  id: number; center_id: string; kind: StoredRequest['kind']; agent_id: string; team_id: string | null; peer_agent_id: string | null;
  status: StoredRequest['status']; payload: Record<string, unknown>; date_from: string | null; date_to: string | null;
  route: Array<Record<string, unknown>>; next_role: string | null; next_user_id: number | null; rule: string | null;
  impact: Record<string, unknown>; result: Record<string, unknown>; papers_due: string | null; papers_received_at: Date | null;
  created_by: number | null; created_at: Date; updated_at: Date;
};

const COLUMNS = `id, center_id, kind, agent_id, team_id, peer_agent_id, status, payload, date_from, date_to, route, next_role,
  next_user_id, rule, impact, result, papers_due, papers_received_at, created_by, created_at, updated_at`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toStored(r: Row): StoredRequest {
  return {
    id: r.id, centerId: r.center_id, kind: r.kind, agentId: r.agent_id, teamId: r.team_id, peerAgentId: r.peer_agent_id, status: r.status,
    payload: r.payload, dateFrom: r.date_from, dateTo: r.date_to, route: r.route, nextRole: r.next_role, nextUserId: r.next_user_id,
    rule: r.rule, impact: r.impact, result: r.result, papersDue: r.papers_due, papersReceivedAt: iso(r.papers_received_at),
    createdBy: r.created_by, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

export interface NewRequest {
  centerId: string;
  kind: StoredRequest['kind'];
  agentId: string;
  teamId: string | null;
  peerAgentId?: string | null;
  payload: object;
  dateFrom: string;
  dateTo: string;
  papersDue?: string | null;
  createdBy: number | null;
}

export async function insertRequest(tx: Queryable, r: NewRequest): Promise<number> {
  const res = await tx.query<{ id: number }>(
    `INSERT INTO requests (center_id, kind, agent_id, team_id, peer_agent_id, payload, date_from, date_to, papers_due, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [r.centerId, r.kind, r.agentId, r.teamId, r.peerAgentId ?? null, JSON.stringify(r.payload), r.dateFrom, r.dateTo, r.papersDue ?? null, r.createdBy],
  );
  return res.rows[0].id;
}

export async function getRequestRecord(db: Queryable, id: number, forUpdate = false): Promise<StoredRequest | null> {
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM requests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ? toStored(r.rows[0]) : null;
}

export interface RequestState {
  status: StoredRequest['status'];
  route: object[];
  nextRole: string | null;
  nextUserId: number | null;
  rule: string | null;
  impact?: object;
  result?: object;
}

export async function updateRequestState(tx: Queryable, id: number, s: RequestState): Promise<void> {
  await tx.query(
    `UPDATE requests SET status = $2, route = $3, next_role = $4, next_user_id = $5, rule = $6,
       impact = COALESCE($7, impact), result = COALESCE($8, result), updated_at = now() WHERE id = $1`,
    [id, s.status, JSON.stringify(s.route), s.nextRole, s.nextUserId, s.rule,
      s.impact === undefined ? null : JSON.stringify(s.impact), s.result === undefined ? null : JSON.stringify(s.result)],
  );
}

export async function addDecision(tx: Queryable, requestId: number, d: Omit<StoredDecision, 'requestId' | 'at'>): Promise<void> {
  await tx.query('INSERT INTO request_decisions (request_id, user_id, outcome, rule, detail) VALUES ($1, $2, $3, $4, $5)', [
    requestId, d.userId, d.outcome, d.rule, JSON.stringify(d.detail),
  ]);
}

export async function decisionsOf(db: Queryable, requestIds: readonly number[]): Promise<StoredDecision[]> {
  if (requestIds.length === 0) return [];
  const r = await db.query<{ request_id: number; user_id: number | null; outcome: string; rule: string | null; detail: Record<string, unknown>; at: Date }>(
    'SELECT request_id, user_id, outcome, rule, detail, at FROM request_decisions WHERE request_id = ANY($1::bigint[]) ORDER BY at, id',
    [requestIds],
  );
  return r.rows.map((d) => ({ requestId: d.request_id, userId: d.user_id, outcome: d.outcome, rule: d.rule, detail: d.detail, at: iso(d.at)! }));
}

export interface RequestFilter {
  centerId: string;
  status?: string;
  team?: string;
  kind?: string;
  /** Only requests of these agents (as requester or peer); null = all of the center. */
  agents: readonly string[] | null;
  /** Only requests the caller filed, is the subject of, or is the peer of. */
  mine?: { userId: number; agentId: string | null };
  limit: number;
}

export async function listRequestRecords(db: Queryable, f: RequestFilter): Promise<StoredRequest[]> {
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM requests
      WHERE center_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR team_id = $3)
        AND ($4::text IS NULL OR kind = $4)
        AND ($5::text[] IS NULL OR agent_id = ANY($5::text[]) OR peer_agent_id = ANY($5::text[]))
        AND ($6::bigint IS NULL OR created_by = $6 OR agent_id = $7 OR peer_agent_id = $7)
      ORDER BY id DESC LIMIT $8`,
    [f.centerId, f.status ?? null, f.team ?? null, f.kind ?? null, f.agents, f.mine?.userId ?? null, f.mine?.agentId ?? null, f.limit],
  );
  return r.rows.map(toStored);
}

/** User ids of the people of a center who have one (approvers named on a route). */
export async function userIdsOfAgents(db: Queryable, centerId: string, agentIds: readonly string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const r = await db.query<{ agent_id: string; id: number }>(
    'SELECT DISTINCT ON (agent_id) agent_id, id FROM users WHERE center_id = $1 AND agent_id = ANY($2::text[]) ORDER BY agent_id, id',
    [centerId, agentIds],
  );
  return new Map(r.rows.map((u) => [u.agent_id, u.id]));
}

// ---- decision locks -------------------------------------------------------------------------------------

/** Creates the lock rows (outside any transaction, so the transaction itself only waits on row locks). */
export async function ensureLocks(db: Queryable, centerId: string, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await db.query(
    `INSERT INTO request_locks (center_id, lock_key) SELECT $1, k FROM unnest($2::text[]) AS k ORDER BY k ON CONFLICT DO NOTHING`,
    [centerId, sorted],
  );
}

/**
 * Locks the rows in key order (every decision takes its keys in the same order, so two decisions cannot wait
 * on each other). Held until the transaction ends.
 */
export async function lockKeys(tx: Queryable, centerId: string, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  const r = await tx.query<{ lock_key: string }>(
    'SELECT lock_key FROM request_locks WHERE center_id = $1 AND lock_key = ANY($2::text[]) ORDER BY lock_key FOR UPDATE',
    [centerId, sorted],
  );
  if (r.rows.length !== sorted.length) throw new Error(`decision locks missing: ${sorted.filter((k) => !r.rows.some((x) => x.lock_key === k)).join(', ')}`);
}

// ---- approved leave days --------------------------------------------------------------------------------

export interface LeaveDayRow {
  requestId: number;
  agentId: string;
  day: string;
  teamId: string | null;
  supervisorId: string | null;
  type: string;
  long: boolean;
  wasRostered: boolean;
}

type LeaveRow = { request_id: number; agent_id: string; day: string; team_id: string | null; supervisor_id: string | null; type: string; long: boolean; was_rostered: boolean };
const leaveRow = (r: LeaveRow): LeaveDayRow => ({
  requestId: r.request_id, agentId: r.agent_id, day: r.day, teamId: r.team_id, supervisorId: r.supervisor_id, type: r.type, long: r.long, wasRostered: r.was_rostered,
});

export async function insertLeaveDays(tx: Queryable, centerId: string, rows: readonly LeaveDayRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO leave_days (request_id, center_id, agent_id, day, team_id, supervisor_id, type, long, was_rostered)
     SELECT u.r, $1, u.a, u.d, u.t, u.s, u.ty, u.l, u.w
       FROM unnest($2::bigint[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::boolean[]) AS u(r, a, d, t, s, ty, l, w)`,
    [centerId, rows.map((r) => r.requestId), rows.map((r) => r.agentId), rows.map((r) => r.day), rows.map((r) => r.teamId),
      rows.map((r) => r.supervisorId), rows.map((r) => r.type), rows.map((r) => r.long), rows.map((r) => r.wasRostered)],
  );
}

export interface LeaveDayQuery {
  from: string;
  to: string;
  supervisorId?: string;
  teamId?: string;
  agentIds?: readonly string[];
  longOnly?: boolean;
}

/** Approved leave days of a center in a date range, narrowed by supervisor, team, agents or long leave. */
export async function leaveDaysIn(db: Queryable, centerId: string, q: LeaveDayQuery): Promise<LeaveDayRow[]> {
  const r = await db.query<LeaveRow>(
    `SELECT request_id, agent_id, day, team_id, supervisor_id, type, long, was_rostered FROM leave_days
      WHERE center_id = $1 AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR supervisor_id = $4) AND ($5::text IS NULL OR team_id = $5)
        AND ($6::text[] IS NULL OR agent_id = ANY($6::text[])) AND (NOT $7 OR long)
      ORDER BY day, agent_id`,
    [centerId, q.from, q.to, q.supervisorId ?? null, q.teamId ?? null, q.agentIds ?? null, q.longOnly ?? false],
  );
  return r.rows.map(leaveRow);
}

// ---- R5/R6 quota slots ----------------------------------------------------------------------------------

export type QuotaKind = 'swap-self' | 'swap-peer' | 'rest-day';

export async function quotaSlotsInUse(tx: Queryable, centerId: string, agentId: string, month: string, kind: QuotaKind): Promise<Array<{ slot: number; requestId: number }>> {
  const r = await tx.query<{ slot: number; request_id: number }>(
    'SELECT slot, request_id FROM request_quota_slots WHERE center_id = $1 AND agent_id = $2 AND month = $3 AND kind = $4 ORDER BY slot',
    [centerId, agentId, month, kind],
  );
  return r.rows.map((s) => ({ slot: s.slot, requestId: s.request_id }));
}

export async function takeQuotaSlot(tx: Queryable, centerId: string, agentId: string, month: string, kind: QuotaKind, slot: number, requestId: number): Promise<void> {
  await tx.query('INSERT INTO request_quota_slots (center_id, agent_id, month, kind, slot, request_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    centerId, agentId, month, kind, slot, requestId,
  ]);
}

export async function releaseQuotaSlots(tx: Queryable, requestId: number): Promise<void> {
  await tx.query('DELETE FROM request_quota_slots WHERE request_id = $1', [requestId]);
}

// ---- L6 papers ------------------------------------------------------------------------------------------

export async function markPapersReceived(tx: Queryable, requestId: number): Promise<void> {
  await tx.query('UPDATE requests SET papers_received_at = now(), updated_at = now() WHERE id = $1', [requestId]);
}

/** Approved sick leave whose papers were due before `asOf` and have not been recorded. */
export async function sickLeaveMissingPapers(db: Queryable, centerId: string, asOf: string): Promise<StoredRequest[]> {
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM requests WHERE center_id = $1 AND kind = 'leave' AND status = 'approved'
        AND papers_due IS NOT NULL AND papers_due < $2 AND papers_received_at IS NULL ORDER BY date_from, agent_id`,
    [centerId, asOf],
  );
  return r.rows.map(toStored);
}
