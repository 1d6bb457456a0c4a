/** S2 grants in storage: who may read which other center, until when, approved by whom and why. */
import type { Queryable } from '../db.ts';

export interface AccessGrant {
  id: number;
  userId: number;
  userName: string | null;
  centerId: string;
  approvedBy: number;
  reason: string;
  from: string;
  until: string;
  revokedAt: string | null;
}

/** The centers a user may read now under a grant in force. */
export async function grantedCenters(db: Queryable, userId: number, now: Date = new Date()): Promise<string[]> {
  const r = await db.query<{ center_id: string }>(
    'SELECT DISTINCT center_id FROM center_access_grants WHERE user_id = $1 AND revoked_at IS NULL AND from_at <= $2 AND until_at > $2', [userId, now]);
  return r.rows.map((x) => x.center_id);
}

export async function insertGrant(tx: Queryable, g: { userId: number; centerId: string; approvedBy: number; reason: string; until: Date }): Promise<number> {
  const r = await tx.query<{ id: number }>(
    'INSERT INTO center_access_grants (user_id, center_id, approved_by, reason, until_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [g.userId, g.centerId, g.approvedBy, g.reason, g.until]);
  return Number(r.rows[0].id);
}

export async function revokeGrant(tx: Queryable, id: number, centerId: string | null, by: number): Promise<boolean> {
  const r = await tx.query('UPDATE center_access_grants SET revoked_at = now(), revoked_by = $3 WHERE id = $1 AND ($2::text IS NULL OR center_id = $2) AND revoked_at IS NULL', [id, centerId, by]);
  return r.rowCount === 1;
}

/** Grants of a center (its director's view), or of a user (their own), newest first. */
export async function listGrants(db: Queryable, q: { centerId?: string | null; userId?: number }): Promise<AccessGrant[]> {
  const r = await db.query<{ id: number; user_id: number; name: string | null; center_id: string; approved_by: number; reason: string; from_at: Date; until_at: Date; revoked_at: Date | null }>(
    `SELECT g.id, g.user_id, u.name, g.center_id, g.approved_by, g.reason, g.from_at, g.until_at, g.revoked_at
       FROM center_access_grants g LEFT JOIN users u ON u.id = g.user_id
      WHERE ($1::text IS NULL OR g.center_id = $1) AND ($2::bigint IS NULL OR g.user_id = $2) ORDER BY g.id DESC LIMIT 500`,
    [q.centerId ?? null, q.userId ?? null]);
  return r.rows.map((g) => ({
    id: Number(g.id), userId: Number(g.user_id), userName: g.name, centerId: g.center_id, approvedBy: Number(g.approved_by), reason: g.reason,
    from: new Date(g.from_at).toISOString(), until: new Date(g.until_at).toISOString(), revokedAt: g.revoked_at ? new Date(g.revoked_at).toISOString() : null,
  }));
}
