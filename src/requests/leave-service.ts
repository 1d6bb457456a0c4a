/**
 * Leave requests, as a story: filing (who may file for whom, L6 channel, L10 training, L1–L5 route) and
 * approval. Each approval runs in one transaction that has taken the decision locks of every supervisor-day,
 * center-day, team-month and roster-month the leave touches (leaveLockKeys; request-service.ts takes them in
 * key order), then:
 *   - not the last step: forwards to the next approver on the route;
 *   - the last step: applies the rules that forbid granting at the caller's level, in order —
 *     L7 (lead or supervisor: the supervisor's day already has its person on leave → operations manager),
 *     L9 (planned attendance would fall below the floor → the next level up, who may grant it),
 *     L8 (manager: more than 11 on long leave → director) —
 *     and escalates (200, status "escalated", rule and numbers on the decision) when one says no; otherwise
 *     grants: leave days stored, rostered shifts removed in a new roster version, cover suggested.
 */
import type { Principal } from '../auth/principal.ts';
import { canSeeAgent } from '../auth/principal.ts';
import type { Center, Team } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { insertLeaveDays, insertRequest, type StoredRequest } from '../db/repos/requests.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { dateRange } from '../time/local-day.ts';
import { checkAttendanceFloor } from './attendance-floor.ts';
import { replaceActivities } from './activity-replacement.ts';
import { suggestCover, type CoverSuggestion } from './cover.ts';
import { recordDecision, setState } from './decisions.ts';
import { levelAbove, leaveRoute, stepFor } from './leave-routing.ts';
import { checkLongLeaveLock } from './long-leave-lock.ts';
import { monthContext } from './rule-context.ts';
import { applyChange, baseRoster, saveChange, type BaseRoster } from './roster-versions.ts';
import type { Rulebook } from './rulebook.ts';
import type { LeaveBody } from './schemas.ts';
import { leaveChannel, papersDueDate } from './sick-leave.ts';
import { checkSupervisorDayLimit } from './supervisor-day-limit.ts';
import { teamOf } from './approvers.ts';
import { assertNotInTraining } from './training.ts';
import type { CheckResult, LeavePayload, Level, RouteStep } from './types.ts';

/** The longest leave one request may ask for. */
const MAX_LEAVE_DAYS = 366;

export function leaveDays(from: string, to: string): string[] {
  const n = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return dateRange(from, n);
}

function requireTeam(center: Center, agentId: string): Team {
  const team = teamOf(center, agentId);
  if (!team) throw new ValidationError(`${agentId} belongs to no team: the manual's approval route starts with the team's lead and duty supervisor`, [{ where: 'agent', message: 'no team' }], 422);
  return team;
}

