/**
 * A roster version held in memory for reading, once per revision: its assignments (with breaks) in roster
 * order, its violations and its coverage. Loaded in slices of LOAD_SLICE assignments with the event loop free
 * between them (the embedded database answers on this thread; one month in one query would hold every other
 * request for a good part of a second). Every read of the version — any scope, filter or page — is then a
 * filter in memory. Warmed in the background when a version is published and when the server starts.
 */
import type { Assignment, CoverageRow, Violation } from '../../solver/roster.ts';
import type { Queryable } from '../db/db.ts';
import { countAssignments, getAssignments, getRosterMeta, type RosterMeta } from '../db/repos/rosters.ts';
import { log } from '../log.ts';

const LOAD_SLICE = 250;
/** Versions kept (a month's is a few megabytes). */
const KEEP = 8;

export interface RosterIndex {
  assignments: Assignment[];
  violations: Violation[];
  coverage: CoverageRow[];
}

const indexes = new Map<string, Promise<RosterIndex>>();

/**
 * A version's identity in this process's caches: its id and revision, with its center and creation time so that
 * two databases served by one process (the test suite, a restored backup) never share an entry.
 */
export function versionKey(meta: RosterMeta): string {
  return `${meta.id}:${meta.revision}:${meta.centerId}:${meta.createdAt}`;
}
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function load(db: Queryable, meta: RosterMeta, zone: string): Promise<RosterIndex> {
  const total = await countAssignments(db, meta.id);
  const assignments: Assignment[] = [];
  for (let offset = 0; offset < total; offset += LOAD_SLICE) {
    await yieldToLoop();
    for (const { id: _id, ...a } of await getAssignments(db, meta.id, zone, { limit: LOAD_SLICE, offset })) assignments.push(a);
  }
  await yieldToLoop();
  const r = await db.query<{ violations: Violation[]; coverage: CoverageRow[] }>('SELECT violations, coverage FROM rosters WHERE id = $1', [meta.id]);
  return { assignments, violations: r.rows[0]?.violations ?? [], coverage: r.rows[0]?.coverage ?? [] };
}

/** The version's index, loaded on first use (one load shared by every reader). */
export function rosterIndex(db: Queryable, meta: RosterMeta, zone: string): Promise<RosterIndex> {
  const key = versionKey(meta);
  let hit = indexes.get(key);
  if (hit) {
    indexes.delete(key);
    indexes.set(key, hit);
    return hit;
  }
  hit = load(db, meta, zone);
  indexes.set(key, hit);
  hit.catch(() => indexes.delete(key));
  while (indexes.size > KEEP) indexes.delete(indexes.keys().next().value!);
  return hit;
}

/** Loads a version's index in the background (after publishing, at start); a failure is only logged. */
export function warmRosterIndex(db: Queryable, meta: RosterMeta, zone: string): void {
  rosterIndex(db, meta, zone).catch((e) => log.warn('roster index warm-up failed', { roster: meta.id, error: (e as Error).message }));
}

/** Every published version of last month onward, warmed (those already in memory cost nothing). */
export async function warmPublishedRosters(db: Queryable): Promise<void> {
  const since = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
  const r = await db.query<{ id: number; timezone: string }>(
    `SELECT r.id, c.timezone FROM rosters r JOIN centers c ON c.id = r.center_id WHERE r.status = 'published' AND r.month >= $1 ORDER BY r.month`,
    [since],
  );
  for (const row of r.rows) {
    const meta = await getRosterMeta(db, Number(row.id));
    if (meta) warmRosterIndex(db, meta, row.timezone);
  }
}
