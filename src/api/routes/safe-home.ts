/** RP5: safe-home reports 1.5 h after each shift ends — the day's shift ends, the overdue ones, and the report. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { MANAGERS, PLANNERS } from '../../auth/roles.ts';
import { overdueSafeHome, reportSafeHome, safeHomeDay } from '../../reports/safe-home.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const VIEW_ROLES = [...PLANNERS, 'supervisor' as const];
const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

defineRoute({
  method: 'get',
  path: '/api/centers/:id/safe-home',
  summary: 'RP5: the shift ends of a day (default today) — people, when the safe-home report is due (end + 1.5 h), and whether it is upcoming, due or reported (by whom, when)',
  tag: 'reports',
  roles: VIEW_ROLES,
  params: centerIdParams,
  query: z.object({ date: z.iso.date().optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const date = query.date ?? todayIn(center.timezone);
    return { center: center.id, date, items: await safeHomeDay(ctx.db, center, date) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/safe-home/overdue',
  summary: 'RP5 reminders: every shift end of the last days (default 7) whose safe-home report is due and not made',
  tag: 'reports',
  roles: VIEW_ROLES,
  params: centerIdParams,
  query: z.object({ days: z.coerce.number().int().min(1).max(62).default(7) }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return { center: center.id, items: await overdueSafeHome(ctx.db, center, todayIn(center.timezone), query.days) };
  },
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/safe-home',
  summary: 'RP5: the manager on duty reports that the staff of a shift end got home safely (not before end + 1.5 h; once)',
  tag: 'reports',
  roles: MANAGERS,
  params: centerIdParams,
  body: z.object({ date: z.iso.date(), shiftEnd: z.iso.datetime({ offset: true }), note: z.string().max(2000).optional() }),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    return reportSafeHome(ctx.db, center, principal, body);
  },
});
