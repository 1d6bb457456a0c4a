/**
 * Swaps (R6) and rest-day moves (R5), as a story. Filing takes the decision locks of each agent's month and of
 * the roster's month, then: holds a quota slot for each agent (refused with the numbers when none is left),
 * builds the roster change on the month's base roster, and lets the rulebook judge it. When no hard rule
 * breaks and coverage does not fall below the requirement at any interval, the change is approved at once and
 * written as a new roster version; otherwise the request waits for the duty supervisor of the agent's team,
 * with the impact (new hard violations, intervals short) on it. The supervisor may approve a coverage loss;
 * a change that breaks a hard rule cannot be approved (409 naming the rule) and can only be rejected. A peer
 * swap first waits for the peer's consent (R6, peer-consent.ts): declined or expired, it changes nothing.
 */
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { FactKind } from '../db/repos/roster-facts.ts';
import { ensureLocks, insertRequest, lockKeys, type QuotaKind, type StoredRequest } from '../db/repos/requests.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import { teamOf } from './approvers.ts';
import { inTurn } from './decision-turns.ts';
import { recordDecision, setState } from './decisions.ts';
import { stepFor } from './leave-routing.ts';
import { quotaOf, reserveQuota, type QuotaUse } from './quotas.ts';
import { restDayChange } from './rest-day.ts';
import { monthContext } from './rule-context.ts';
import { applyChange, baseRoster, saveChange, type BaseRoster, type RosterChange } from './roster-versions.ts';
import { peerStep } from './peer-consent.ts';
import { replaceActivities } from './activity-replacement.ts';
import { judgeChange, type ChangeVerdict, type Rulebook } from './rulebook.ts';
import type { RestDayBody, SwapBody } from './schemas.ts';
import { peerSwapChange, selfSwapChange } from './swap.ts';
import type { PeerSwapPayload, RequestPayload, RestDayPayload, SelfSwapPayload } from './types.ts';

export interface ChangeDeps {
  rulebook: Rulebook;
}

type ChangePayload = SelfSwapPayload | PeerSwapPayload | RestDayPayload;

function payloadOf(body: SwapBody | RestDayBody): ChangePayload {
  if (body.kind === 'rest-day') return { kind: 'rest-day', from: body.from, to: body.to };
  if (body.mode === 'peer') return { kind: 'swap', mode: 'peer', with: body.with, date: body.date };
  return { kind: 'swap', mode: 'self', date: body.date, toDate: body.toDate ?? body.date, ...(body.toShift ? { toShift: body.toShift } : {}), ...(body.toStart ? { toStart: body.toStart } : {}) };
}

function quotaKind(p: ChangePayload): QuotaKind {
  return p.kind === 'rest-day' ? 'rest-day' : p.mode === 'self' ? 'swap-self' : 'swap-peer';
}

const ruleOf = (p: ChangePayload) => (p.kind === 'rest-day' ? 'R5' : 'R6');
const factOf = (p: ChangePayload): FactKind => (p.kind === 'rest-day' ? 'rest-day' : p.mode === 'peer' ? 'swap' : 'shift-move');

function dates(p: ChangePayload): [string, string] {
  if (p.kind === 'rest-day') return [p.from < p.to ? p.from : p.to, p.from < p.to ? p.to : p.from];
  if (p.mode === 'peer') return [p.date, p.date];
  return [p.date < p.toDate ? p.date : p.toDate, p.date < p.toDate ? p.toDate : p.date];
}

function buildChange(center: Center, base: BaseRoster, agentId: string, p: ChangePayload): RosterChange {
  const change = p.kind === 'rest-day' ? restDayChange(center, base.roster, agentId, p)
    : p.mode === 'peer' ? peerSwapChange(center, base.roster, agentId, p) : selfSwapChange(center, base.roster, agentId, p);
  return replaceActivities(center, base.roster, change);
}

/** The people whose shifts the change moves. */
function peopleOf(agentId: string, p: ChangePayload): string[] {
  return p.kind === 'swap' && p.mode === 'peer' ? [agentId, p.with] : [agentId];
}

function changeKeys(agentId: string, p: ChangePayload): string[] {
  const month = dates(p)[0].slice(0, 7);
  return [...peopleOf(agentId, p).map((a) => `agent-month:${a}:${month}`), `roster-month:${month}`];
}

export function changeLockKeys(r: StoredRequest): string[] {
  return changeKeys(r.agentId, r.payload as unknown as ChangePayload);
}

async function requireBase(tx: Queryable, center: Center, month: string): Promise<BaseRoster> {
  const base = await baseRoster(tx, center, month);
  if (!base) throw new ConflictError(`there is no roster for ${month} to change yet`, undefined, { month });
  return base;
}

