/**
 * Notifications for a real SMS/phone system (MANUAL O1, O2): written to the outbox table inside the caller's
 * transaction (so a rolled-back callout sends nothing), then, when SHIFTCAST_OUTBOX_WEBHOOK is set, POSTed to
 * that URL after commit as JSON; a 2xx marks the row delivered, anything else counts an attempt and the row
 * stays pending for the next delivery run (flushOutbox).
 */
import type { Queryable } from '../../db/db.ts';
import { log } from '../../log.ts';

export interface Notification {
  /** "sms" for people, "app" for staff using ShiftCast. */
  channel: string;
  /** An agent id, or "user:<id>". */
  recipient: string;
  payload: Record<string, unknown>;
}

export async function enqueueNotifications(tx: Queryable, centerId: string, items: readonly Notification[]): Promise<number[]> {
  if (items.length === 0) return [];
  const r = await tx.query<{ id: number }>(
    `INSERT INTO outbox (center_id, channel, recipient, payload)
     SELECT $1, u.c, u.r, u.p FROM unnest($2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS u(c, r, p, n) ORDER BY u.n RETURNING id`,
    [centerId, items.map((i) => i.channel), items.map((i) => i.recipient), items.map((i) => JSON.stringify(i.payload))],
  );
  return r.rows.map((x) => Number(x.id));
}

export function webhookUrl(): string | undefined {
  return process.env.SHIFTCAST_OUTBOX_WEBHOOK || undefined;
}

/** Delivers pending outbox rows (the given ids, or every pending row of the center) to the webhook. */
export async function flushOutbox(db: Queryable, options: { ids?: number[]; centerId?: string; url?: string; timeoutMs?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const url = options.url ?? webhookUrl();
  if (!url) return { delivered: 0, failed: 0 };
  const rows = await db.query<{ id: number; center_id: string; channel: string; recipient: string; payload: unknown; created_at: Date }>(
    `SELECT id, center_id, channel, recipient, payload, created_at FROM outbox
      WHERE delivered_at IS NULL AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[])) AND ($2::text IS NULL OR center_id = $2)
      ORDER BY id LIMIT 500`,
    [options.ids ?? null, options.centerId ?? null],
  );
  let delivered = 0;
  let failed = 0;
  for (const row of rows.rows) {
    let ok = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: Number(row.id), center: row.center_id, channel: row.channel, recipient: row.recipient, payload: row.payload, createdAt: new Date(row.created_at).toISOString() }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      ok = res.ok;
    } catch (error) {
      log.warn('outbox delivery failed', { id: row.id, error: String(error) });
    }
    await db.query(`UPDATE outbox SET attempts = attempts + 1, delivered_at = CASE WHEN $2 THEN now() ELSE delivered_at END WHERE id = $1`, [row.id, ok]);
    if (ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** After a commit: deliver in the background when a webhook is configured (errors are logged, rows stay pending). */
export function deliverSoon(db: Queryable, ids: number[]): void {
  if (!webhookUrl() || ids.length === 0) return;
  flushOutbox(db, { ids }).catch((error) => log.warn('outbox delivery failed', { error: String(error) }));
}
