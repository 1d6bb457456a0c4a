/** The audit log: who did what, when, under which rule, with the before and after. */
import type { Queryable } from '../db.ts';

export interface AuditEntry {
  userId?: number | null;
  centerId?: string | null;
  action: string;
  objectKind: string;
  objectId?: string | number | null;
  rule?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
}

export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, center_id, action, object_kind, object_id, rule, before, after, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.userId ?? null, e.centerId ?? null, e.action, e.objectKind, e.objectId == null ? null : String(e.objectId), e.rule ?? null,
      e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after),
      JSON.stringify(e.detail ?? {}),
    ],
  );
}
