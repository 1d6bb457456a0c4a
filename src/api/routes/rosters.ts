/**
 * Rosters: solve a month (a job with progress and best-so-far), list versions, read one (as the caller's scope
 * allows), its coverage and score analysis, publish, export. Feasibility explains an impossible month first.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { assertCenterAccess, canSeeAgent, inCenter, type Principal } from '../../auth/principal.ts';
import { ANALYSTS, EVERYONE, FLOOR, PLANNERS } from '../../auth/roles.ts';
import { audit } from '../../db/repos/audit.ts';
import { getAssignments, getRoster, getRosterMeta, listRosters, type RosterMeta } from '../../db/repos/rosters.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import { analyzeViolations } from '../../services/roster-analysis.ts';
import { DEFAULT_PAGE, MAX_PAGE, rosterRead } from '../../services/roster-read.ts';
import { rosterIndex, warmRosterIndex } from '../../services/roster-index.ts';
import { storedRulePrices } from '../../services/rule-prices.ts';
import { sendBuilt } from '../send-built.ts';
import { excelCsv, rosterCsv } from '../../services/roster-export.ts';
import { newHardViolations, publishKeepingFacts, publishPreview } from '../../services/roster-publish.ts';
import { checkMonthFeasibility, rosterSolveSchema } from '../../services/roster-solve.ts';
import type { AppContext } from '../context.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

const rosterIdParams = z.object({ rosterId: z.coerce.number().int().positive() });
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"');
const EXPORT_ROLES = [...new Set([...FLOOR, ...ANALYSTS])];

/** Roster metadata is re-read at most once a second (and after any write through this server). */
const META_TTL_MS = 1_000;

async function visibleRoster(ctx: AppContext, principal: Principal, id: number): Promise<RosterMeta> {
  const meta = await ctx.recent(`roster-meta:${id}`, META_TTL_MS, () => getRosterMeta(ctx.db, id));
  if (!meta || !inCenter(principal, meta.centerId)) throw new NotFoundError(`roster ${id} not found`);
  // People on the floor see published rosters only; planners also see drafts.
  if (meta.status !== 'published' && !PLANNERS.includes(principal.role) && principal.role !== 'analyst') throw new NotFoundError(`roster ${id} not found`);
  return meta;
}

defineRoute({
  method: 'post',
  path: '/api/centers/:id/rosters',
  summary: "Solve a month's roster from the stored requirements (a job: progress, best-so-far score, cancel keeps the best)",
  tag: 'rosters',
  roles: PLANNERS,
  params: centerIdParams,
  body: rosterSolveSchema,
  status: 202,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const feasibility = await checkMonthFeasibility(ctx.db, center, body);
    const job = await ctx.jobs.enqueue('roster.solve', body, { centerId: params.id, createdBy: principal.userId });
    return { jobId: job.id, status: job.status, poll: `/api/jobs/${job.id}`, feasibility };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/feasibility',
  summary: 'Before solving: what, in plain words, makes the month impossible (leave vs the L9 floor, R11 supervisor cover, contract days …)',
  tag: 'rosters',
  roles: PLANNERS,
  params: centerIdParams,
  query: z.object({ month: monthText }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    return checkMonthFeasibility(ctx.db, await ctx.center(params.id), { month: query.month });
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/rosters',
  summary: "Roster versions of a center (optionally of a month), newest first, with status draft/published/superseded",
  tag: 'rosters',
  roles: EVERYONE,
  params: centerIdParams,
  query: z.object({ month: monthText.optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const all = await ctx.recent(`roster-list:${params.id}:${query.month ?? ''}`, META_TTL_MS, () => listRosters(ctx.db, params.id, query.month));
    return PLANNERS.includes(principal.role) || principal.role === 'analyst' ? all : all.filter((m) => m.status === 'published');
  },
});

const fieldList = z.string().regex(/^(assignments|violations)(,(assignments|violations))*$/, 'a comma-separated list of assignments, violations')
  .transform((v) => [...new Set(v.split(','))] as Array<'assignments' | 'violations'>);

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId',
  summary: 'A roster as the caller may see it: its assignments (with breaks, meals and report times) and violations, filtered by days, team, person and fields, and paged (limit, offset; page.next). ETag, 304 and gzip',
  tag: 'rosters',
  roles: EVERYONE,
  params: rosterIdParams,
  query: z.object({
    agent: z.string().optional(),
    team: z.string().optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    fields: fieldList.default(['assignments', 'violations']),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler({ params, query, principal, req, res }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const center = await ctx.center(meta.centerId);
    const read = await rosterRead(ctx.db, center, meta, principal, query);
    sendBuilt(req, res, read);
  },
});

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/coverage',
  summary: 'Required vs scheduled agents per queue and interval (scheduled = average agents on the phones)',
  tag: 'rosters',
  roles: FLOOR,
  params: rosterIdParams,
  query: z.object({ queue: z.string().optional(), date: z.iso.date().optional() }),
  async handler({ params, query, principal, req, res }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const key = ['coverage', meta.id, meta.revision, query.queue ?? '', query.date ?? ''].join('|');
    const built = await ctx.views.get(key, Infinity, async () => {
      const { coverage } = await rosterIndex(ctx.db, meta, (await ctx.center(meta.centerId)).timezone);
      const rows = coverage.filter((c) => (!query.queue || c.queue === query.queue) && (!query.date || c.interval_start.startsWith(query.date)));
      return { rosterId: meta.id, score: meta.score, coverage: rows };
    });
    sendBuilt(req, res, built);
  },
});

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/analysis',
  summary: 'Score analysis: per rule its level, count, total penalty in natural units, and every match',
  tag: 'rosters',
  roles: FLOOR,
  params: rosterIdParams,
  async handler({ params, principal }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const center = await ctx.center(meta.centerId);
    const r = await ctx.db.query<{ violations: Parameters<typeof analyzeViolations>[0] }>('SELECT violations FROM rosters WHERE id = $1', [meta.id]);
    const visible = r.rows[0].violations.filter((v) => !v.agent || canSeeAgent(principal, center, v.agent));
    return { rosterId: meta.id, score: meta.score, rules: analyzeViolations(visible) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/publish-preview',
  summary: 'What publishing this version would change against the published one, and what it would drop (accepted overtime, approved requests, floating re-placements) — each with the id a publish confirms',
  tag: 'rosters',
  roles: PLANNERS,
  params: rosterIdParams,
  async handler({ params, principal }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    return publishPreview(ctx.db, await ctx.center(meta.centerId), meta);
  },
});

