/**
 * Requests as the API uses them: file, list, read, approve, reject, cancel, and record sick-leave papers. This
 * file checks who may act and holds the transaction (request row lock, then the decision locks in key order,
 * after this pool's turn on those keys: decision-turns.ts);
 * the rules themselves are in leave-service.ts (L1–L10) and change-service.ts (R5, R6).
 */
import type { Principal } from '../auth/principal.ts';
import { inCenter, teamScope } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import {
  ensureLocks, getRequestRecord, listRequestRecords, lockKeys, markPapersReceived, releaseQuotaSlots, sickLeaveMissingPapers, type StoredRequest,
} from '../db/repos/requests.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { assertCanSeeRequest, isApproverFor, teamOf } from './approvers.ts';
import { approveChangeStep, changeLockKeys, consentToSwap, fileChange } from './change-service.ts';
import { expirePeerConsents } from './peer-consent.ts';
import { inTurn } from './decision-turns.ts';
import { recordDecision, setState } from './decisions.ts';
import { cancelApprovedLeave } from './leave-cancel.ts';
import { approveLeaveStep, fileLeave, leaveDays, leaveLockKeys } from './leave-service.ts';
import type { Rulebook } from './rulebook.ts';
import type { RequestBody } from './schemas.ts';
import { OPEN_STATUSES, type LeavePayload, type RequestStatus, type RequestView, type RouteStep } from './types.ts';
import { todayIn, toViews } from './view.ts';

export interface RequestDeps {
  rulebook: Rulebook;
  /** The validated center by id (404 when missing). */
  center(id: string): Promise<Center>;
}

async function view(db: Db, center: Center, id: number): Promise<RequestView> {
  const r = await getRequestRecord(db, id);
  if (!r) throw new NotFoundError(`request ${id} not found`);
  return (await toViews(db, center, [r]))[0];
}

async function visible(db: Db, principal: Principal, id: number, deps: RequestDeps): Promise<{ r: StoredRequest; center: Center }> {
  const found = await getRequestRecord(db, id);
  if (!found || !inCenter(principal, found.centerId)) throw new NotFoundError(`request ${id} not found`);
  const center = await deps.center(found.centerId);
  // A peer's consent that lapsed is expired before anyone reads or acts on the request (R6).
  const r = (await expirePeerConsents(db, center)).includes(id) ? (await getRequestRecord(db, id))! : found;
  assertCanSeeRequest(principal, center, r);
  return { r, center };
}

export async function fileRequest(db: Db, center: Center, principal: Principal, body: RequestBody, deps: RequestDeps): Promise<RequestView> {
  const id = body.kind === 'leave' ? await fileLeave(db, center, principal, body) : await fileChange(db, center, principal, body, deps);
  return view(db, center, id);
}

export async function getRequest(db: Db, principal: Principal, id: number, deps: RequestDeps): Promise<RequestView> {
  const { center } = await visible(db, principal, id, deps);
  return view(db, center, id);
}

export interface ListFilter {
  status?: RequestStatus;
  kind?: string;
  mine?: boolean;
  team?: string;
  limit: number;
}

export async function listRequests(db: Db, center: Center, principal: Principal, f: ListFilter): Promise<RequestView[]> {
  await expirePeerConsents(db, center);
  const scope = teamScope(principal, center);
  const agents = scope === 'all' ? null : [...center.agents.filter((a) => a.team && scope.has(a.team)).map((a) => a.id), ...(principal.agentId ? [principal.agentId] : [])];
  const records = await listRequestRecords(db, {
    centerId: center.id, status: f.status, kind: f.kind, team: f.team, agents,
    mine: f.mine ? { userId: principal.userId, agentId: principal.agentId } : undefined, limit: f.limit,
  });
  return toViews(db, center, records);
}

function describeStep(step: RouteStep): string {
  return step.agent ? `${step.role} ${step.agent}` : step.role;
}

/** Checks that the caller is the approver the open request waits for; returns the step. */
function assertApprover(principal: Principal, center: Center, r: StoredRequest, action: string): RouteStep {
  if (!OPEN_STATUSES.includes(r.status)) throw new ConflictError(`request ${r.id} is already ${r.status}`, r.rule ?? undefined, { status: r.status });
  const step = (r.route as unknown as RouteStep[])[0];
  if (!step) throw new ConflictError(`request ${r.id} waits for nobody`);
  if (principal.agentId && principal.agentId === r.agentId) throw new ForbiddenError(`nobody may ${action} their own request`, step.rule);
  if (!isApproverFor(principal, step, center)) {
    throw new ForbiddenError(`request ${r.id} waits for the ${describeStep(step)} (${step.rule}); ${principal.role} ${principal.agentId ?? principal.userId} may not ${action} it`, step.rule);
  }
  return step;
}

export async function approveRequest(db: Db, principal: Principal, id: number, deps: RequestDeps): Promise<RequestView> {
  const { r: pre, center } = await visible(db, principal, id, deps);
  const keys = pre.kind === 'leave' ? leaveLockKeys(center, pre) : changeLockKeys(pre);
  await ensureLocks(db, center.id, keys);
  await inTurn(db, center.id, keys, () => db.transaction(async (tx) => {
    const r = (await getRequestRecord(tx, id, true))!;
    const step = assertApprover(principal, center, r, 'approve');
    await lockKeys(tx, center.id, keys);
    if (r.kind === 'leave') await approveLeaveStep(tx, center, principal, r, deps);
    else if (step.role === 'peer') await consentToSwap(tx, center, principal, r, deps);
    else await approveChangeStep(tx, center, principal, r, deps);
  }));
  return view(db, center, id);
}

