/**
 * The roster a request changes and the new version it writes. The base is the month's published roster, or
 * the latest version when none is published. An approved change is stored as a new version whose parent is
 * the base (rosters are never edited in place); when the base was published, the new version is published in
 * its place, since the change was approved by the manual's approver. The new version carries the base's
 * roster facts and adds one for each person-day the change touched (a later replan keeps those days). Each
 * change is audited with who, the rule, and the assignments before and after.
 */
import type { Assignment, Roster } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { getRoster, listRosters, publishRoster, publishedRoster, saveRoster, type RosterMeta } from '../db/repos/rosters.ts';
import { addFacts, carryFacts, type FactKind } from '../db/repos/roster-facts.ts';
import type { Evaluation, Rulebook } from './rulebook.ts';
import { monthContext } from './rule-context.ts';

export interface BaseRoster {
  meta: RosterMeta;
  roster: Roster;
}

/** The month's published roster, else its latest version, else null. */
export async function baseRoster(tx: Queryable, center: Center, month: string): Promise<BaseRoster | null> {
  const meta = (await publishedRoster(tx, center.id, month)) ?? (await listRosters(tx, center.id, month))[0] ?? null;
  if (!meta) return null;
  const full = await getRoster(tx, meta.id, center.timezone);
  return full ? { meta: full.meta, roster: full.roster } : null;
}

export interface RosterChange {
  removed: Assignment[];
  added: Assignment[];
}

/** The roster with a change applied (assignments matched by agent, date and start). */
export function applyChange(roster: Roster, change: RosterChange): Roster {
  const key = (a: Assignment) => `${a.agent}|${a.date}|${Date.parse(a.start)}`;
  const gone = new Set(change.removed.map(key));
  const assignments = roster.assignments.filter((a) => !gone.has(key(a))).concat(change.added);
  assignments.sort((x, y) => x.date.localeCompare(y.date) || x.agent.localeCompare(y.agent) || Date.parse(x.start) - Date.parse(y.start));
  return { ...roster, assignments };
}

export interface SaveChangeInput {
  center: Center;
  base: BaseRoster;
  change: RosterChange;
  rulebook: Rulebook;
  userId: number | null;
  requestId?: number;
  /** What asked for the change when it is not a request (e.g. { vto: offer id }); default { request: requestId }. */
  ref?: Record<string, number>;
  /** The rule under which the change was approved. */
  rule: string;
  action: string;
  /** What the change is, as a roster fact of the person-days it touches. */
  fact: FactKind;
  /** The rulebook's evaluation of the changed roster, when the caller already has it. */
  evaluation?: Evaluation;
}

/** Writes the changed roster as a new version (re-scored by the rulebook) and audits it. */
export async function saveChange(tx: Queryable, input: SaveChangeInput): Promise<RosterMeta> {
  const { center, base, change } = input;
  const ref = input.ref ?? { request: input.requestId! };
  const edited = applyChange(base.roster, change);
  const evaluation = input.evaluation ?? input.rulebook.evaluate(edited, await monthContext(tx, center, base.roster.month, { roster: edited, requirementSetId: base.meta.requirementSetId }));
  const scored = { ...edited, ...evaluation };
  const meta = await saveRoster(tx, {
    centerId: center.id,
    roster: scored,
    parentId: base.meta.id,
    requirementSetId: base.meta.requirementSetId,
    createdBy: input.userId,
    stats: { ...base.meta.stats, change: { ...ref, rule: input.rule, removed: change.removed.length, added: change.added.length } },
  });
  await carryFacts(tx, base.meta.id, meta.id);
  const touched = new Map([...change.removed, ...change.added].map((a) => [`${a.agent}|${a.date}`, { agent: a.agent, date: a.date }]));
  await addFacts(tx, meta.id, [...touched.values()].map((d) => ({ ...d, kind: input.fact, ref })));
  const saved = base.meta.status === 'published' ? await publishRoster(tx, meta.id, input.userId) : meta;
  await audit(tx, {
    userId: input.userId,
    centerId: center.id,
    action: input.action,
    objectKind: 'roster',
    objectId: saved.id,
    rule: input.rule,
    before: { roster: base.meta.id, version: base.meta.version, assignments: change.removed },
    after: { roster: saved.id, version: saved.version, assignments: change.added },
    detail: { ...ref, parent: base.meta.id, month: base.roster.month },
  });
  return saved;
}
