/**
 * Rosters: versions per center and month (draft → published → superseded), with assignments and breaks in
 * tables and the score, violations and coverage as JSON. Every change to a roster is a new version; publishing
 * a version supersedes the month's previously published one.
 */
import { DateTime } from 'luxon';
import type { ActivitySlot, Assignment, BreakSlot, Roster } from '../../../solver/roster.ts';
import { NotFoundError } from '../../errors.ts';
import { isoWithOffset } from '../../time/local-day.ts';
import type { Queryable } from '../db.ts';

export type RosterStatus = 'draft' | 'published' | 'superseded';

export interface RosterMeta {
  id: number;
  centerId: string;
  month: string;
  version: number;
  status: RosterStatus;
  /** Counts in-place changes of this version (overtime, floating, coverage, publishing): reads are cached by it. */
  revision: number;
  jobId: string | null;
  parentId: number | null;
  requirementSetId: number | null;
  score: Roster['score'];
  stats: Record<string, unknown>;
  createdBy: number | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface SaveRosterInput {
  centerId: string;
  roster: Roster;
  jobId?: string | null;
  parentId?: number | null;
  requirementSetId?: number | null;
  createdBy?: number | null;
  stats?: Record<string, unknown>;
}

type MetaRow = {
  id: number; center_id: string; month: string; version: number; status: RosterStatus; revision: number; job_id: string | null; parent_id: number | null;
  requirement_set_id: number | null; score: Roster['score']; stats: Record<string, unknown>; created_by: number | null; created_at: Date; published_at: Date | null;
};

function toMeta(r: MetaRow): RosterMeta {
  return {
    id: r.id, centerId: r.center_id, month: r.month, version: r.version, status: r.status, revision: r.revision, jobId: r.job_id, parentId: r.parent_id,
    requirementSetId: r.requirement_set_id, score: r.score, stats: r.stats, createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(), publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
  };
}

const META_COLUMNS = 'id, center_id, month, version, status, revision, job_id, parent_id, requirement_set_id, score, stats, created_by, created_at, published_at';

/** Stores a roster as the month's next version (inside the caller's transaction). */
export async function saveRoster(tx: Queryable, input: SaveRosterInput): Promise<RosterMeta> {
  const { roster } = input;
  // One writer per center and month at a time, so versions are dense and unique.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roster:${input.centerId}:${roster.month}`]);
  const next = await tx.query<{ v: number }>('SELECT COALESCE(max(version), 0) + 1 AS v FROM rosters WHERE center_id = $1 AND month = $2', [input.centerId, roster.month]);
  const r = await tx.query<MetaRow>(
    `INSERT INTO rosters (center_id, month, version, job_id, parent_id, requirement_set_id, score, violations, coverage, stats, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${META_COLUMNS}`,
    [
      input.centerId, roster.month, next.rows[0].v, input.jobId ?? null, input.parentId ?? null, input.requirementSetId ?? null,
      JSON.stringify(roster.score), JSON.stringify(roster.violations), JSON.stringify(roster.coverage), JSON.stringify(input.stats ?? {}),
      input.createdBy ?? null,
    ],
  );
  const meta = toMeta(r.rows[0]);
  await insertAssignments(tx, meta.id, roster.assignments);
  return meta;
}

/** Marks a roster version changed in place (its cached reads are stale). */
export async function bumpRevision(tx: Queryable, rosterId: number): Promise<void> {
  await tx.query('UPDATE rosters SET revision = revision + 1 WHERE id = $1', [rosterId]);
}

/** Adds assignments (with their breaks) to a stored roster. */
export async function insertAssignments(tx: Queryable, rosterId: number, assignments: readonly Assignment[]): Promise<number[]> {
  if (assignments.length === 0) return [];
  await bumpRevision(tx, rosterId);
  const ids = await tx.query<{ id: number }>(
    `INSERT INTO roster_assignments (roster_id, agent_id, day, shift, queue_id, start_at, end_at, report_at, kind, planned_start_at, planned_end_at)
     SELECT $1, u.agent, u.day, u.shift, u.queue, u.s, u.e, u.rep, u.kind, u.ps, u.pe
       FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::timestamptz[], $11::timestamptz[])
         WITH ORDINALITY AS u(agent, day, shift, queue, s, e, rep, kind, ps, pe, n)
      ORDER BY u.n
     RETURNING id`,
    [
      rosterId,
      assignments.map((a) => a.agent), assignments.map((a) => a.date), assignments.map((a) => a.shift), assignments.map((a) => a.queue),
      assignments.map((a) => a.start), assignments.map((a) => a.end), assignments.map((a) => a.report ?? null),
      assignments.map((a) => a.kind ?? 'regular'), assignments.map((a) => a.planned?.start ?? null), assignments.map((a) => a.planned?.end ?? null),
    ],
  );
  const breakRows: Array<[number, BreakSlot]> = [];
  assignments.forEach((a, i) => a.breaks.forEach((b) => breakRows.push([ids.rows[i].id, b])));
  for (let i = 0; i < breakRows.length; i += 10_000) {
    const chunk = breakRows.slice(i, i + 10_000);
    await tx.query(
      `INSERT INTO roster_breaks (assignment_id, start_at, minutes, kind)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::text[])`,
      [chunk.map(([id]) => id), chunk.map(([, b]) => b.start), chunk.map(([, b]) => b.minutes), chunk.map(([, b]) => b.kind)],
    );
  }
  const activityRows = assignments.flatMap((a, i) => (a.activities ?? []).map((x) => [ids.rows[i].id, x] as const));
  for (let i = 0; i < activityRows.length; i += 10_000) {
    const chunk = activityRows.slice(i, i + 10_000);
    await tx.query(
      `INSERT INTO roster_activities (assignment_id, start_at, minutes, activity_id)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::text[])`,
      [chunk.map(([id]) => id), chunk.map(([, x]) => x.start), chunk.map(([, x]) => x.minutes), chunk.map(([, x]) => x.activity)],
    );
  }
  return ids.rows.map((r) => r.id);
}

export async function getRosterMeta(db: Queryable, id: number): Promise<RosterMeta | null> {
  const r = await db.query<MetaRow>(`SELECT ${META_COLUMNS} FROM rosters WHERE id = $1`, [id]);
  return r.rows[0] ? toMeta(r.rows[0]) : null;
}

export interface AssignmentQuery {
  agents?: string[];
  from?: string;
  to?: string;
  /** A page of the assignments in roster order (day, person, start): at most `limit` from `offset`. */
  limit?: number;
  offset?: number;
}

/** How many assignments a query matches (for paging). */
export async function countAssignments(db: Queryable, rosterId: number, q: AssignmentQuery = {}): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM roster_assignments
      WHERE roster_id = $1 AND ($2::text[] IS NULL OR agent_id = ANY($2::text[])) AND ($3::date IS NULL OR day >= $3) AND ($4::date IS NULL OR day <= $4)`,
    [rosterId, q.agents ?? null, q.from ?? null, q.to ?? null],
  );
  return r.rows[0].n;
}

/** Assignments (with breaks) of a stored roster, timestamps rendered in the center's zone. */
export async function getAssignments(db: Queryable, rosterId: number, zone: string, q: AssignmentQuery = {}): Promise<Array<Assignment & { id: number }>> {
  const rows = await db.query<{ id: number; agent_id: string; day: string; shift: string; queue_id: string; start_at: Date; end_at: Date; report_at: Date | null; kind: 'regular' | 'overtime'; planned_start_at: Date | null; planned_end_at: Date | null }>(
    `SELECT id, agent_id, day, shift, queue_id, start_at, end_at, report_at, kind, planned_start_at, planned_end_at FROM roster_assignments
      WHERE roster_id = $1 AND ($2::text[] IS NULL OR agent_id = ANY($2::text[]))
        AND ($3::date IS NULL OR day >= $3) AND ($4::date IS NULL OR day <= $4)
      ORDER BY day, agent_id, start_at
      LIMIT $5 OFFSET $6`,
    [rosterId, q.agents ?? null, q.from ?? null, q.to ?? null, q.limit ?? null, q.offset ?? 0],
  );
  if (rows.rows.length === 0) return [];
  const breaks = await db.query<{ assignment_id: number; start_at: Date; minutes: number; kind: 'break' | 'meal' }>(
    `SELECT assignment_id, start_at, minutes, kind FROM roster_breaks WHERE assignment_id = ANY($1::bigint[]) ORDER BY start_at`,
    [rows.rows.map((a) => a.id)],
  );
  const activities = await db.query<{ assignment_id: number; start_at: Date; minutes: number; activity_id: string }>(
    `SELECT assignment_id, start_at, minutes, activity_id FROM roster_activities WHERE assignment_id = ANY($1::bigint[]) ORDER BY start_at`,
    [rows.rows.map((a) => a.id)],
  );
  const render = (d: Date) => isoWithOffset(DateTime.fromJSDate(new Date(d), { zone }));
  const activitiesOf = new Map<number, ActivitySlot[]>();
  for (const x of activities.rows) {
    const id = Number(x.assignment_id);
    (activitiesOf.get(id) ?? activitiesOf.set(id, []).get(id)!).push({ start: render(x.start_at), minutes: x.minutes, activity: x.activity_id });
  }
  const byAssignment = new Map<number, BreakSlot[]>();
  for (const b of breaks.rows) {
    const id = Number(b.assignment_id);
    (byAssignment.get(id) ?? byAssignment.set(id, []).get(id)!).push({ start: render(b.start_at), minutes: b.minutes, kind: b.kind });
  }
  return rows.rows.map((a) => ({
    id: a.id, agent: a.agent_id, date: a.day, shift: a.shift, queue: a.queue_id, start: render(a.start_at), end: render(a.end_at),
    breaks: byAssignment.get(Number(a.id)) ?? [], ...(activitiesOf.has(Number(a.id)) ? { activities: activitiesOf.get(Number(a.id)) } : {}),
    ...(a.kind !== 'regular' ? { kind: a.kind } : {}), ...(a.report_at ? { report: render(a.report_at) } : {}),
    ...(a.planned_start_at && a.planned_end_at ? { planned: { start: render(a.planned_start_at), end: render(a.planned_end_at) } } : {}),
  }));
}

/** The whole roster in the FORMATS "Roster" shape. */
export async function getRoster(db: Queryable, id: number, zone: string): Promise<{ meta: RosterMeta; roster: Roster } | null> {
  const meta = await getRosterMeta(db, id);
  if (!meta) return null;
  const extra = await db.query<{ violations: Roster['violations']; coverage: Roster['coverage'] }>('SELECT violations, coverage FROM rosters WHERE id = $1', [id]);
  const assignments = (await getAssignments(db, id, zone)).map(({ id: _id, ...a }) => a);
  return {
    meta,
    roster: { center: meta.centerId, month: meta.month, assignments, coverage: extra.rows[0].coverage, score: meta.score, violations: extra.rows[0].violations },
  };
}

export async function listRosters(db: Queryable, centerId: string, month?: string): Promise<RosterMeta[]> {
  const r = await db.query<MetaRow>(
    `SELECT ${META_COLUMNS} FROM rosters WHERE center_id = $1 AND ($2::text IS NULL OR month = $2) ORDER BY month DESC, version DESC`,
    [centerId, month ?? null],
  );
  return r.rows.map(toMeta);
}

/** The published roster of the month a date falls in, if any. */
export async function publishedRoster(db: Queryable, centerId: string, month: string): Promise<RosterMeta | null> {
  const r = await db.query<MetaRow>(`SELECT ${META_COLUMNS} FROM rosters WHERE center_id = $1 AND month = $2 AND status = 'published'`, [centerId, month]);
  return r.rows[0] ? toMeta(r.rows[0]) : null;
}

/** Publishes a version; the month's earlier published version becomes superseded. */
export async function publishRoster(tx: Queryable, id: number, userId: number | null): Promise<RosterMeta> {
  const meta = await tx.query<MetaRow>(`SELECT ${META_COLUMNS} FROM rosters WHERE id = $1 FOR UPDATE`, [id]);
  if (!meta.rows[0]) throw new NotFoundError(`roster ${id} not found`);
  const m = toMeta(meta.rows[0]);
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roster:${m.centerId}:${m.month}`]);
  await tx.query(`UPDATE rosters SET status = 'superseded', revision = revision + 1 WHERE center_id = $1 AND month = $2 AND status = 'published' AND id <> $3`, [m.centerId, m.month, id]);
  const r = await tx.query<MetaRow>(
    `UPDATE rosters SET status = 'published', revision = revision + 1, published_at = COALESCE(published_at, now()), published_by = COALESCE(published_by, $2)
      WHERE id = $1 RETURNING ${META_COLUMNS}`,
    [id, userId],
  );
  return toMeta(r.rows[0]);
}

/** Replaces a roster's score, violations and coverage (after an edit was re-evaluated). */
export async function updateRosterEvaluation(tx: Queryable, id: number, roster: Pick<Roster, 'score' | 'violations' | 'coverage'>): Promise<void> {
  await tx.query('UPDATE rosters SET score = $2, violations = $3, coverage = $4, revision = revision + 1 WHERE id = $1', [
    id, JSON.stringify(roster.score), JSON.stringify(roster.violations), JSON.stringify(roster.coverage),
  ]);
}