function impactOf(verdict: ChangeVerdict, change: RosterChange, quota: QuotaUse[]): Record<string, unknown> {
  return {
    hard: verdict.hard.map((v) => ({ rule: v.rule, agent: v.agent, date: v.date, penalty: v.penalty, unit: v.unit, message: v.message })),
    coverage: verdict.coverageKnown ? { below: verdict.coverageDrops } : { below: [], unknown: 'the roster has no requirements to compare coverage with' },
    removed: change.removed,
    added: change.added,
    quota,
  };
}

/** Why the change is not approved at once: the first new hard violation, else the coverage loss (R3). */
function routingReason(verdict: ChangeVerdict): { rule: string; message: string } {
  if (verdict.hard.length > 0) {
    const v = verdict.hard[0];
    return { rule: v.rule, message: `breaks ${verdict.hard.map((h) => h.rule).join(', ')}: ${v.message}` };
  }
  if (!verdict.coverageKnown) return { rule: 'R3', message: 'the roster has no requirements, so coverage cannot be shown to hold' };
  const d = verdict.coverageDrops[0];
  return {
    rule: 'R3',
    message: `coverage falls below the requirement in ${verdict.coverageDrops.length} interval(s), first ${d.queue} ${d.interval_start}: ${d.after} scheduled for ${d.required} required (was ${d.before})`,
  };
}

/** Files a swap or rest-day move; approved at once when the rulebook and coverage allow. Returns the id. */
export async function fileChange(db: Db, center: Center, principal: Principal, body: SwapBody | RestDayBody, deps: ChangeDeps): Promise<number> {
  const agentId = principal.agentId;
  const agent = center.agents.find((a) => a.id === agentId);
  if (!agentId || !agent) throw new ForbiddenError('swaps and rest-day moves are asked by the rostered person themself');
  const p = payloadOf(body);
  const [from, to] = dates(p);
  const rule = ruleOf(p);
  if (from.slice(0, 7) !== to.slice(0, 7)) throw new RuleViolationError(rule, `a ${p.kind} stays within one month: ${from} and ${to} are in different months`, { from, to }, 422);
  if (p.kind === 'swap' && p.mode === 'peer' && !center.agents.some((a) => a.id === p.with)) throw new NotFoundError(`agent "${p.with}" not found in center "${center.id}"`);
  const team = teamOf(center, agentId);
  if (!team) throw new ValidationError(`${agentId} belongs to no team: no duty supervisor to route to`, [{ where: 'agent', message: 'no team' }], 422);
  const month = from.slice(0, 7);
  const kind = quotaKind(p);
  if (quotaOf(center, kind) === 0) throw new RuleViolationError(rule, `the center allows no ${kind} requests (quota 0)`, { quota: 0 });
  const keys = changeKeys(agentId, p);
  await ensureLocks(db, center.id, keys);

  return inTurn(db, center.id, keys, () => db.transaction(async (tx) => {
    await lockKeys(tx, center.id, keys);
    const peer = p.kind === 'swap' && p.mode === 'peer' ? p.with : null;
    const id = await insertRequest(tx, {
      centerId: center.id, kind: p.kind, agentId, teamId: team.id, peerAgentId: peer, payload: p satisfies RequestPayload, dateFrom: from, dateTo: to, createdBy: principal.userId,
    });
    // The quota before the roster: a request past it is refused without reading the month's roster, so a
    // refusal holds the month's locks for milliseconds, not for a roster read (30 parallel requests queue
    // behind them, and every one waiting holds a connection of its process's pool).
    const quota = [await reserveQuota(tx, center, agentId, month, kind, id)];
    if (peer) quota.push(await reserveQuota(tx, center, peer, month, kind, id));
    const base = await requireBase(tx, center, month);
    await recordDecision(tx, id, principal, 'filed', rule, `${p.kind}${p.kind === 'swap' ? ` (${p.mode})` : ''} filed`, { quota });
    if (peer && p.kind === 'swap' && p.mode === 'peer') {
      // R6: the peer consents before any approver sees it; the impact is shown to them meanwhile.
      const { impact } = judge(center, base, agentId, p, quota, deps, await monthContext(tx, center, month, { roster: base.roster, requirementSetId: base.meta.requirementSetId }));
      const step = peerStep(center, peer, p.date);
      await setState(tx, center, id, { status: 'pending', route: [step], rule: 'R6', impact });
      await recordDecision(tx, id, null, 'routed', 'R6', `waits for ${peer}'s consent until ${step.until}; no approver sees it before`, {});
      return id;
    }
    await decide(tx, center, principal, { id, agentId, p, team: team.id }, base, quota, deps);
    return id;
  }));
}

function judge(center: Center, base: BaseRoster, agentId: string, p: ChangePayload, quota: QuotaUse[], deps: ChangeDeps, ctx: Awaited<ReturnType<typeof monthContext>>) {
  const change = buildChange(center, base, agentId, p);
  const edited = applyChange(base.roster, change);
  const verdict = judgeChange(deps.rulebook, base.roster, edited, ctx, peopleOf(agentId, p));
  return { change, verdict, impact: impactOf(verdict, change, quota) };
}