defineRoute({
  method: 'post',
  path: '/api/rosters/:rosterId/publish',
  summary: "Publish a version (its days become pinned for later solves); the month's previous published version is superseded. 409 with the list when it would drop what happened or was agreed since (confirm each by id)",
  tag: 'rosters',
  roles: PLANNERS,
  params: rosterIdParams,
  body: z.object({ confirm: z.array(z.string().max(100)).max(10_000).default([]) }).default({ confirm: [] }),
  async handler({ params, body, principal }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const center = await ctx.center(meta.centerId);
    const hard = await newHardViolations(ctx.db, center, meta);
    if (hard.length > 0) {
      throw new RuleViolationError(hard[0].rule, `roster ${meta.id} breaks ${hard.length} hard rule(s) the published version does not, and cannot be published; first: ${hard[0].message}`, { hardViolations: hard.length });
    }
    const { roster } = await ctx.db.transaction((tx) => publishKeepingFacts(tx, center, meta, principal.userId, body.confirm));
    warmRosterIndex(ctx.db, roster, center.timezone);
    return roster;
  },
});

defineRoute({
  method: 'post',
  path: '/api/rosters/:rosterId/rule-prices',
  summary: "The price of each rule for this version's month (a job): the lower bound on understaffed agent-hours recomputed with each rule relaxed in turn",
  tag: 'rosters',
  roles: PLANNERS,
  params: rosterIdParams,
  status: 202,
  async handler({ params, principal }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const job = await ctx.jobs.enqueue('roster.rule-prices', { rosterId: meta.id }, { centerId: meta.centerId, createdBy: principal.userId });
    return { jobId: job.id, status: job.status, poll: `/api/jobs/${job.id}` };
  },
});

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/rule-prices',
  summary: 'The price of each rule, once computed: the bound, the rules it covers, per rule the bound without it and the understaffed agent-hours the rule costs, and the bound with whole shifts, meals and breaks per day (wholeShifts)',
  tag: 'rosters',
  roles: FLOOR,
  params: rosterIdParams,
  async handler({ params, principal }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const stored = await storedRulePrices(ctx.db, meta.id);
    if (!stored) throw new NotFoundError(`the rule prices of roster ${meta.id} have not been computed: POST /api/rosters/${meta.id}/rule-prices`);
    return { rosterId: meta.id, ...stored };
  },
});

defineRoute({
  method: 'get',
  path: '/api/rosters/:rosterId/export',
  summary: "Export a roster as CSV (one row per assignment), Excel's CSV (UTF-8 with BOM, CRLF) or JSON (FORMATS \"Roster\"), whole or one team's (R13: the analyst collects every team's roster); every export is logged (S1)",
  tag: 'rosters',
  roles: EXPORT_ROLES,
  params: rosterIdParams,
  query: z.object({ format: z.enum(['csv', 'excel', 'json']).default('csv'), team: z.string().min(1).optional() }),
  async handler({ params, query, principal, res }, ctx) {
    const meta = await visibleRoster(ctx, principal, params.rosterId);
    const center = await ctx.center(meta.centerId);
    // An unknown team is an error; a team out of the caller's scope exports nothing of it (as roster reads).
    if (query.team !== undefined && !center.teams.some((t) => t.id === query.team)) throw new NotFoundError(`team "${query.team}" not found in center ${center.id}`);
    const team = new Map(center.agents.map((a) => [a.id, a.team]));
    const full = (await getRoster(ctx.db, meta.id, center.timezone))!.roster;
    const assignments = full.assignments.filter((a) => canSeeAgent(principal, center, a.agent) && (query.team === undefined || team.get(a.agent) === query.team));
    await audit(ctx.db, { userId: principal.userId, centerId: center.id, action: 'roster.export', objectKind: 'roster', objectId: meta.id, rule: 'S1', detail: { format: query.format, team: query.team ?? null, rows: assignments.length } });
    const name = `roster-${center.id}-${meta.month}-v${meta.version}${query.team ? `-${query.team}` : ''}`;
    res.set('content-disposition', `attachment; filename="${name}.${query.format === 'json' ? 'json' : 'csv'}"`);
    if (query.format !== 'json') {
      res.type('text/csv').send(query.format === 'excel' ? excelCsv(rosterCsv(center, assignments)) : rosterCsv(center, assignments));
      return;
    }
    const violations = full.violations.filter((v) => (!v.agent || canSeeAgent(principal, center, v.agent)) && (query.team === undefined || (v.agent !== undefined && team.get(v.agent) === query.team)));
    res.type('application/json').send(JSON.stringify({ ...full, assignments, violations, exportedAt: DateTime.now().toISO() }, null, 2));
  },
});
