/** Requirements for a stored center: from a stored forecast (through src/staffing) or an uploaded CSV. */
import type { Readable } from 'node:stream';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { getForecastMeta, getForecastPoints } from '../db/repos/forecasts.ts';
import { saveRequirementSet, type RequirementSetMeta } from '../db/repos/requirements.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { readRequirementsCsv, type RequirementPoint } from '../formats/requirements-csv.ts';
import { computeRequirements, type QueueRequirementSummary } from '../staffing/index.ts';

export interface RequirementsOutcome {
  set: RequirementSetMeta;
  summary: QueueRequirementSummary[] | null;
  points: number;
}

export async function requirementsFromForecast(db: Db, center: Center, forecastId: number, userId: number | null): Promise<RequirementsOutcome> {
  const meta = await getForecastMeta(db, forecastId);
  if (!meta || meta.centerId !== center.id) throw new NotFoundError(`forecast ${forecastId} not found in center "${center.id}"`);
  const forecast = await getForecastPoints(db, forecastId, center.timezone);
  const result = computeRequirements(forecast, center, { source: `forecast ${forecastId}` });
  const set = await db.transaction(async (tx) => {
    const s = await saveRequirementSet(tx, { centerId: center.id, forecastId, source: 'forecast', points: result.points, intervalMinutes: result.intervalMinutes, createdBy: userId });
    await audit(tx, { userId, centerId: center.id, action: 'requirements.create', objectKind: 'requirement_set', objectId: s.id, detail: { forecastId } });
    return s;
  });
  return { set, summary: result.summary, points: result.points.length };
}

export async function requirementsFromUpload(db: Db, center: Center, input: Readable, source: string, userId: number | null): Promise<RequirementsOutcome> {
  const points: RequirementPoint[] = await readRequirementsCsv(input, source, center.timezone);
  if (points.length === 0) throw new ValidationError(`${source}: no rows`, [{ where: source, message: 'no rows' }]);
  const queues = new Set(center.queues.map((q) => q.id));
  const unknown = points.map((p, i) => ({ p, line: i + 2 })).filter(({ p }) => !queues.has(p.queue));
  if (unknown.length > 0) {
    throw new ValidationError(`${source}: unknown queue(s)`, unknown.slice(0, 20).map(({ p, line }) => ({ where: `${source}:${line}:queue`, message: `unknown queue "${p.queue}"` })));
  }
  const set = await db.transaction(async (tx) => {
    const s = await saveRequirementSet(tx, { centerId: center.id, forecastId: null, source: 'upload', points, intervalMinutes: center.intervalMinutes, createdBy: userId });
    await audit(tx, { userId, centerId: center.id, action: 'requirements.upload', objectKind: 'requirement_set', objectId: s.id, detail: { source, rows: points.length } });
    return s;
  });
  return { set, summary: null, points: points.length };
}
