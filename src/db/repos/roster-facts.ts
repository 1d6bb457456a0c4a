/**
 * Roster facts (migration 005): what happened or was agreed on a month's roster after it was solved — accepted
 * overtime, approved leave, swaps, rest-day moves, floating re-placements, accepted voluntary time off (013).
 * Each pins one person's day. A new version of the month carries its base's facts (same origin ids); the
 * change that made it adds its own.
 */
import type { Queryable } from '../db.ts';

export type FactKind = 'overtime' | 'leave' | 'leave-cancel' | 'swap' | 'rest-day' | 'shift-move' | 'floating' | 'vto' | 'activity';

export interface RosterFact {
  id: number;
  rosterId: number;
  /** The fact's identity across versions (its first id). */
  originId: number;
  agent: string;
  date: string;
  kind: FactKind;
  /** Where it came from: { request }, { callout } or { vto } (an offer). */
  ref: Record<string, unknown>;
  createdAt: string;
}

export interface NewFact {
  agent: string;
  date: string;
  kind: FactKind;
  ref?: Record<string, unknown>;
}

type Row = { id: number; roster_id: number; origin_id: number; agent_id: string; day: string; kind: FactKind; ref: Record<string, unknown>; created_at: Date };

const toFact = (r: Row): RosterFact => ({
  id: Number(r.id), rosterId: Number(r.roster_id), originId: Number(r.origin_id), agent: r.agent_id, date: String(r.day).slice(0, 10),
  kind: r.kind, ref: r.ref, createdAt: new Date(r.created_at).toISOString(),
});

/** Records new facts on a roster version (one per person and day given). */
export async function addFacts(tx: Queryable, rosterId: number, facts: readonly NewFact[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('roster_facts', 'id')) AS id, u.agent, u.day, u.kind, u.ref
                  FROM unnest($2::text[], $3::date[], $4::text[], $5::jsonb[]) AS u(agent, day, kind, ref))
     INSERT INTO roster_facts (id, roster_id, origin_id, agent_id, day, kind, ref) SELECT id, $1, id, agent, day, kind, ref FROM n`,
    [rosterId, facts.map((f) => f.agent), facts.map((f) => f.date), facts.map((f) => f.kind), facts.map((f) => JSON.stringify(f.ref ?? {}))],
  );
}

/** Carries every fact of one version to another (same origin ids); returns how many. */
export async function carryFacts(tx: Queryable, fromRosterId: number, toRosterId: number): Promise<number> {
  const r = await tx.query(
    `INSERT INTO roster_facts (roster_id, origin_id, agent_id, day, kind, ref, created_at)
     SELECT $2, origin_id, agent_id, day, kind, ref, created_at FROM roster_facts WHERE roster_id = $1
     ON CONFLICT (roster_id, origin_id) DO NOTHING`,
    [fromRosterId, toRosterId],
  );
  return r.rowCount ?? 0;
}

export async function listFacts(db: Queryable, rosterId: number): Promise<RosterFact[]> {
  const r = await db.query<Row>('SELECT * FROM roster_facts WHERE roster_id = $1 ORDER BY day, agent_id, origin_id', [rosterId]);
  return r.rows.map(toFact);
}

/** Removes a version's facts of one kind that came from one request (e.g. leave that was cancelled). */
export async function dropRequestFacts(tx: Queryable, rosterId: number, kind: FactKind, requestId: number): Promise<void> {
  await tx.query(`DELETE FROM roster_facts WHERE roster_id = $1 AND kind = $2 AND ref->>'request' = $3`, [rosterId, kind, String(requestId)]);
}
