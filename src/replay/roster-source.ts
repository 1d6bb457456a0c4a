/**
 * The roster a replay runs: its assignments that touch the day (the day's own and the evening before's, for
 * shifts that run past midnight), its coverage rows (the requirement it was solved against) and the forecast
 * behind that requirement (what the staffing promised). Either a given roster version, or the published plan
 * of the day (the daily report).
 */
import type { Assignment, CoverageRow } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import type { RosterMeta } from '../db/repos/rosters.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { rosterIndex } from '../services/roster-index.ts';
import { addDays } from '../time/local-day.ts';

export interface RosterSource {
  rosterId: number;
  rosterVersion: number;
  rosterStatus: RosterMeta['status'];
  assignments: Assignment[];
  coverage: CoverageRow[];
  /** The forecast the roster's requirement set came from, when known. */
  forecastId: number | null;
}

async function forecastOf(db: Queryable, requirementSetId: number | null): Promise<number | null> {
  if (requirementSetId === null) return null;
  const r = await db.query<{ forecast_id: number | null }>('SELECT forecast_id FROM requirement_sets WHERE id = $1', [requirementSetId]);
  return r.rows[0]?.forecast_id ?? null;
}

/** A roster version, on one day. */
export async function rosterVersionSource(db: Queryable, center: Center, meta: RosterMeta, date: string): Promise<RosterSource> {
  const index = await rosterIndex(db, meta, center.timezone);
  const before = addDays(date, -1);
  return {
    rosterId: meta.id, rosterVersion: meta.version, rosterStatus: meta.status,
    assignments: index.assignments.filter((a) => a.date === date || a.date === before),
    coverage: index.coverage,
    forecastId: await forecastOf(db, meta.requirementSetId),
  };
}

/** The published plan of a day (the evening before may come from last month's roster); null when none is published. */
export async function publishedSource(db: Queryable, center: Center, date: string): Promise<RosterSource | null> {
  const plan = await publishedAssignments(db, center, addDays(date, -1), date);
  const meta = plan.rosters.get(date.slice(0, 7));
  if (!meta) return null;
  const index = await rosterIndex(db, meta, center.timezone);
  return {
    rosterId: meta.id, rosterVersion: meta.version, rosterStatus: meta.status,
    assignments: plan.assignments, coverage: index.coverage, forecastId: await forecastOf(db, meta.requirementSetId),
  };
}