/** Files a leave request; returns its id. */
export async function fileLeave(db: Db, center: Center, principal: Principal, body: LeaveBody): Promise<number> {
  const subjectId = body.agent ?? principal.agentId;
  if (!subjectId) throw new ForbiddenError('only people of the center file leave (a lead or supervisor names the agent for sick leave)');
  const onBehalf = subjectId !== principal.agentId;
  const subject = center.agents.find((a) => a.id === subjectId);
  if (onBehalf) {
    if (!subject || !canSeeAgent(principal, center, subjectId)) throw new NotFoundError(`agent "${subjectId}" not found in center "${center.id}"`);
    if (principal.role !== 'lead' && principal.role !== 'supervisor') {
      throw new ForbiddenError(`a ${principal.role} may not file leave for someone else: a team lead or duty supervisor records sick leave by phone for their team (L6)`, 'L6');
    }
  }
  if (!subject) throw new NotFoundError(`agent "${subjectId}" not found in center "${center.id}"`);
  if (subject.role !== 'agent' && subject.role !== 'lead') {
    throw new ValidationError(`the manual gives no approval route for a ${subject.role}'s own leave (L1–L5 cover agents and team leads)`, [{ where: 'agent', message: `role ${subject.role}` }], 422);
  }
  if (body.to < body.from) throw new ValidationError(`the leave ends (${body.to}) before it starts (${body.from})`, [{ where: 'body.to', message: 'before from' }]);
  const days = leaveDays(body.from, body.to);
  if (days.length > MAX_LEAVE_DAYS) throw new ValidationError(`a leave request covers at most ${MAX_LEAVE_DAYS} days`, [{ where: 'body.to', message: 'too long' }]);
  const channel = leaveChannel({ type: body.type, channel: body.channel, onBehalf });
  assertNotInTraining(subject, body.from, body.to);
  const team = requireTeam(center, subject.id);
  const route = leaveRoute({ role: subject.role, type: body.type, days: days.length, lead: team.lead, supervisor: team.supervisor }, center.rules);
  const payload: LeavePayload = { kind: 'leave', type: body.type, from: body.from, to: body.to, days: days.length, reason: body.reason, channel, onBehalf };

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`leave-file:${center.id}:${subject.id}`]);
    const overlap = await tx.query<{ id: number; status: string }>(
      `SELECT id, status FROM requests WHERE center_id = $1 AND agent_id = $2 AND kind = 'leave' AND status IN ('pending', 'escalated', 'approved')
          AND date_from <= $4 AND date_to >= $3 ORDER BY id LIMIT 1`,
      [center.id, subject.id, body.from, body.to],
    );
    if (overlap.rows[0]) throw new ConflictError(`${subject.id} already has leave request ${overlap.rows[0].id} (${overlap.rows[0].status}) overlapping ${body.from} – ${body.to}`, undefined, { request: overlap.rows[0].id });
    const id = await insertRequest(tx, {
      centerId: center.id, kind: 'leave', agentId: subject.id, teamId: team.id, payload, dateFrom: body.from, dateTo: body.to,
      papersDue: papersDueDate(body.type, body.to), createdBy: principal.userId,
    });
    await setState(tx, center, id, { status: 'pending', route: route.steps, rule: route.rule });
    await recordDecision(tx, id, principal, 'filed', route.rule, route.reason, {
      days: days.length, type: body.type, channel, onBehalf, grantingLevel: route.grantingLevel, route: route.steps.map((s) => s.role),
    });
    return id;
  });
}

/** Decision locks a leave's approval takes. */
export function leaveLockKeys(center: Center, r: StoredRequest): string[] {
  const team = teamOf(center, r.agentId);
  const days = leaveDays(r.dateFrom!, r.dateTo!);
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  return [
    ...days.map((d) => `center-day:${d}`),
    ...(team ? days.map((d) => `supervisor-day:${team.supervisor}:${d}`) : []),
    ...(team ? months.map((m) => `team-month:${team.id}:${m}`) : []),
    ...months.map((m) => `roster-month:${m}`),
  ];
}

export interface LeaveDeps {
  rulebook: Rulebook;
}

/**
 * The caller (the approver the route waits for, checked by the caller of this function) approves. Runs in the
 * caller's transaction after the request row and the decision locks are held.
 */
