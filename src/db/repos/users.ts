/** Users and their API tokens. Tokens are random and stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';
import type { UserRole } from '../../auth/roles.ts';
import type { Queryable } from '../db.ts';

export interface UserRecord {
  id: number;
  role: UserRole;
  centerId: string | null;
  agentId: string | null;
  name: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createUser(tx: Queryable, u: Omit<UserRecord, 'id'>): Promise<UserRecord> {
  const r = await tx.query<{ id: number }>(
    'INSERT INTO users (role, center_id, agent_id, name) VALUES ($1, $2, $3, $4) RETURNING id',
    [u.role, u.centerId, u.agentId, u.name],
  );
  return { id: r.rows[0].id, ...u };
}

/** Issues a new token for a user; the plain token is returned once and never stored. */
export async function issueToken(tx: Queryable, userId: number, label = ''): Promise<{ id: number; token: string }> {
  const token = `sc_${randomBytes(24).toString('base64url')}`;
  const r = await tx.query<{ id: number }>('INSERT INTO tokens (user_id, token_hash, label) VALUES ($1, $2, $3) RETURNING id', [
    userId, hashToken(token), label,
  ]);
  return { id: r.rows[0].id, token };
}

export async function userByToken(db: Queryable, token: string): Promise<(UserRecord & { tokenId: number }) | null> {
  const r = await db.query<{ id: number; role: UserRole; center_id: string | null; agent_id: string | null; name: string; token_id: number }>(
    `SELECT u.id, u.role, u.center_id, u.agent_id, u.name, t.id AS token_id
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  const row = r.rows[0];
  if (!row) return null;
  return { id: row.id, role: row.role, centerId: row.center_id, agentId: row.agent_id, name: row.name, tokenId: row.token_id };
}

export async function revokeToken(tx: Queryable, tokenId: number): Promise<boolean> {
  const r = await tx.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
  return r.rowCount === 1;
}

export interface TokenInfo {
  id: number;
  userId: number;
  role: UserRole;
  centerId: string | null;
  agentId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function listTokens(db: Queryable, centerId?: string): Promise<TokenInfo[]> {
  const r = await db.query<{ id: number; user_id: number; role: UserRole; center_id: string | null; agent_id: string | null; label: string; created_at: Date; revoked_at: Date | null }>(
    `SELECT t.id, t.user_id, u.role, u.center_id, u.agent_id, t.label, t.created_at, t.revoked_at
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE ($1::text IS NULL OR u.center_id = $1) ORDER BY t.id`,
    [centerId ?? null],
  );
  return r.rows.map((t) => ({
    id: t.id, userId: t.user_id, role: t.role, centerId: t.center_id, agentId: t.agent_id, label: t.label,
    createdAt: new Date(t.created_at).toISOString(), revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
  }));
}

/** Finds the user record of an agent (one per agent), creating it on first use. */
export async function userForAgent(tx: Queryable, centerId: string, agentId: string, role: UserRole, name: string): Promise<UserRecord> {
  const r = await tx.query<{ id: number }>('SELECT id FROM users WHERE center_id = $1 AND agent_id = $2 ORDER BY id LIMIT 1', [centerId, agentId]);
  if (r.rows[0]) {
    await tx.query('UPDATE users SET role = $2, name = $3 WHERE id = $1', [r.rows[0].id, role, name]);
    return { id: r.rows[0].id, role, centerId, agentId, name };
  }
  return createUser(tx, { role, centerId, agentId, name });
}

export async function userById(db: Queryable, id: number): Promise<UserRecord | null> {
  const r = await db.query<{ id: number; role: UserRole; center_id: string | null; agent_id: string | null; name: string }>(
    'SELECT id, role, center_id, agent_id, name FROM users WHERE id = $1', [id],
  );
  const u = r.rows[0];
  return u ? { id: u.id, role: u.role, centerId: u.center_id, agentId: u.agent_id, name: u.name } : null;
}
