/**
 * Publishing a roster version without losing what happened, or breaking a hard rule the published version
 * keeps (one it already breaks — on days that have happened, say — does not block a replan that cannot undo
 * it). Against the month's published version it shows
 * what would change (person-days whose shifts differ) and what it would drop: a roster fact of the published
 * version (accepted overtime, an approved swap or rest-day move, a floating re-placement, a shift put back
 * after cancelled leave) whose person-day the new version does not keep, or a shift on approved leave. A
 * publish that drops a fact is refused (409, with the list) unless the deputy confirms that fact by its id;
 * approved leave is never dropped (cancel the leave, or solve again: a replan keeps it). After publishing,
 * callouts and their accepted overtime follow the new version; a confirmed drop of overtime is recorded on
 * its callout.
 */
import type { Assignment, Violation } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { listFacts, type FactKind } from '../db/repos/roster-facts.ts';
import { getAssignments, publishedRoster, publishRoster, type RosterMeta } from '../db/repos/rosters.ts';
import { ConflictError } from '../errors.ts';
import { approvedLeaveDays } from './leave-days.ts';

/** A shift as the change list shows it. */
export interface ShiftLine {
  shift: string;
  queue: string;
  start: string;
  end: string;
  kind: 'regular' | 'overtime';
}

export interface DayChange {
  agent: string;
  date: string;
  before: ShiftLine[];
  after: ShiftLine[];
}

export interface Drop {
  /** What the deputy confirms: "fact:<origin id>" (leave drops cannot be confirmed). */
  id: string;
  kind: FactKind;
  agent: string;
  date: string;
  /** Where the fact came from: { request } or { callout }. */
  ref: Record<string, unknown>;
  confirmable: boolean;
  before: ShiftLine[];
  after: ShiftLine[];
  message: string;
}

export interface PublishPreview {
  roster: { id: number; version: number; status: string };
  /** The published version it would replace (null when the month has none, or it is this one). */
  against: { id: number; version: number } | null;
  changedDays: number;
  changes: DayChange[];
  drops: Drop[];
}

/** The version's hard violations that the month's published version does not have (same rule, person, date). */
export async function newHardViolations(db: Queryable, center: Center, meta: RosterMeta): Promise<Violation[]> {
  const hardOf = async (id: number) =>
    (await db.query<{ violations: Violation[] }>('SELECT violations FROM rosters WHERE id = $1', [id])).rows[0].violations.filter((v) => v.level === 'hard');
  const current = await publishedRoster(db, center.id, meta.month);
  const known = new Set(current && current.id !== meta.id ? (await hardOf(current.id)).map((v) => `${v.rule}|${v.agent ?? ''}|${v.date ?? ''}`) : []);
  return (await hardOf(meta.id)).filter((v) => !known.has(`${v.rule}|${v.agent ?? ''}|${v.date ?? ''}`));
}

const line = (a: Assignment): ShiftLine => ({ shift: a.shift, queue: a.queue, start: a.start, end: a.end, kind: a.kind ?? 'regular' });
const sig = (l: ShiftLine) => `${l.shift}|${l.queue}|${Date.parse(l.start)}|${Date.parse(l.end)}|${l.kind}`;
const dayKey = (agent: string, date: string) => `${agent}|${date}`;

function byDay(list: readonly Assignment[]): Map<string, ShiftLine[]> {
  const out = new Map<string, ShiftLine[]>();
  for (const a of list) (out.get(dayKey(a.agent, a.date)) ?? out.set(dayKey(a.agent, a.date), []).get(dayKey(a.agent, a.date))!).push(line(a));
  return out;
}

const same = (x: ShiftLine[] = [], y: ShiftLine[] = []) => x.length === y.length && x.map(sig).sort().join() === y.map(sig).sort().join();

const describe = (l: ShiftLine[]) => (l.length ? l.map((s) => `${s.kind === 'overtime' ? 'overtime' : s.shift} ${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`).join(' + ') : 'off');