/**
 * Approves the change at once when no hard rule breaks and coverage holds (written as a new roster version by
 * `actor`: the filer, or the peer who consented), else routes it to the duty supervisor of the agent's team.
 */
async function decide(tx: Queryable, center: Center, actor: Principal, r: { id: number; agentId: string; p: ChangePayload; team: string }, base: BaseRoster, quota: QuotaUse[], deps: ChangeDeps): Promise<void> {
  const { p, id } = r;
  const rule = ruleOf(p);
  const month = dates(p)[0].slice(0, 7);
  const ctx = await monthContext(tx, center, month, { roster: base.roster, requirementSetId: base.meta.requirementSetId });
  const { change, verdict, impact } = judge(center, base, r.agentId, p, quota, deps, ctx);
  if (verdict.ok) {
    const saved = await saveChange(tx, { center, base, change, rulebook: deps.rulebook, userId: actor.userId, requestId: id, rule, action: `request.${p.kind}.approve`, fact: factOf(p) });
    await setState(tx, center, id, { status: 'approved', route: [], rule, impact, result: { rosters: [{ month, id: saved.id, version: saved.version, parent: base.meta.id }] } });
    await recordDecision(tx, id, null, 'approved', rule, `approved automatically: no hard rule breaks and coverage stays at or above the requirement; ${quota.map((q) => `${q.agent} ${q.used}/${q.quota}`).join(', ')} used in ${month}`, { quota, hard: 0, coverageBelow: 0 });
    return;
  }
  const why = routingReason(verdict);
  const supervisor = center.teams.find((t) => t.id === r.team)!.supervisor;
  await setState(tx, center, id, { status: 'pending', route: [stepFor('supervisor', why.rule, { supervisor })], rule: why.rule, impact });
  await recordDecision(tx, id, null, 'routed', why.rule, `${why.message}; the duty supervisor decides`, { hard: impact.hard, coverage: impact.coverage });
}

/** The peer of a swap consents (R6): the change is then decided as at filing — approved at once or routed. */
export async function consentToSwap(tx: Queryable, center: Center, principal: Principal, r: StoredRequest, deps: ChangeDeps): Promise<void> {
  const p = r.payload as unknown as ChangePayload;
  const base = await requireBase(tx, center, dates(p)[0].slice(0, 7));
  await recordDecision(tx, r.id, principal, 'consented', 'R6', `${principal.agentId} agreed to swap ${dates(p)[0]}`, {});
  const team = teamOf(center, r.agentId);
  if (!team) throw new ValidationError(`${r.agentId} belongs to no team: no duty supervisor to route to`, [{ where: 'agent', message: 'no team' }], 422);
  await decide(tx, center, principal, { id: r.id, agentId: r.agentId, p, team: team.id }, base, (r.impact.quota as QuotaUse[]) ?? [], deps);
}

/** The duty supervisor approves a routed change (the caller holds the request row and the decision locks). */
export async function approveChangeStep(tx: Queryable, center: Center, principal: Principal, r: StoredRequest, deps: ChangeDeps): Promise<void> {
  const p = r.payload as unknown as ChangePayload;
  const month = dates(p)[0].slice(0, 7);
  const rule = ruleOf(p);
  const base = await requireBase(tx, center, month);
  let change: RosterChange;
  try {
    change = buildChange(center, base, r.agentId, p);
  } catch (e) {
    throw new ConflictError(`the roster changed since the request was filed: ${(e as Error).message}`, rule);
  }
  const edited = applyChange(base.roster, change);
  const ctx = await monthContext(tx, center, month, { roster: base.roster, requirementSetId: base.meta.requirementSetId });
  const verdict = judgeChange(deps.rulebook, base.roster, edited, ctx, peopleOf(r.agentId, p));
  const impact = { ...impactOf(verdict, change, (r.impact.quota as QuotaUse[]) ?? []) };
  if (verdict.hard.length > 0) {
    const v = verdict.hard[0];
    throw new RuleViolationError(v.rule, `the ${p.kind} breaks hard rule(s) ${[...new Set(verdict.hard.map((h) => h.rule))].join(', ')} and cannot be approved: ${v.message}`, { violations: impact.hard });
  }
  const saved = await saveChange(tx, { center, base, change, rulebook: deps.rulebook, userId: principal.userId, requestId: r.id, rule, action: `request.${p.kind}.approve`, fact: factOf(p) });
  await setState(tx, center, r.id, { status: 'approved', route: [], rule, impact, result: { rosters: [{ month, id: saved.id, version: saved.version, parent: base.meta.id }] } });
  const below = verdict.coverageDrops.length;
  await recordDecision(tx, r.id, principal, 'approved', rule, below ? `approved by the duty supervisor with ${below} interval(s) below the requirement` : 'approved by the duty supervisor', { coverage: impact.coverage });
}
