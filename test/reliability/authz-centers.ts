/**
 * The two centers of the authorization matrix, in one database: "rq" (the request tests' center, whose
 * December roster is hand-built) and "far", the same center under other ids. Every person's name says who and
 * where ("Person a21 of rq"), so a response that carries someone outside the caller's scope shows it by name.
 */
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center } from '../../src/domain/center-schema.ts';
import type { Roster } from '../../solver/roster.ts';
import { decemberRoster, testCenter } from '../requests/fixture.ts';

export const OWN_CENTER = 'rq';
export const FAR_CENTER = 'far';
/** Ids of the far center: its people and teams carry this prefix, so no id is shared with "rq". */
export const farId = (id: string) => `f-${id}`;

export const personName = (agent: string, center: string) => `Person ${agent} of ${center}`;

function named(center: Center): Center {
  return { ...center, agents: center.agents.map((a) => ({ ...a, name: personName(a.id, center.id) })) };
}

export function ownCenter(): Center {
  return parseCenter(named(testCenter()));
}

/** The far center: the same teams and people under other ids, and a name nobody else has. */
export function farCenter(): Center {
  const base = testCenter();
  const renamed: Center = {
    ...base,
    id: FAR_CENTER,
    name: 'Far-away center',
    teams: base.teams.map((t) => ({ ...t, id: farId(t.id), lead: farId(t.lead), supervisor: farId(t.supervisor) })),
    agents: base.agents.map((a) => ({ ...a, id: farId(a.id), team: a.team ? farId(a.team) : undefined })),
  };
  return parseCenter(named(renamed));
}

/** The days the matrix reads: the first ten of December (a whole month would only make each read slower). */
export const LAST_DAY = '2026-12-10';

/** The hand-built December roster of "rq" up to LAST_DAY, for either center (the far one's people renamed). */
export function rosterFor(center: Center): Roster {
  const month = decemberRoster(ownCenter());
  const roster = { ...month, assignments: month.assignments.filter((a) => a.date <= LAST_DAY), coverage: month.coverage.filter((c) => c.interval_start.slice(0, 10) <= LAST_DAY) };
  if (center.id === OWN_CENTER) return roster;
  return { ...roster, center: center.id, assignments: roster.assignments.map((a) => ({ ...a, agent: farId(a.agent) })) };
}
