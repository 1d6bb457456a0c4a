/**
 * Assignments of the published rosters over a date range, which may span two months (each month has its own
 * published roster). Intraday views, callouts and attendance all read the published plan through this.
 */
import type { Assignment } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { getAssignments, publishedRoster, type RosterMeta } from '../db/repos/rosters.ts';

export type StoredAssignment = Assignment & { id: number; rosterId: number };

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const [ty, tm] = to.slice(0, 7).split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export interface PublishedPlan {
  rosters: Map<string, RosterMeta>;
  assignments: StoredAssignment[];
}

/** Published assignments with from ≤ date ≤ to (dates "YYYY-MM-DD"), in date order. */
export async function publishedAssignments(db: Queryable, center: Center, from: string, to: string, agents?: string[]): Promise<PublishedPlan> {
  const rosters = new Map<string, RosterMeta>();
  const assignments: StoredAssignment[] = [];
  for (const month of monthsBetween(from, to)) {
    const meta = await publishedRoster(db, center.id, month);
    if (!meta) continue;
    rosters.set(month, meta);
    for (const a of await getAssignments(db, meta.id, center.timezone, { from, to, agents })) assignments.push({ ...a, rosterId: meta.id });
  }
  return { rosters, assignments };
}