export async function approveLeaveStep(tx: Queryable, center: Center, principal: Principal, r: StoredRequest, deps: LeaveDeps): Promise<void> {
  const route = r.route as unknown as RouteStep[];
  const step = route[0];
  const payload = r.payload as unknown as LeavePayload;
  if (route.length > 1) {
    const rest = route.slice(1);
    await setState(tx, center, r.id, { status: r.status, route: rest, rule: r.rule });
    await recordDecision(tx, r.id, principal, 'forwarded', step.rule, `${step.role} ${principal.agentId ?? principal.userId} agrees; forwarded to the ${rest[0].role}`, {});
    return;
  }
  const subject = center.agents.find((a) => a.id === r.agentId);
  if (!subject) throw new ConflictError(`agent ${r.agentId} is no longer in center ${center.id}`);
  assertNotInTraining(subject, payload.from, payload.to);
  const team = requireTeam(center, r.agentId);
  const days = leaveDays(payload.from, payload.to);
  // Leave routes hold approval levels only (a 'peer' step belongs to swaps).
  const level = step.role as Level;
  const people = { lead: team.lead, supervisor: team.supervisor };
  const checks: CheckResult[] = [];

  const escalate = async (check: CheckResult, to: Level) => {
    const next: RouteStep = stepFor(to, check.rule, people);
    const impact = { checks: [...checks, check] };
    await setState(tx, center, r.id, { status: 'escalated', route: [next], rule: check.rule, impact });
    await recordDecision(tx, r.id, principal, 'escalated', check.rule, `${check.message}; escalated to the ${to}`, check.numbers);
  };

  if (level === 'lead' || level === 'supervisor') {
    const l7 = await checkSupervisorDayLimit(tx, center, { agentId: r.agentId, supervisorId: team.supervisor, days });
    if (!l7.ok) return escalate(l7, 'manager');
    checks.push(l7);
  }
  // The month's rosters only after L7: an approval L7 escalates (29 of 30 parallel ones for one supervisor's
  // day) then holds the day's locks for milliseconds instead of for a roster read.
  const bases = new Map<string, BaseRoster | null>();
  for (const m of new Set(days.map((d) => d.slice(0, 7)))) bases.set(m, await baseRoster(tx, center, m));
  const l9 = await checkAttendanceFloor(tx, center, { agentId: r.agentId, teamId: team.id, days, bases });
  // L9: below the floor "needs the next level up" — one level above the one that would have granted it. That
  // level decides; the chain stops there.
  const l9Level = r.status === 'escalated' && r.rule === 'L9';
  const above = levelAbove(level);
  if (!l9.ok && above && !l9Level) return escalate(l9, above);
  checks.push(l9.ok ? l9 : { ...l9, message: `${l9.message}; the ${level}, the level above, may grant leave below the floor and did` });
  if (level === 'manager') {
    const l8 = await checkLongLeaveLock(tx, center, { agentId: r.agentId, days });
    if (!l8.ok) return escalate(l8, 'director');
    checks.push(l8);
  }
  const result = await grantLeave(tx, center, principal, r, payload, team, days, bases, deps);
  await setState(tx, center, r.id, { status: 'approved', route: [], rule: step.rule, impact: { checks }, result });
  const numbers = Object.fromEntries(checks.map((c) => [c.rule, c.numbers]));
  await recordDecision(tx, r.id, principal, 'approved', step.rule, `granted by the ${level}; ${checks.map((c) => `${c.rule}: ${c.message}`).join('; ')}`, numbers);
}

async function grantLeave(
  tx: Queryable, center: Center, principal: Principal, r: StoredRequest, payload: LeavePayload, team: Team, days: string[],
  bases: Map<string, BaseRoster | null>, deps: LeaveDeps,
): Promise<{ rosters: Array<{ month: string; id: number; version: number; parent: number }>; cover: CoverSuggestion[] }> {
  const rostered = (d: string) => bases.get(d.slice(0, 7))?.roster.assignments.some((a) => a.agent === r.agentId && a.date === d && a.kind !== 'overtime') ?? false;
  await insertLeaveDays(tx, center.id, days.map((day) => ({
    requestId: r.id, agentId: r.agentId, day, teamId: team.id, supervisorId: team.supervisor, type: payload.type,
    long: payload.days >= center.rules.longLeaveMinDays, wasRostered: rostered(day),
  })));
  const rosters: Array<{ month: string; id: number; version: number; parent: number }> = [];
  const cover: CoverSuggestion[] = [];
  const daySet = new Set(days);
  for (const [month, base] of bases) {
    if (!base) continue;
    const removed = base.roster.assignments.filter((a) => a.agent === r.agentId && daySet.has(a.date));
    if (removed.length === 0) continue;
    const change = replaceActivities(center, base.roster, { removed, added: [] });
    const edited = applyChange(base.roster, change);
    const ctx = await monthContext(tx, center, month, { roster: edited, requirementSetId: base.meta.requirementSetId });
    const saved = await saveChange(tx, {
      center, base, change, rulebook: deps.rulebook, userId: principal.userId, requestId: r.id, rule: (r.route as unknown as RouteStep[])[0].rule,
      action: 'request.leave.approve', fact: 'leave', evaluation: deps.rulebook.evaluate(edited, ctx),
    });
    rosters.push({ month, id: saved.id, version: saved.version, parent: base.meta.id });
    cover.push(...suggestCover(center, edited, ctx, deps.rulebook.rules, removed.filter((a) => a.kind !== 'overtime' && a.agent === r.agentId && daySet.has(a.date))));
  }
  return { rosters, cover };
}
