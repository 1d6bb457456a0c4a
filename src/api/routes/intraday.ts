/** Intraday: actual traffic in, today's picture out (reforecast, required vs scheduled, gaps), floating shifts (R4). */
import express from 'express';
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, FLOOR, PLANNERS } from '../../auth/roles.ts';
import { ValidationError } from '../../errors.ts';
import { actualsJsonRows, ingestActuals, parseActuals } from '../../intraday/actuals.ts';
import { calloutRules } from '../../intraday/callouts/callout-rules.ts';
import { replaceFloatingShifts } from '../../intraday/floating-service.ts';
import { intradayView } from '../../intraday/intraday-view.ts';
import { defineRoute } from '../route.ts';
import { sendBuilt } from '../send-built.ts';
import { centerIdParams } from './centers.ts';

const ACTUALS_ROLES = [...new Set([...PLANNERS, ...ANALYSTS, 'supervisor' as const])];
const VIEW_ROLES = [...new Set([...FLOOR, ...ANALYSTS])];
const instant = z.iso.datetime({ offset: true, local: true });
const jsonParser = express.json({ limit: '10mb' });
/** Longest an intraday view is reused (writes made through another server reach it within this). */
const VIEW_TTL_MS = 15_000;

const reforecastQuery = {
  halfLife: z.coerce.number().positive().max(48).optional(),
  credibility: z.coerce.number().min(0).max(100_000).optional(),
  damping: z.coerce.number().min(0).max(1).optional(),
};
const reforecastOptions = (q: { halfLife?: number; credibility?: number; damping?: number }) => ({
  ...(q.halfLife !== undefined ? { halfLifeIntervals: q.halfLife } : {}),
  ...(q.credibility !== undefined ? { credibilityCalls: q.credibility } : {}),
  ...(q.damping !== undefined ? { horizonDamping: q.damping } : {}),
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/actuals',
  summary: 'Actual traffic as it happens: the traffic CSV (text/csv) or JSON { rows: [...] } or one interval { queue, interval_start, offered, … }; a resent interval replaces its values',
  tag: 'intraday',
  roles: ACTUALS_ROLES,
  params: centerIdParams,
  query: z.object({ queue: z.string().optional(), interval: z.coerce.number().int().refine((n) => [5, 10, 15, 30, 60].includes(n), 'one of 5, 10, 15, 30, 60').optional() }),
  streamBody: ['text/csv', 'application/json'],
  async handler({ params, query, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const type = req.get('content-type') ?? '';
    let rows;
    if (type.startsWith('application/json')) {
      await new Promise<void>((resolve, reject) => jsonParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      rows = await parseActuals(center, actualsJsonRows(req.body), 'body.rows (line = index + 2)', query.queue);
    } else if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
      rows = await parseActuals(center, req, 'body', query.queue);
    } else {
      throw new ValidationError(`send actuals as text/csv or application/json, not "${type || 'no content type'}"`, [{ where: 'content-type', message: 'unsupported' }], 415);
    }
    res.status(201);
    return ingestActuals(ctx.db, center, rows, { intervalMinutes: query.interval, userId: principal.userId });
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/intraday',
  summary: 'Per interval of a day: forecast, actual, reforecast (method stated), agents required (plan and reforecast), scheduled, gap; callout proposals where the gap reaches the threshold; surplus windows (≥ 1 agent over the need for ≥ 60 min, not yet started) for VTO offers',
  tag: 'intraday',
  roles: VIEW_ROLES,
  params: centerIdParams,
  query: z.object({ date: z.iso.date(), queue: z.string().optional(), asOf: instant.optional(), threshold: z.coerce.number().min(0).max(1000).optional(), ...reforecastQuery }),
  async handler({ params, query, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    // One build per interval tick (the clock moves "now" on), per write through this server, and per request.
    const tick = Math.floor(Date.now() / (center.intervalMinutes * 60_000));
    const key = ['intraday', center.id, ctx.writes, tick, JSON.stringify(query)].join('|');
    const built = await ctx.views.get(key, VIEW_TTL_MS, async () => {
      const view = await intradayView(ctx.db, center, {
        date: query.date, queues: query.queue ? [query.queue] : undefined, asOf: query.asOf, threshold: query.threshold, reforecast: reforecastOptions(query),
      });
      if (!query.queue) return view;
      const { queues, ...rest } = view;
      return { ...rest, ...queues[0] };
    });
    sendBuilt(req, res, built);
  },
});

const floatingBody = z.object({
  date: z.iso.date(),
  asOf: instant.optional(),
  noticeMinutes: z.number().int().min(0).max(600).optional(),
  apply: z.boolean().default(false),
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/floating',
  summary: 'R4: re-place the day\'s floating shifts (start, queue, breaks) against the reforecast, within their windows and the rules; apply=false previews',
  tag: 'intraday',
  roles: [...PLANNERS, 'supervisor'],
  params: centerIdParams,
  body: floatingBody,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return replaceFloatingShifts(ctx.db, center, body, await calloutRules(), principal.userId);
  },
});
