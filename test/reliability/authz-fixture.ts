/**
 * A running API with two centers and, in each, one object of every kind the routes address (roster,
 * forecast, requirements, rule prices, a closed callout, a closed VTO offer, cancelled leave requests,
 * attendance records, jobs, tokens), a caller per role, and the ids of each scope: the caller's own team,
 * another team of the same center, and the other center. Jobs are held (never run) and rate limits are off,
 * so the matrix measures authorization only.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/api/app.ts';
import { createAppContext } from '../../src/api/context.ts';
import { createRateLimiter, type RateLimiter } from '../../src/api/rate-limit.ts';
import { USER_ROLES, type UserRole } from '../../src/auth/roles.ts';
import type { Center } from '../../src/domain/center-schema.ts';
import type { Db } from '../../src/db/db.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { saveForecast } from '../../src/db/repos/forecasts.ts';
import { saveRequirementSet } from '../../src/db/repos/requirements.ts';
import { publishRoster, saveRoster } from '../../src/db/repos/rosters.ts';
import { calloutRules } from '../../src/intraday/callouts/callout-rules.ts';
import { closeVtoOffer } from '../../src/intraday/vto/vto-answer.ts';
import { VTO_RULE_IDS } from '../../src/intraday/vto/vto-rank.ts';
import { createVtoOffer } from '../../src/intraday/vto/vto-service.ts';
import { insertJob } from '../../src/jobs/job-store.ts';
import { ensureAdminToken, issueTokenFor } from '../../src/services/tokens.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { pgliteTarget } from '../helpers/databases.ts';
import { farCenter, farId, LAST_DAY, ownCenter, personName, rosterFor } from './authz-centers.ts';
import { heldJobQueue } from './authz-held-queue.ts';

export type Scope = 'own team' | 'other team' | 'other center';
export const SCOPES: readonly Scope[] = ['own team', 'other team', 'other center'];
export const ROLES: readonly UserRole[] = USER_ROLES;

/** The ids a request of each scope names. */
export interface ScopeIds {
  center: string;
  agent: string;
  team: string;
  roster: number;
  forecast: number;
  /** A closed callout (nothing more is taken) and an open one (answers are). */
  callout: number;
  openCallout: number;
  /** A closed VTO offer and an open one (until its window starts, DAY 15:00). */
  vto: number;
  openVto: number;
  request: number;
  job: string;
  token: number;
}

export interface Caller {
  role: UserRole;
  token: string;
  /** The person behind a supervisor, lead or agent token. */
  agent: string | null;
  /** Teams of "rq" the caller may see by the declared scope rules ("all" for center-wide roles). */
  teams: readonly string[] | 'all';
}

export interface AuthzFixture {
  url: string;
  db: Db;
  own: Center;
  far: Center;
  callers: Record<UserRole, Caller>;
  ids: Record<Scope, ScopeIds>;
  call(method: string, path: string, token: string | null, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; type: string; text: string; body: any }>;
  close(): Promise<void>;
}

/** Who acts for the person-bound roles in "rq": supervisor s1 (teams t1, t2), lead l1 (t1), agent a01 (t1). */
const PEOPLE = { supervisor: 's1', lead: 'l1', agent: 'a01' } as const;
/** The other team: t3 (lead l3, supervisor s2), out of every person-bound caller's scope. */
const OTHER = { agent: 'a21', team: 't3' } as const;
export const DAY = '2026-12-09';
export const MONTH = '2026-12';

function hours(center: Center, dates: string[]): string[] {
  const offset = center.timezone === 'Asia/Shanghai' ? '+08:00' : 'Z';
  return dates.flatMap((d) => Array.from({ length: 14 }, (_, k) => `${d}T${String(8 + k).padStart(2, '0')}:00:00${offset}`));
}

/** The objects of one center every route can be pointed at. */
async function seedCenter(db: Db, center: Center, userOf: (agent: string) => Promise<number>) {
  const roster = await db.transaction(async (tx) => publishRoster(tx, (await saveRoster(tx, { centerId: center.id, roster: rosterFor(center) })).id, null));
  await db.query(`INSERT INTO roster_rule_prices (roster_id, result) VALUES ($1, $2)`, [roster.id, JSON.stringify({ bound: 0, rules: [] })]);
  const forecast = await db.transaction((tx) => saveForecast(tx, {
    centerId: center.id, jobId: null, params: { from: DAY, days: 1 }, report: { queues: [] }, createdBy: null,
    points: hours(center, [DAY]).map((t) => ({ queue: 'csr', intervalStart: t, offered: 20, ahtSeconds: 240, lower: 15, upper: 25, model: 'seasonal-naive' })),
  }));
  await db.transaction((tx) => saveRequirementSet(tx, {
    centerId: center.id, forecastId: null, source: 'upload', intervalMinutes: 60, createdBy: null,
    points: hours(center, monthDates(MONTH).filter((d) => d <= LAST_DAY)).map((t) => ({ queue: 'csr', interval_start: t, required: 1 })),
  }));
  const job = async (agent: string) => (await insertJob(db, 'forecast', {}, { centerId: center.id, createdBy: await userOf(agent) })).id;
  return { roster: roster.id, forecast: forecast.id, jobOf: job };
}

