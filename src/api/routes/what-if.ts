/** What-if staffing before solving: heads needed as the service-level target, AHT or absence is varied. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, PLANNERS } from '../../auth/roles.ts';
import { getForecastPoints, latestForecastCovering } from '../../db/repos/forecasts.ts';
import { ValidationError } from '../../errors.ts';
import { runInThread } from '../../jobs/thread-runner.ts';
import { approvedLeaveDays } from '../../services/leave-days.ts';
import { LEVER_DEFAULTS, LEVERS, type Lever, type WhatIfInput, type whatIf } from '../../staffing/what-if.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

defineRoute({
  method: 'get',
  path: '/api/centers/:id/staffing-plan/what-if',
  summary: 'What-if staffing for a month: the hiring plan again for each value of one lever — serviceLevel (inbound target), aht (a factor on every interval\'s AHT) or absence (shrinkage) — from the newest forecast of the month',
  tag: 'staffing',
  roles: [...new Set([...PLANNERS, ...ANALYSTS])],
  params: centerIdParams,
  query: z.object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"'),
    lever: z.enum(LEVERS).default('serviceLevel'),
    values: z.string().regex(/^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?){0,19}\s*$/, 'up to 20 numbers separated by commas').optional(),
  }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const lever = query.lever as Lever;
    const range = LEVER_DEFAULTS[lever];
    const values = query.values ? query.values.split(',').map(Number) : range.values;
    const bad = values.filter((v) => v < range.min || v > range.max);
    if (bad.length) throw new ValidationError(`${lever} values must lie in ${range.min}–${range.max}: ${bad.join(', ')}`, [{ where: '$.query.values', message: `outside ${range.min}–${range.max}` }]);
    const start = DateTime.fromISO(`${query.month}-01`, { zone: center.timezone }).startOf('day');
    const [from, to] = [start.toISO()!, start.plus({ months: 1 }).toISO()!];
    const snapshot = await latestForecastCovering(ctx.db, center.id, from, to);
    if (!snapshot) throw new ValidationError(`no forecast covers ${query.month}: forecast the month first`, [{ where: '$.query.month', message: 'no forecast' }], 422);
    const input: WhatIfInput = {
      center, month: query.month, lever, values,
      forecast: await getForecastPoints(ctx.db, snapshot.id, center.timezone, { from, to }),
      approvedLeave: await approvedLeaveDays(ctx.db, center, query.month),
    };
    const result = await runInThread<WhatIfInput, ReturnType<typeof whatIf>>({ moduleUrl: new URL('../../staffing/what-if.ts', import.meta.url).href, exportName: 'whatIf', input });
    return { forecastId: snapshot.id, ...result };
  },
});
