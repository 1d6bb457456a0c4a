/**
 * Reports and exports (S1: analysts, managers and the director; every export is written to the audit log):
 * RP1 daily operating metrics, RP2 monthly attendance per agent and team, O3 monthly overtime pay decisions
 * (pay: S3 — managers and the director, and each agent for their own rows), and the per-agent metrics import
 * O3 compares against; RP3 each team's results per shift, for its lead and those above.
 */
import express from 'express';
import { z } from 'zod';
import { assertCenterAccess, type Principal } from '../../auth/principal.ts';
import { ANALYSTS, FLOOR } from '../../auth/roles.ts';
import type { Db } from '../../db/db.ts';
import { audit } from '../../db/repos/audit.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { parseAgentMetrics, storeAgentMetrics } from '../../reports/agent-metrics.ts';
import { attendanceAgentsCsv, attendanceReport, attendanceTeamsCsv } from '../../reports/attendance-report.ts';
import { dailyReport, dailyReportCsv, yesterday } from '../../reports/daily-report.ts';
import { overtimeReport, overtimeReportCsv } from '../../reports/overtime-report.ts';
import { teamShiftCsv, teamShiftReports } from '../../reports/team-shift-report.ts';
import { monthDates } from '../../time/local-day.ts';
import { defineRoute } from '../route.ts';
import { PAY_ROLES } from './attendance.ts';
import { centerIdParams } from './centers.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected "YYYY-MM"');
const format = z.enum(['json', 'csv']).default('json');
const jsonParser = express.json({ limit: '20mb' });

async function logExport(db: Db, p: Principal, centerId: string, report: string, detail: Record<string, unknown>) {
  await audit(db, { userId: p.userId, centerId, action: 'report.export', objectKind: 'report', objectId: report, rule: 'S1', detail });
}

defineRoute({
  method: 'get',
  path: '/api/centers/:id/reports/daily',
  summary: 'RP1: a day\'s operating metrics (default yesterday): volume vs forecast, wMAPE, estimated service level, attendance, overtime hours; JSON or CSV',
  tag: 'reports',
  roles: ANALYSTS,
  params: centerIdParams,
  query: z.object({ date: z.iso.date().optional(), format }),
  async handler({ params, query, principal, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const date = query.date ?? yesterday(center);
    const report = await dailyReport(ctx.db, center, date);
    await logExport(ctx.db, principal, center.id, 'RP1', { date, format: query.format });
    if (query.format === 'csv') {
      res.type('text/csv').attachment(`daily-${center.id}-${date}.csv`).send(dailyReportCsv(report));
      return;
    }
    return report;
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/reports/attendance',
  summary: 'RP2: monthly attendance per agent and per team (pay columns for managers and the director only); JSON, or CSV of agents or teams',
  tag: 'reports',
  roles: ANALYSTS,
  params: centerIdParams,
  query: z.object({ month, format, level: z.enum(['agents', 'teams']).default('agents'), asOf: z.iso.datetime({ offset: true, local: true }).optional() }),
  async handler({ params, query, principal, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    monthDates(query.month);
    const report = await attendanceReport(ctx.db, center, query.month, { includePay: (PAY_ROLES as readonly string[]).includes(principal.role), asOf: query.asOf });
    await logExport(ctx.db, principal, center.id, 'RP2', { month: query.month, format: query.format, level: query.level, pay: report.includesPay });
    if (query.format === 'csv') {
      res.type('text/csv').attachment(`attendance-${query.level}-${center.id}-${query.month}.csv`)
        .send(query.level === 'teams' ? attendanceTeamsCsv(report) : attendanceAgentsCsv(report));
      return;
    }
    return report;
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/reports/overtime',
  summary: 'O3: the month\'s overtime with each one\'s metrics against the center average and the pay decision (managers and the director; an agent sees their own)',
  tag: 'reports',
  roles: [...PAY_ROLES, 'agent'],
  params: centerIdParams,
  query: z.object({ month, format }),
  async handler({ params, query, principal, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    monthDates(query.month);
    const own = principal.role === 'agent' ? new Set([principal.agentId ?? '']) : undefined;
    const report = await overtimeReport(ctx.db, center, query.month, own);
    await logExport(ctx.db, principal, center.id, 'O3', { month: query.month, format: query.format, own: !!own });
    if (query.format === 'csv') {
      res.type('text/csv').attachment(`overtime-${center.id}-${query.month}.csv`).send(overtimeReportCsv(report));
      return;
    }
    return report;
  },
});

defineRoute({
  method: 'post',
  path: '/api/centers/:id/agent-metrics',
  summary: 'Per-agent interval metrics from the phone system (CSV agent,queue,interval_start,handled[,interval_minutes,logged_seconds,successes] or JSON { rows }) for O3',
  tag: 'reports',
  roles: ANALYSTS,
  params: centerIdParams,
  streamBody: ['text/csv', 'application/json'],
  async handler({ params, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const type = req.get('content-type') ?? '';
    let rows;
    if (type.startsWith('application/json')) {
      await new Promise<void>((resolve, reject) => jsonParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      const list = (req.body as { rows?: unknown })?.rows;
      if (!Array.isArray(list)) throw new ValidationError('send { "rows": [ … ] }', [{ where: 'body.rows', message: 'required' }]);
      rows = await parseAgentMetrics(center, list as Array<Record<string, unknown>>, 'body.rows');
    } else if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
      rows = await parseAgentMetrics(center, req, 'body');
    } else {
      throw new ValidationError(`send text/csv or application/json, not "${type || 'no content type'}"`, [{ where: 'content-type', message: 'unsupported' }], 415);
    }
    res.status(201);
    return storeAgentMetrics(ctx.db, center, rows, principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/team-reports',
  summary: "RP3: each team's results per shift of a day — calls of its queue while the shift ran, the queue's service level then, attendance, breaks kept; ready at the shift's end; JSON or CSV (logged)",
  tag: 'reports',
  roles: [...new Set([...FLOOR, ...ANALYSTS])],
  params: centerIdParams,
  query: z.object({ date: z.iso.date(), team: z.string().optional(), format }),
  async handler({ params, query, principal, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    if (query.team && !center.teams.some((t) => t.id === query.team)) throw new NotFoundError(`team "${query.team}" not found in center ${center.id}`);
    const reports = await teamShiftReports(ctx.db, center, principal, query.date, query.team);
    if (query.format === 'csv') {
      await audit(ctx.db, { userId: principal.userId, centerId: center.id, action: 'report.export', objectKind: 'report', objectId: 'RP3', rule: 'RP3', detail: { date: query.date, team: query.team ?? null } });
      res.type('text/csv').attachment(`team-results-${center.id}-${query.date}${query.team ? `-${query.team}` : ''}.csv`).send(teamShiftCsv(reports));
      return;
    }
    return { center: center.id, date: query.date, reports };
  },
});
