/**
 * Centers and their queues, teams and agents. The validated center file is stored whole (the source of truth
 * for rules and templates) and projected into rows for queries and foreign keys. Saving is an upsert: agents
 * who left the file are kept inactive (their history and tokens stay valid).
 */
import { parseCenter } from '../../domain/center-loader.ts';
import type { Center } from '../../domain/center-schema.ts';
import { ConflictError } from '../../errors.ts';
import type { Queryable } from '../db.ts';

export interface CenterSummary {
  id: string;
  name: string;
  timezone: string;
  intervalMinutes: number;
  revision: number;
  updatedAt: string;
}

/** Saves a validated center inside the caller's transaction. */
export async function saveCenter(tx: Queryable, center: Center): Promise<void> {
  const existing = await tx.query<{ revision: number }>('SELECT revision FROM centers WHERE id = $1 FOR UPDATE', [center.id]);
  if (existing.rows.length === 0) {
    await tx.query(
      `INSERT INTO centers (id, name, timezone, interval_minutes, definition) VALUES ($1, $2, $3, $4, $5)`,
      [center.id, center.name, center.timezone, center.intervalMinutes, JSON.stringify(center)],
    );
  } else {
    await tx.query(
      `UPDATE centers SET name = $2, timezone = $3, interval_minutes = $4, definition = $5,
         revision = revision + 1, updated_at = now() WHERE id = $1`,
      [center.id, center.name, center.timezone, center.intervalMinutes, JSON.stringify(center)],
    );
  }
  for (const q of center.queues) {
    await tx.query(
      `INSERT INTO queues (center_id, id, kind, definition) VALUES ($1, $2, $3, $4)
       ON CONFLICT (center_id, id) DO UPDATE SET kind = EXCLUDED.kind, definition = EXCLUDED.definition`,
      [center.id, q.id, q.kind, JSON.stringify(q)],
    );
  }
  const dropped = await tx.query<{ id: string }>(
    `SELECT q.id FROM queues q WHERE q.center_id = $1 AND NOT (q.id = ANY($2::text[]))
       AND EXISTS (SELECT 1 FROM traffic t WHERE t.center_id = q.center_id AND t.queue_id = q.id)`,
    [center.id, center.queues.map((q) => q.id)],
  );
  if (dropped.rows.length > 0) {
    throw new ConflictError(`queue(s) ${dropped.rows.map((r) => r.id).join(', ')} have traffic history and cannot be removed from center "${center.id}"`);
  }
  await tx.query('DELETE FROM queues WHERE center_id = $1 AND NOT (id = ANY($2::text[]))', [center.id, center.queues.map((q) => q.id)]);
  await tx.query('DELETE FROM teams WHERE center_id = $1', [center.id]);
  for (const t of center.teams) {
    await tx.query('INSERT INTO teams (center_id, id, queue_id, lead_id, supervisor_id) VALUES ($1, $2, $3, $4, $5)', [
      center.id, t.id, t.queue, t.lead, t.supervisor,
    ]);
  }
  await tx.query('UPDATE agents SET active = false WHERE center_id = $1', [center.id]);
  for (const a of center.agents) {
    await tx.query(
      `INSERT INTO agents (center_id, id, name, team_id, role, skills, tier, definition, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
       ON CONFLICT (center_id, id) DO UPDATE SET name = EXCLUDED.name, team_id = EXCLUDED.team_id, role = EXCLUDED.role,
         skills = EXCLUDED.skills, tier = EXCLUDED.tier, definition = EXCLUDED.definition, active = true`,
      [center.id, a.id, a.name, a.team ?? null, a.role, a.skills, a.tier ?? null, JSON.stringify(a)],
    );
  }
}

export async function getCenter(db: Queryable, id: string): Promise<Center | null> {
  const r = await db.query<{ definition: unknown }>('SELECT definition FROM centers WHERE id = $1', [id]);
  if (r.rows.length === 0) return null;
  // Stored definitions were validated on save; parsing again applies defaults added since.
  return parseCenter(r.rows[0].definition, `center ${id}`);
}

export async function listCenters(db: Queryable): Promise<CenterSummary[]> {
  const r = await db.query<{ id: string; name: string; timezone: string; interval_minutes: number; revision: number; updated_at: Date }>(
    'SELECT id, name, timezone, interval_minutes, revision, updated_at FROM centers ORDER BY id',
  );
  return r.rows.map((c) => ({
    id: c.id, name: c.name, timezone: c.timezone, intervalMinutes: c.interval_minutes, revision: c.revision,
    updatedAt: new Date(c.updated_at).toISOString(),
  }));
}
