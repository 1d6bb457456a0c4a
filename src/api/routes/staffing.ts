/** Requirements (agents on the phones per interval) and the month's staffing plan with its hiring gap (R2). */
import { DateTime } from 'luxon';
import { z } from 'zod';
import express from 'express';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, FLOOR, PLANNERS } from '../../auth/roles.ts';
import { currentRequirements, listRequirementSets } from '../../db/repos/requirements.ts';
import { ValidationError } from '../../errors.ts';
import { staffingPlan } from '../../staffing/index.ts';
import { approvedLeaveDays } from '../../services/leave-days.ts';
import { requirementsFromForecast, requirementsFromUpload } from '../../services/requirements.ts';
import { discardRest } from '../../formats/csv-records.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const PLAN_ROLES = [...new Set([...PLANNERS, ...ANALYSTS])];
const jsonParser = express.json({ limit: '1mb' });
const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"') });

defineRoute({
  method: 'post',
  path: '/api/centers/:id/requirements',
  summary: 'Compute requirements from a stored forecast (JSON { forecastId }) or store an uploaded requirements CSV (text/csv)',
  tag: 'staffing',
  roles: PLAN_ROLES,
  params: centerIdParams,
  streamBody: ['application/json', 'text/csv'],
  status: 201,
  async handler({ params, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const type = req.get('content-type') ?? '';
    if (type.startsWith('text/csv')) {
      try {
        return await requirementsFromUpload(ctx.db, center, req, 'body', principal.userId);
      } catch (e) {
        await discardRest(req); // a file refused half-way: let the sender finish, so it reads the answer
        throw e;
      }
    }
    if (!type.startsWith('application/json')) {
      throw new ValidationError(`send { "forecastId": N } as application/json or a requirements CSV as text/csv, not "${type || 'no content type'}"`, [], 415);
    }
    await new Promise<void>((resolve, reject) => jsonParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    const body = z.object({ forecastId: z.number().int().positive() }).safeParse(req.body);
    if (!body.success) throw new ValidationError('give { "forecastId": <id of a stored forecast> }', [{ where: 'body.forecastId', message: 'required positive integer' }]);
    return requirementsFromForecast(ctx.db, center, body.data.forecastId, principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/requirements',
  summary: 'Current requirements per queue and interval for a date range (the newest set wins per interval)',
  tag: 'staffing',
  roles: FLOOR,
  params: centerIdParams,
  query: z.object({ from: z.iso.date(), to: z.iso.date(), queue: z.string().optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const from = DateTime.fromISO(query.from, { zone: center.timezone }).startOf('day');
    const to = DateTime.fromISO(query.to, { zone: center.timezone }).plus({ days: 1 }).startOf('day');
    if (to <= from) throw new ValidationError('"to" is before "from"', [{ where: 'query.to', message: 'before from' }]);
    return { points: await currentRequirements(ctx.db, center.id, center.timezone, from.toJSDate(), to.toJSDate(), query.queue ? [query.queue] : undefined) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/requirement-sets',
  summary: 'Stored requirement sets, newest first',
  tag: 'staffing',
  roles: PLAN_ROLES,
  params: centerIdParams,
  async handler({ params, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return listRequirementSets(ctx.db, params.id);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/staffing-plan',
  summary: "The month's staffing plan: required paid hours (R2, R7, R8, TR1–TR4) grossed up for L9, against contract hours minus approved leave → agents to hire per queue and tier, with the arithmetic",
  tag: 'staffing',
  roles: PLAN_ROLES,
  params: centerIdParams,
  query: monthQuery,
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const start = DateTime.fromISO(`${query.month}-01`, { zone: center.timezone }).startOf('day');
    const requirements = await currentRequirements(ctx.db, center.id, center.timezone, start.toJSDate(), start.plus({ months: 1 }).toJSDate());
    if (requirements.length === 0) {
      throw new ValidationError(`no requirements stored for ${query.month}: forecast the month and POST /api/centers/${center.id}/requirements first`, [{ where: 'query.month', message: 'no requirements' }], 422);
    }
    const approvedLeave = await approvedLeaveDays(ctx.db, center, query.month);
    return staffingPlan({ center, month: query.month, requirements, approvedLeave });
  },
});