export async function rejectRequest(db: Db, principal: Principal, id: number, reason: string | undefined, deps: RequestDeps): Promise<RequestView> {
  const { center } = await visible(db, principal, id, deps);
  await db.transaction(async (tx) => {
    const r = (await getRequestRecord(tx, id, true))!;
    const step = assertApprover(principal, center, r, 'reject');
    await releaseQuotaSlots(tx, id);
    await setState(tx, center, id, { status: 'rejected', route: [], rule: step.rule });
    await recordDecision(tx, id, principal, 'rejected', step.rule, reason ? `rejected: ${reason}` : 'rejected', {});
  });
  return view(db, center, id);
}

/**
 * Cancel: a pending or escalated request by the person or whoever filed it; approved leave too, before it
 * begins (leave-cancel.ts: the leave days freed, the shifts put back where the rules allow).
 */
export async function cancelRequest(db: Db, principal: Principal, id: number, reason: string | undefined, deps: RequestDeps): Promise<RequestView> {
  const { r: pre, center } = await visible(db, principal, id, deps);
  const approvedLeave = pre.kind === 'leave' && pre.status === 'approved';
  const keys = approvedLeave ? leaveLockKeys(center, pre) : [];
  if (approvedLeave) await ensureLocks(db, center.id, keys);
  await inTurn(db, center.id, keys, () => db.transaction(async (tx) => {
    const r = (await getRequestRecord(tx, id, true))!;
    if (principal.agentId !== r.agentId && principal.userId !== r.createdBy) throw new ForbiddenError(`only ${r.agentId} or whoever filed request ${id} may cancel it`);
    if (r.kind === 'leave' && r.status === 'approved' && approvedLeave) {
      await lockKeys(tx, center.id, keys);
      await cancelApprovedLeave(tx, center, principal, r, reason, deps.rulebook, todayIn(center));
      return;
    }
    if (!OPEN_STATUSES.includes(r.status)) {
      throw new ConflictError(`request ${id} is already ${r.status}; only a pending or escalated request, or approved leave that has not begun, can be cancelled`, undefined, { status: r.status });
    }
    await releaseQuotaSlots(tx, id);
    await setState(tx, center, id, { status: 'cancelled', route: [], rule: r.rule });
    await recordDecision(tx, id, principal, 'cancelled', null, reason ? `cancelled: ${reason}` : 'cancelled', {});
  }));
  return view(db, center, id);
}

/** L6: the team lead or duty supervisor records that the sick-leave papers came in. */
export async function recordPapers(db: Db, principal: Principal, id: number, deps: RequestDeps): Promise<RequestView> {
  const { center } = await visible(db, principal, id, deps);
  await db.transaction(async (tx) => {
    const r = (await getRequestRecord(tx, id, true))!;
    const team = teamOf(center, r.agentId);
    const mayRecord = !!team && ((principal.role === 'lead' && principal.agentId === team.lead) || (principal.role === 'supervisor' && principal.agentId === team.supervisor));
    if (!mayRecord) throw new ForbiddenError(`the team lead or duty supervisor of ${r.agentId} records sick-leave papers (L6)`, 'L6');
    if (r.kind !== 'leave' || !r.papersDue) throw new ConflictError(`request ${id} is not sick leave: no papers are due`, 'L6');
    if (r.status !== 'approved') throw new ConflictError(`request ${id} is ${r.status}: papers are recorded for approved sick leave`, 'L6', { status: r.status });
    if (r.papersReceivedAt) throw new ConflictError(`the papers of request ${id} were recorded at ${r.papersReceivedAt}`, 'L6');
    await markPapersReceived(tx, id);
    await tx.query(
      `INSERT INTO attendance_events (center_id, agent_id, kind, at, day, reason, recorded_by) VALUES ($1, $2, 'papers', now(), $3, $4, $5)`,
      [center.id, r.agentId, todayIn(center), `sick leave papers for request ${id} (${r.dateFrom} – ${r.dateTo})`, principal.userId],
    );
    await recordDecision(tx, id, principal, 'papers-received', 'L6', `papers received (due ${r.papersDue})`, { due: r.papersDue });
  });
  return view(db, center, id);
}

export interface AbsenceDay {
  agent: string;
  date: string;
  request: number;
  rule: 'L6';
  papersDue: string;
}

/**
 * L6/A4 for the attendance report: days of approved sick leave whose papers were due before `asOf` and never
 * came in. These days count as absence.
 */
export async function sickLeaveWithoutPapers(db: Db, centerId: string, asOf: string): Promise<AbsenceDay[]> {
  const missing = await sickLeaveMissingPapers(db, centerId, asOf);
  return missing.flatMap((r) => {
    const p = r.payload as unknown as LeavePayload;
    return leaveDays(p.from, p.to).map((date) => ({ agent: r.agentId, date, request: r.id, rule: 'L6' as const, papersDue: r.papersDue! }));
  });
}
