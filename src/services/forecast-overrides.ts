/**
 * Forecast overrides (the analyst's judgement on top of the model: a campaign, a known outage): made with a reason,
 * listed with the calls before and after, revoked; audited. Requirement sets computed from the forecast follow —
 * each change computes a new set from the adjusted forecast when one was computed from it before.
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { getForecastPoints, type ForecastMeta } from '../db/repos/forecasts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { dayStart } from '../time/local-day.ts';
import { requirementsFromForecast } from './requirements.ts';

export interface OverrideInput {
  queue: string;
  date?: string;
  from?: string;
  to?: string;
  percent?: number;
  total?: number;
  reason: string;
}

export interface StoredOverride {
  id: number;
  queue: string;
  from: string;
  to: string;
  percent: number | null;
  total: number | null;
  reason: string;
  by: string | null;
  at: string;
  revokedAt: string | null;
}

function window(center: Center, o: OverrideInput): { fromMs: number; toMs: number } {
  if (o.date) {
    const start = dayStart(o.date, center.timezone);
    return { fromMs: start.toMillis(), toMs: start.plus({ days: 1 }).toMillis() };
  }
  if (!o.from || !o.to) throw new ValidationError('give a date, or from and to', [{ where: '$.body.date', message: 'a day, or an instant range from–to' }]);
  const [fromMs, toMs] = [Date.parse(o.from), Date.parse(o.to)];
  if (!(toMs > fromMs)) throw new ValidationError(`to (${o.to}) must be after from (${o.from})`, [{ where: '$.body.to', message: 'not after from' }]);
  return { fromMs, toMs };
}

const sumOf = (points: Array<{ queue: string; offered: number; intervalStart: string }>, queue: string, fromMs: number, toMs: number) =>
  Math.round(points.filter((p) => p.queue === queue && Date.parse(p.intervalStart) >= fromMs && Date.parse(p.intervalStart) < toMs).reduce((s, p) => s + p.offered, 0) * 100) / 100;

async function followRequirements(db: Db, center: Center, forecastId: number, userId: number | null): Promise<number | null> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM requirement_sets WHERE forecast_id = $1', [forecastId]);
  if (r.rows[0].n === 0) return null;
  return (await requirementsFromForecast(db, center, forecastId, userId)).set.id;
}

export async function createOverride(db: Db, center: Center, meta: ForecastMeta, o: OverrideInput, userId: number | null) {
  if (!center.queues.some((q) => q.id === o.queue)) throw new ValidationError(`no queue "${o.queue}" in center ${center.id}`, [{ where: '$.body.queue', message: 'unknown queue' }]);
  if ((o.percent === undefined) === (o.total === undefined)) throw new ValidationError('give either percent or total', [{ where: '$.body.percent', message: 'exactly one of percent and total' }]);
  const { fromMs, toMs } = window(center, o);
  const before = await getForecastPoints(db, meta.id, center.timezone, { queue: o.queue });
  const calls = sumOf(before, o.queue, fromMs, toMs);
  if (!before.some((p) => Date.parse(p.intervalStart) >= fromMs && Date.parse(p.intervalStart) < toMs)) {
    throw new ConflictError(`forecast ${meta.id} has no ${o.queue} intervals in ${new Date(fromMs).toISOString()} – ${new Date(toMs).toISOString()}: nothing to adjust`);
  }
  const id = await db.transaction(async (tx) => {
    const r = await tx.query<{ id: number }>(
      `INSERT INTO forecast_overrides (forecast_id, queue_id, from_at, to_at, percent, total, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [meta.id, o.queue, new Date(fromMs), new Date(toMs), o.percent ?? null, o.total ?? null, o.reason, userId]);
    const oid = Number(r.rows[0].id);
    await audit(tx, { userId, centerId: center.id, action: 'forecast.override', objectKind: 'forecast', objectId: meta.id, detail: { override: oid, queue: o.queue, percent: o.percent ?? null, total: o.total ?? null, reason: o.reason, callsBefore: calls } });
    return oid;
  });
  const after = sumOf(await getForecastPoints(db, meta.id, center.timezone, { queue: o.queue }), o.queue, fromMs, toMs);
  const requirementSetId = await followRequirements(db, center, meta.id, userId);
  return { override: (await listOverrides(db, center, meta.id)).find((x) => x.id === id)!, callsBefore: calls, callsAfter: after, requirementSetId };
}

export async function listOverrides(db: Queryable, center: Center, forecastId: number): Promise<StoredOverride[]> {
  const r = await db.query<{ id: number; queue_id: string; from_at: Date; to_at: Date; percent: number | null; total: number | null; reason: string; name: string | null; created_at: Date; revoked_at: Date | null }>(
    `SELECT o.id, o.queue_id, o.from_at, o.to_at, o.percent, o.total, o.reason, u.name, o.created_at, o.revoked_at
       FROM forecast_overrides o LEFT JOIN users u ON u.id = o.created_by WHERE o.forecast_id = $1 ORDER BY o.id`, [forecastId]);
  const iso = (d: Date) => DateTime.fromJSDate(new Date(d), { zone: center.timezone }).toISO({ suppressMilliseconds: true })!;
  return r.rows.map((o) => ({
    id: Number(o.id), queue: o.queue_id, from: iso(o.from_at), to: iso(o.to_at), percent: o.percent === null ? null : Number(o.percent),
    total: o.total === null ? null : Number(o.total), reason: o.reason, by: o.name, at: new Date(o.created_at).toISOString(),
    revokedAt: o.revoked_at ? new Date(o.revoked_at).toISOString() : null,
  }));
}

export async function revokeOverride(db: Db, center: Center, meta: ForecastMeta, overrideId: number, userId: number | null) {
  await db.transaction(async (tx) => {
    const r = await tx.query('UPDATE forecast_overrides SET revoked_at = now(), revoked_by = $3 WHERE id = $1 AND forecast_id = $2 AND revoked_at IS NULL RETURNING id', [overrideId, meta.id, userId]);
    if (r.rows.length === 0) throw new NotFoundError(`no override ${overrideId} in force on forecast ${meta.id}`);
    await audit(tx, { userId, centerId: center.id, action: 'forecast.override.revoke', objectKind: 'forecast', objectId: meta.id, detail: { override: overrideId } });
  });
  return { overrides: await listOverrides(db, center, meta.id), requirementSetId: await followRequirements(db, center, meta.id, userId) };
}
