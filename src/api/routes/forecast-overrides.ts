/** Forecast overrides: the analyst adjusts a day or an interval range (percent or total, with a reason). */
import { z } from 'zod';
import { ANALYSTS } from '../../auth/roles.ts';
import { createOverride, listOverrides, revokeOverride } from '../../services/forecast-overrides.ts';
import { defineRoute } from '../route.ts';
import { FORECAST_ROLES, forecastIdParams, visibleForecast } from './forecasts.ts';

const instant = z.iso.datetime({ offset: true });

defineRoute({
  method: 'post',
  path: '/api/forecasts/:forecastId/overrides',
  summary: 'Adjust a queue\'s forecast for a day (date) or an instant range (from–to): by a percentage, or to a total spread by the forecast\'s shape; with a reason; requirement sets of the forecast follow',
  tag: 'forecasts',
  roles: ANALYSTS,
  params: forecastIdParams,
  body: z.object({
    queue: z.string().min(1), date: z.iso.date().optional(), from: instant.optional(), to: instant.optional(),
    percent: z.number().gt(-100).max(1000).optional(), total: z.number().min(0).max(10_000_000).optional(),
    reason: z.string().trim().min(3).max(500),
  }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    const meta = await visibleForecast(ctx, principal, params.forecastId);
    return createOverride(ctx.db, await ctx.center(meta.centerId), meta, body, principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/forecasts/:forecastId/overrides',
  summary: 'The overrides of a forecast, in force and revoked, with who made them and why',
  tag: 'forecasts',
  roles: FORECAST_ROLES,
  params: forecastIdParams,
  async handler({ params, principal }, ctx) {
    const meta = await visibleForecast(ctx, principal, params.forecastId);
    return listOverrides(ctx.db, await ctx.center(meta.centerId), meta.id);
  },
});

defineRoute({
  method: 'post',
  path: '/api/forecasts/:forecastId/overrides/revoke',
  summary: 'Revoke an override ({ override: id }): the forecast (and its requirement sets) go back to what the others make of it',
  tag: 'forecasts',
  roles: ANALYSTS,
  params: forecastIdParams,
  body: z.object({ override: z.number().int().positive() }),
  async handler({ params, body, principal }, ctx) {
    const meta = await visibleForecast(ctx, principal, params.forecastId);
    return revokeOverride(ctx.db, await ctx.center(meta.centerId), meta, body.override, principal.userId);
  },
});
