/**
 * R6 and R5 quotas raced (quota-fixture.ts center, the round's month published):
 * - R6: 30 peer swaps that all involve one hub agent, on 30 different days, half filed by the hub and half by
 *   the other agent (so the hub's quota is reached both as the one asking and as the peer). Each swap alone is
 *   clean (one person's E shift to another who is off); the hub's peer quota (2) lets exactly two be filed, and
 *   every other request is refused 409 citing R6; the two filed wait for their peers, who then consent, and each
 *   is approved at once and in the roster.
 * - R5: one agent files 30 different rest-day moves at once; each leaves its day short of the requirement, so
 *   it waits for the supervisor holding a quota slot; exactly two hold slots, 28 are refused 409 citing R5.
 * Storage: the quota slots of the agent's month, the open requests, and for an approved swap the shift in the
 * published roster now belonging to the other person.
 */
import { getRoster } from '../../src/db/repos/rosters.ts';
import type { Assignment } from '../../solver/roster.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { CENTER_ID, membersOf } from './quota-fixture.ts';
import { call, fireAll, outcome, problemCiting, publishedId, type Answer, type RaceOutcome, type RaceSetup } from './quota-race.ts';

export const SWAP_HUB = 'a01';
export const REST_DAY_AGENT = 'b01';
/** Agents whose days other races count on (L9's team, the rest-day mover): never a swap peer. */
const NOT_PEERS = new Set([SWAP_HUB, REST_DAY_AGENT, ...membersOf('td'), 'ld']);

export async function monthAssignments(s: RaceSetup): Promise<Assignment[]> {
  const id = await publishedId(s.app.db, CENTER_ID, s.month);
  return (await getRoster(s.app.db, id, s.app.center.timezone))!.roster.assignments;
}

async function quotaSlots(s: RaceSetup, agent: string, kind: string): Promise<number> {
  const r = await s.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM request_quota_slots WHERE center_id = $1 AND agent_id = $2 AND month = $3 AND kind = $4', [CENTER_ID, agent, s.month, kind]);
  return r.rows[0].n;
}

