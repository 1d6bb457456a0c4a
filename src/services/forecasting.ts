/**
 * Forecasting for a stored center: reads the history before the horizon, runs the model selection in a worker
 * thread and stores the result as a snapshot (so forecast-vs-actual stays reproducible after actuals arrive).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { saveForecast, type ForecastMeta } from '../db/repos/forecasts.ts';
import { queryTraffic } from '../db/repos/traffic.ts';
import { ValidationError } from '../errors.ts';
import { MODEL_NAMES, type ForecastReport } from '../forecast/index.ts';
import { forecastOptionsForCenter } from '../forecast/center-options.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import { runInThread, type ThreadProgress } from '../jobs/thread-runner.ts';

export const forecastRequestSchema = z.object({
  queues: z.array(z.string().min(1)).min(1).optional(),
  from: z.iso.date(),
  days: z.number().int().min(1).max(92),
  model: z.string().default('auto').refine((m) => m === 'auto' || MODEL_NAMES.includes(m), { message: `must be "auto" or one of: ${MODEL_NAMES.join(', ')}` }),
  backtestWeeks: z.number().int().min(0).max(26).optional(),
  coverage: z.number().gt(0).lt(1).optional(),
});
export type ForecastRequest = z.infer<typeof forecastRequestSchema>;

/** History used for a forecast: at most a year before its first day. */
const HISTORY_DAYS = 366;

export function checkQueues(center: Center, req: ForecastRequest): void {
  const known = new Set(center.queues.map((q) => q.id));
  const bad = (req.queues ?? []).filter((q) => !known.has(q));
  if (bad.length > 0) throw new ValidationError(`unknown queue(s) ${bad.join(', ')}`, bad.map((q) => ({ where: 'body.queues', message: `unknown queue "${q}"` })));
}

export interface RunForecastOptions {
  jobId?: string | null;
  userId?: number | null;
  signal?: AbortSignal;
  onProgress?: ThreadProgress;
}

export async function runForecast(db: Db, center: Center, req: ForecastRequest, run: RunForecastOptions = {}): Promise<ForecastMeta> {
  checkQueues(center, req);
  const start = DateTime.fromISO(req.from, { zone: center.timezone }).startOf('day');
  const history = await queryTraffic(db, center.id, center.timezone, {
    queues: req.queues ?? center.queues.map((q) => q.id),
    from: start.minus({ days: HISTORY_DAYS }).toJSDate(),
    to: start.toJSDate(),
  });
  const options = forecastOptionsForCenter(center, { ...req, queues: req.queues ?? center.queues.map((q) => q.id) });
  const { points, report } = await runInThread<unknown, { points: ForecastPoint[]; report: ForecastReport }>({
    moduleUrl: new URL('../jobs/tasks/forecast-task.ts', import.meta.url).href,
    exportName: 'forecastTask',
    input: { history, options },
    signal: run.signal,
    onProgress: run.onProgress,
  });
  return db.transaction((tx) => saveForecast(tx, { centerId: center.id, jobId: run.jobId ?? null, params: req, report, points, createdBy: run.userId ?? null }));
}