export async function startAuthzFixture(options: { rateLimiter?: RateLimiter } = {}): Promise<AuthzFixture> {
  const { db, drop } = await pgliteTarget.open();
  const own = ownCenter();
  const far = farCenter();
  for (const c of [own, far]) await db.transaction((tx) => saveCenter(tx, c));
  const ctx = createAppContext(db, heldJobQueue(db), undefined, options.rateLimiter ?? createRateLimiter(0, 1));
  const server: Server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const people = new Map<string, { token: string; userId: number }>();
  const person = async (center: Center, agent: string) => {
    const key = `${center.id}/${agent}`;
    if (!people.has(key)) {
      const t = await issueTokenFor(db, center, { agent }, null);
      people.set(key, { token: t.token, userId: t.userId });
    }
    return people.get(key)!;
  };
  const adminToken = (await ensureAdminToken(db))!;
  const callers = {} as Record<UserRole, Caller>;
  for (const role of ROLES) {
    if (role === 'admin') callers.admin = { role, token: adminToken, agent: null, teams: 'all' };
    else if (role in PEOPLE) {
      const agent = PEOPLE[role as keyof typeof PEOPLE];
      const teams = role === 'supervisor' ? own.teams.filter((t) => t.supervisor === agent).map((t) => t.id) : [own.agents.find((a) => a.id === agent)!.team!];
      callers[role] = { role, token: (await person(own, agent)).token, agent, teams };
    } else callers[role] = { role, token: (await issueTokenFor(db, own, { role }, null)).token, agent: null, teams: 'all' };
  }

  const call: AuthzFixture['call'] = async (method, path, token, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await fetch(url + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    return { status: res.status, type, text, body: type.includes('json') && text ? JSON.parse(text) : text };
  };
  const ok = async (r: Promise<{ status: number; text: string; body: any }>, what: string) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`fixture: ${what} answered ${res.status}: ${res.text}`);
    return res.body;
  };

  /** The person's own objects: a cancelled leave request (filed by them), an attendance excuse, a job, a token to revoke. */
  const objects = async (center: Center, agent: string, seeded: Awaited<ReturnType<typeof seedCenter>>) => {
    const me = await person(center, agent);
    const leave = await ok(call('POST', '/api/requests', me.token, { kind: 'leave', type: 'personal', from: '2026-12-28', to: '2026-12-28', reason: `${personName(agent, center.id)} has an errand` }), 'leave');
    await ok(call('POST', `/api/requests/${leave.id}/cancel`, me.token, {}), 'cancel');
    await ok(call('POST', `/api/centers/${center.id}/attendance/events`, adminToken, { agent, kind: 'excuse', day: DAY, reason: `${personName(agent, center.id)} saw a doctor` }), 'excuse');
    const token = (await issueTokenFor(db, center, { agent }, null)).id;
    return { request: Number(leave.id), job: await seeded.jobOf(agent), token };
  };
  const seedOwn = await seedCenter(db, own, async (a) => (await person(own, a)).userId);
  const seedFar = await seedCenter(db, far, async (a) => (await person(far, a)).userId);
  // Both callouts list every csr agent rostered that day (extending their shift), a01 and a21 among them.
  const callouts = async (center: Center) => {
    const open = (from: string, to: string) =>
      ok(call('POST', `/api/centers/${center.id}/callouts`, adminToken, { queue: 'csr', from: `${DAY}T${from}:00+08:00`, to: `${DAY}T${to}:00+08:00`, needed: 1, notify: 0 }), 'callout');
    const closed = await open('16:00', '17:00');
    await ok(call('POST', `/api/callouts/${closed.id}/close`, adminToken), 'close');
    return { callout: Number(closed.id), openCallout: Number((await open('16:00', '18:00')).id) };
  };
  // VTO offers for DAY's afternoon surplus, made as of DAY 08:00 (whatever the clock says), every csr agent
  // going home early among the candidates.
  const vtoOffers = async (center: Center) => {
    const offer = (from: string, to: string) => createVtoOffer(db, center, { queue: 'csr', from: `${DAY}T${from}:00+08:00`, to: `${DAY}T${to}:00+08:00`, count: 1, notify: 0 },
      rules, null, new Date(`${DAY}T08:00:00+08:00`));
    const closed = await offer('15:00', '16:00');
    await closeVtoOffer(db, center, closed.id, null);
    return { vto: closed.id, openVto: (await offer('15:00', '16:00')).id };
  };
  const rules = await calloutRules(VTO_RULE_IDS);
  const base = async (center: Center, seeded: typeof seedOwn) => ({
    center: center.id, roster: seeded.roster, forecast: seeded.forecast, ...(await callouts(center)), ...(await vtoOffers(center)),
  });
  const ownBase = await base(own, seedOwn);
  const ids: Record<Scope, ScopeIds> = {
    'own team': { ...ownBase, agent: PEOPLE.agent, team: 't1', ...(await objects(own, PEOPLE.agent, seedOwn)) },
    'other team': { ...ownBase, agent: OTHER.agent, team: OTHER.team, ...(await objects(own, OTHER.agent, seedOwn)) },
    'other center': { ...(await base(far, seedFar)), agent: farId(PEOPLE.agent), team: farId('t1'), ...(await objects(far, farId(PEOPLE.agent), seedFar)) },
  };

  return {
    url, db, own, far, callers, ids, call,
    async close() {
      await new Promise((r) => server.close(r));
      await drop();
    },
  };
}