export async function publishPreview(db: Queryable, center: Center, meta: RosterMeta): Promise<PublishPreview> {
  const current = await publishedRoster(db, center.id, meta.month);
  const roster = { id: meta.id, version: meta.version, status: meta.status };
  if (!current || current.id === meta.id) return { roster, against: null, changedDays: 0, changes: [], drops: [] };
  const zone = center.timezone;
  const before = byDay(await getAssignments(db, current.id, zone));
  const afterList = await getAssignments(db, meta.id, zone);
  const after = byDay(afterList);
  const changes: DayChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (same(before.get(key), after.get(key))) continue;
    const [agent, date] = key.split('|');
    changes.push({ agent, date, before: before.get(key) ?? [], after: after.get(key) ?? [] });
  }
  changes.sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));

  const kept = new Set((await listFacts(db, meta.id)).map((f) => f.originId));
  const drops: Drop[] = [];
  for (const f of await listFacts(db, current.id)) {
    if (f.kind === 'leave') continue; // approved leave is judged from the leave itself, below
    const key = dayKey(f.agent, f.date);
    if (kept.has(f.originId) && same(before.get(key), after.get(key))) continue;
    const [was, now] = [before.get(key) ?? [], after.get(key) ?? []];
    drops.push({
      id: `fact:${f.originId}`, kind: f.kind, agent: f.agent, date: f.date, ref: f.ref, confirmable: true, before: was, after: now,
      message: `${f.agent} on ${f.date}: ${f.kind}${f.ref.callout ? ` (callout ${f.ref.callout})` : f.ref.request ? ` (request ${f.ref.request})` : f.ref.vto ? ` (VTO offer ${f.ref.vto})` : ''} — published ${describe(was)}, this version ${describe(now)}`,
    });
  }
  for (const leave of await approvedLeaveDays(db, center, meta.month)) {
    const now = (after.get(dayKey(leave.agent, leave.date)) ?? []).filter((s) => s.kind === 'regular');
    if (now.length === 0) continue;
    drops.push({
      id: `leave:${leave.agent}:${leave.date}`, kind: 'leave', agent: leave.agent, date: leave.date, ref: { type: leave.type }, confirmable: false,
      before: before.get(dayKey(leave.agent, leave.date)) ?? [], after: now,
      message: `${leave.agent} is on approved ${leave.type} leave on ${leave.date} but works ${describe(now)} in this version: solve again (a replan keeps approved leave) or cancel the leave first`,
    });
  }
  drops.sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));
  return { roster, against: { id: current.id, version: current.version }, changedDays: changes.length, changes, drops };
}

/**
 * Publishes `meta` in the caller's transaction: refuses (409, with the drops) while a drop is unconfirmed or
 * cannot be confirmed, then supersedes the published version and moves its callouts' overtime links over.
 */
export async function publishKeepingFacts(tx: Queryable, center: Center, meta: RosterMeta, userId: number | null, confirm: readonly string[] = []): Promise<{ roster: RosterMeta; preview: PublishPreview }> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roster:${meta.centerId}:${meta.month}`]);
  const preview = await publishPreview(tx, center, meta);
  const confirmed = new Set(confirm);
  const refused = preview.drops.filter((d) => !d.confirmable || !confirmed.has(d.id));
  if (refused.length > 0) {
    const leave = refused.filter((d) => !d.confirmable).length;
    throw new ConflictError(
      `publishing version ${meta.version} would drop ${refused.length} thing(s) that happened or were agreed since version ${preview.against?.version} was published` +
        `${leave ? ` (${leave} on approved leave, which cannot be dropped)` : ''}; confirm each one by its id, or solve again from the published version: first: ${refused[0].message}`,
      undefined,
      { drops: refused, confirm: refused.filter((d) => d.confirmable).map((d) => d.id) },
    );
  }
  const roster = await publishRoster(tx, meta.id, userId);
  if (preview.against) await followToVersion(tx, preview.against.id, meta.id);
  await audit(tx, {
    userId, centerId: meta.centerId, action: 'roster.publish', objectKind: 'roster', objectId: meta.id,
    detail: { month: meta.month, version: meta.version, replaces: preview.against, changedDays: preview.changedDays, droppedConfirmed: preview.drops.map((d) => ({ id: d.id, kind: d.kind, agent: d.agent, date: d.date, ref: d.ref })) },
  });
  return { roster, preview };
}

/**
 * Callouts of the superseded version now point at the new one, and each accepted overtime at its copy there
 * (same person, start, end). An overtime the new version dropped (confirmed) loses its link and its callout
 * records the drop (who, in which version), for the supervisor to call again if still needed.
 */
async function followToVersion(tx: Queryable, fromId: number, toId: number): Promise<void> {
  const links = await tx.query<{ callout_id: number; agent_id: string; next: number | null }>(
    `SELECT r.callout_id, r.agent_id, (SELECT n.id FROM roster_assignments n
              WHERE n.roster_id = $2 AND n.kind = 'overtime' AND n.agent_id = o.agent_id AND n.start_at = o.start_at AND n.end_at = o.end_at) AS next
       FROM callout_responses r JOIN roster_assignments o ON o.id = r.assignment_id
      WHERE o.roster_id = $1`,
    [fromId, toId],
  );
  for (const l of links.rows) {
    await tx.query('UPDATE callout_responses SET assignment_id = $3 WHERE callout_id = $1 AND agent_id = $2', [l.callout_id, l.agent_id, l.next]);
    if (l.next !== null) continue;
    await tx.query(
      `UPDATE callouts SET detail = jsonb_set(detail, '{dropped}', COALESCE(detail->'dropped', '[]'::jsonb) || $2::jsonb, true) WHERE id = $1`,
      [l.callout_id, JSON.stringify([{ agent: l.agent_id, roster: toId }])],
    );
  }
  await tx.query('UPDATE callouts SET roster_id = $2 WHERE roster_id = $1', [fromId, toId]);
}
