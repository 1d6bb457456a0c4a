/** Traffic history: import (CSV stream or JSON rows, all or nothing, upsert) and read back. */
import { z } from 'zod';
import { assertCenterAccess } from '../../auth/principal.ts';
import { ANALYSTS, PLANNERS } from '../../auth/roles.ts';
import { queryTraffic, summarizeTraffic } from '../../db/repos/traffic.ts';
import { ValidationError } from '../../errors.ts';
import { zodProblems } from '../../domain/center-loader.ts';
import { discardRest } from '../../formats/csv-records.ts';
import { importTraffic, jsonRowsAsCsv } from '../../services/traffic-import.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';
import express from 'express';
import { DateTime } from 'luxon';

const IMPORT_ROLES = [...new Set([...PLANNERS, ...ANALYSTS])];

const jsonRows = z.object({
  rows: z.array(z.object({
    queue: z.string().min(1).optional(),
    interval_start: z.string(),
    offered: z.number().int().min(0),
    handled: z.number().int().min(0).optional(),
    abandoned: z.number().int().min(0).optional(),
    aht_seconds: z.number().min(0).optional(),
  })).min(1),
});
const jsonParser = express.json({ limit: '50mb' });

defineRoute({
  method: 'post',
  path: '/api/centers/:id/traffic',
  summary: 'Import traffic history: the CSV of FORMATS.md (text/csv, streamed) or JSON { rows: [...] }; all or nothing, re-import upserts',
  tag: 'traffic',
  roles: IMPORT_ROLES,
  params: centerIdParams,
  query: z.object({ queue: z.string().optional(), interval: z.coerce.number().int().optional() }),
  streamBody: ['text/csv', 'application/json'],
  async handler({ params, query, principal, req, res }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const type = req.get('content-type') ?? '';
    let input;
    let source = 'body';
    if (type.startsWith('application/json')) {
      await new Promise<void>((resolve, reject) => jsonParser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      const parsed = jsonRows.safeParse(req.body);
      if (!parsed.success) throw new ValidationError('invalid traffic rows', zodProblems(parsed.error, ['body']));
      input = jsonRowsAsCsv(parsed.data.rows);
      source = 'body.rows (line = index + 2)';
    } else if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
      input = req;
    } else {
      throw new ValidationError(`send the traffic as text/csv or application/json, not "${type || 'no content type'}"`, [{ where: 'content-type', message: 'unsupported' }], 415);
    }
    res.status(201);
    try {
      return await importTraffic(ctx.db, center, input, { source, defaultQueue: query.queue, intervalMinutes: query.interval, userId: principal.userId });
    } catch (e) {
      await discardRest(req); // a file refused half-way: let the sender finish, so it reads the answer
      throw e;
    }
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/traffic',
  summary: 'Traffic per queue and interval in a time range (or a summary per queue without a range)',
  tag: 'traffic',
  roles: [...new Set([...IMPORT_ROLES, 'supervisor' as const])],
  params: centerIdParams,
  query: z.object({ queue: z.string().optional(), from: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()).optional(), to: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    if (!query.from && !query.to) return { queues: await summarizeTraffic(ctx.db, center.id) };
    // A date means the center's local midnight; a date-time without offset is the center's local time.
    const instant = (t?: string) => (t ? DateTime.fromISO(t, { zone: center.timezone }).toJSDate() : undefined);
    const rows = await queryTraffic(ctx.db, center.id, center.timezone, { queues: query.queue ? [query.queue] : undefined, from: instant(query.from), to: instant(query.to) });
    return { rows: rows.map(({ line: _line, startMs: _ms, ...r }) => r) };
  },
});
