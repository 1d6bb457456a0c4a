/** Forecasts: start one (a job), read a snapshot with its backtest table, and judge it against actual traffic. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { assertCenterAccess, inCenter, type Principal } from '../../auth/principal.ts';
import { ANALYSTS, PLANNERS } from '../../auth/roles.ts';
import { getForecastMeta, getForecastPoints, listForecasts, type ForecastMeta } from '../../db/repos/forecasts.ts';
import { queryTraffic } from '../../db/repos/traffic.ts';
import { NotFoundError } from '../../errors.ts';
import { accuracy } from '../../forecast/index.ts';
import { checkQueues, forecastRequestSchema } from '../../services/forecasting.ts';
import type { AppContext } from '../context.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

/** Analysts and managers (the deputy operations manager plans from forecasts, R2). */
export const FORECAST_ROLES = [...new Set([...ANALYSTS, ...PLANNERS])];
export const forecastIdParams = z.object({ forecastId: z.coerce.number().int().positive() });

export async function visibleForecast(ctx: AppContext, principal: Principal, id: number): Promise<ForecastMeta> {
  const meta = await getForecastMeta(ctx.db, id);
  if (!meta || !inCenter(principal, meta.centerId)) throw new NotFoundError(`forecast ${id} not found`);
  return meta;
}

defineRoute({
  method: 'post',
  path: '/api/centers/:id/forecasts',
  summary: 'Forecast queue(s) from a date for N days with a model or "auto" (backtest and choose); returns the job',
  tag: 'forecasts',
  roles: FORECAST_ROLES,
  params: centerIdParams,
  body: forecastRequestSchema,
  status: 202,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    checkQueues(await ctx.center(params.id), body);
    const job = await ctx.jobs.enqueue('forecast', body, { centerId: params.id, createdBy: principal.userId });
    return { jobId: job.id, status: job.status, poll: `/api/jobs/${job.id}` };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/forecasts',
  summary: 'Stored forecasts of a center, newest first (without their points)',
  tag: 'forecasts',
  roles: FORECAST_ROLES,
  params: centerIdParams,
  async handler({ params, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return (await listForecasts(ctx.db, params.id)).map(({ report, ...m }) => ({
      ...m,
      chosen: ((report as { queues?: Array<{ queue: string; chosen: { model: string } }> }).queues ?? []).map((q) => ({ queue: q.queue, model: q.chosen.model })),
    }));
  },
});

defineRoute({
  method: 'get',
  path: '/api/forecasts/:forecastId',
  summary: 'A forecast: its series (point, prediction interval, model), the chosen model and the backtest table',
  tag: 'forecasts',
  roles: FORECAST_ROLES,
  params: forecastIdParams,
  query: z.object({ queue: z.string().optional(), from: z.iso.date().optional(), to: z.iso.date().optional() }),
  async handler({ params, query, principal }, ctx) {
    const meta = await visibleForecast(ctx, principal, params.forecastId);
    const center = await ctx.center(meta.centerId);
    const day = (d?: string) => (d ? DateTime.fromISO(d, { zone: center.timezone }).startOf('day').toISO()! : undefined);
    const points = await getForecastPoints(ctx.db, meta.id, center.timezone, { queue: query.queue, from: day(query.from), to: day(query.to) });
    return { ...meta, points };
  },
});

defineRoute({
  method: 'get',
  path: '/api/forecasts/:forecastId/accuracy',
  summary: 'The forecast against the actual traffic stored for the same intervals: MAPE, wMAPE, bias, RMSE, MASE per interval, day, week, total and queue',
  tag: 'forecasts',
  roles: FORECAST_ROLES,
  params: forecastIdParams,
  async handler({ params, principal }, ctx) {
    const meta = await visibleForecast(ctx, principal, params.forecastId);
    const center = await ctx.center(meta.centerId);
    const points = await getForecastPoints(ctx.db, meta.id, center.timezone);
    if (points.length === 0) throw new NotFoundError(`forecast ${meta.id} has no points`);
    // A loop, not Math.min(...points): spreading more than ~125,000 arguments overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const p of points) {
      const ms = Date.parse(p.intervalStart);
      first = Math.min(first, ms);
      last = Math.max(last, ms);
    }
    last += center.intervalMinutes * 60_000;
    const queues = [...new Set(points.map((p) => p.queue))];
    const actual = await queryTraffic(ctx.db, center.id, center.timezone, { queues, from: new Date(first), to: new Date(last) });
    // MASE scales by the seasonal-naive error on the history before the forecast (five weeks of it).
    const history = await queryTraffic(ctx.db, center.id, center.timezone, { queues, from: new Date(first - 35 * 86_400_000), to: new Date(first) });
    return { forecastId: meta.id, actualRows: actual.length, ...accuracy(points, actual, { zone: center.timezone, intervalMinutes: center.intervalMinutes, history }) };
  },
});