async function requestStatuses(s: RaceSetup, ids: number[]): Promise<Map<number, string>> {
  const r = await s.app.db.query<{ id: number; status: string }>('SELECT id, status FROM requests WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(r.rows.map((x) => [Number(x.id), x.status]));
}

export interface PlannedSwap {
  filer: string;
  peer: string;
  date: string;
  /** Who works the shift now (and gives it). */
  giver: string;
}

/** 30 swaps between the hub and 30 different peers, one a day: the one who works gives the shift to one who is off. */
export async function planSwaps(s: RaceSetup, count = 30): Promise<PlannedSwap[]> {
  const all = await monthAssignments(s);
  const on = (agent: string, date: string) => all.filter((a) => a.agent === agent && a.date === date);
  const works = (agent: string, date: string) => on(agent, date).some((a) => a.kind !== 'overtime');
  const staff = s.app.center.agents.filter((a) => a.role === 'agent' && !NOT_PEERS.has(a.id)).map((a) => a.id);
  const used = new Set<string>();
  const plan: PlannedSwap[] = [];
  for (const date of monthDates(s.month)) {
    if (plan.length === count) break;
    if (on(SWAP_HUB, date).length > 1 || on(SWAP_HUB, date).some((a) => a.kind === 'overtime')) continue;
    const hubWorks = works(SWAP_HUB, date);
    const peer = staff.find((p) => !used.has(p) && (hubWorks ? on(p, date).length === 0 : works(p, date) && on(p, date).length === 1));
    if (!peer) continue;
    used.add(peer);
    const hubFiles = plan.length % 2 === 0;
    plan.push({ filer: hubFiles ? SWAP_HUB : peer, peer: hubFiles ? peer : SWAP_HUB, date, giver: hubWorks ? SWAP_HUB : peer });
  }
  if (plan.length < count) throw new Error(`only ${plan.length} clean swaps with ${SWAP_HUB} in ${s.month}`);
  return plan;
}

export async function raceSwaps(s: RaceSetup, plan: PlannedSwap[]): Promise<RaceOutcome> {
  const tokens = await Promise.all(plan.map((p) => s.as(p.filer)));
  const answers = await fireAll(plan.map((p, i) => (via) => call(s, 'POST', '/api/requests', tokens[i], { kind: 'swap', mode: 'peer', with: p.peer, date: p.date }, via)));
  const quota = s.app.center.rules.swapQuota.peer;
  const grantedIds = answers.filter((a) => a.status === 201).map((a) => Number(a.body.id));
  // R6: a filed peer swap waits for the peer's consent; each peer of a filed one consents, and it is approved.
  for (const a of answers.filter((x) => x.status === 201)) {
    const p = plan[answers.indexOf(a)];
    await call(s, 'POST', `/api/requests/${a.body.id}/approve`, await s.as(p.peer), undefined, 0);
  }
  const statuses = await requestStatuses(s, grantedIds);
  const roster = await monthAssignments(s);
  // An approved swap is in the published roster: the giver no longer works that day, the taker does.
  const applied = (a: Answer) => {
    const p = plan[answers.indexOf(a)];
    const taker = p.giver === p.filer ? p.peer : p.filer;
    return statuses.get(Number(a.body.id)) === 'approved'
      && !roster.some((x) => x.agent === p.giver && x.date === p.date && x.kind !== 'overtime')
      && roster.some((x) => x.agent === taker && x.date === p.date && x.kind !== 'overtime');
  };
  const granted = answers.filter((a) => a.status === 201);
  const slots = await quotaSlots(s, SWAP_HUB, 'swap-peer');
  const open = [...statuses.values()].filter((st) => st === 'approved' || st === 'pending').length;
  return outcome('R6', answers, quota, {
    granted: (a) => a.status === 201,
    refused: (a) => problemCiting(a, 'R6') && a.body.agent === SWAP_HUB && a.body.used === quota && a.body.quota === quota,
  }, { count: Math.max(slots, open), missing: granted.filter((a) => !applied(a)).length });
}

/** Different rest-day moves of one agent in the month: from one of their rest days to one of their working days. */
export async function planRestDayMoves(s: RaceSetup, count = 30, agent = REST_DAY_AGENT): Promise<Array<{ from: string; to: string }>> {
  const all = (await monthAssignments(s)).filter((a) => a.agent === agent);
  const dates = monthDates(s.month);
  const rest = dates.filter((d) => !all.some((a) => a.date === d));
  const working = dates.filter((d) => all.filter((a) => a.date === d && a.kind !== 'overtime').length === 1 && !all.some((a) => a.date === d && a.kind === 'overtime'));
  const pairs: Array<{ from: string; to: string }> = [];
  // Spread over the rest days first, then over the working days, so no two moves are the same.
  for (let k = 0; pairs.length < count && k < rest.length * working.length; k++) pairs.push({ from: rest[k % rest.length], to: working[(k + Math.floor(k / rest.length)) % working.length] });
  if (new Set(pairs.map((p) => `${p.from}|${p.to}`)).size !== count) throw new Error(`not ${count} different rest-day moves for ${agent} in ${s.month}`);
  return pairs;
}

export async function raceRestDays(s: RaceSetup, moves: Array<{ from: string; to: string }>): Promise<RaceOutcome> {
  const token = await s.as(REST_DAY_AGENT);
  const answers = await fireAll(moves.map((m) => (via) => call(s, 'POST', '/api/requests', token, { kind: 'rest-day', from: m.from, to: m.to }, via)));
  const quota = s.app.center.rules.restDayAdjustments;
  const granted = answers.filter((a) => a.status === 201);
  const statuses = await requestStatuses(s, granted.map((a) => Number(a.body.id)));
  const slots = await quotaSlots(s, REST_DAY_AGENT, 'rest-day');
  const open = [...statuses.values()].filter((st) => st === 'approved' || st === 'pending').length;
  return outcome('R5', answers, quota, {
    granted: (a) => a.status === 201,
    refused: (a) => problemCiting(a, 'R5') && a.body.agent === REST_DAY_AGENT && a.body.used === quota && a.body.quota === quota,
  }, { count: Math.max(slots, open), missing: granted.filter((a) => !['approved', 'pending'].includes(statuses.get(Number(a.body.id)) ?? '')).length });
}
