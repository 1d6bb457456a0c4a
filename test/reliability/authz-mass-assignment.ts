/**
 * Mass assignment: every POST/PUT/PATCH operation gets a body that would work, plus fields the caller may not
 * set — status, role, center, approver, approvedBy, createdBy and the like. The server must refuse it (400,
 * and then nothing stored changed) or ignore the extras: what is stored says the caller, their center and the
 * status the route gives, never the body's. Runs on the authorization fixture (after the matrix or alone).
 */
import type { UserRole } from '../../src/auth/roles.ts';
import { createCallout } from '../../src/intraday/callouts/callout-service.ts';
import { calloutRules } from '../../src/intraday/callouts/callout-rules.ts';
import { insertJob, requestCancel } from '../../src/jobs/job-store.ts';
import { DAY, MONTH, type AuthzFixture } from './authz-fixture.ts';
import type { Answer } from './authz-judge.ts';
import { vtoAttempts } from './authz-mass-vto.ts';
import { changedTables, fingerprint } from './authz-state.ts';

export interface MassResult {
  operation: string;
  status: number;
  /** Problems found: the extras took effect, or the answer was neither a refusal nor the route's own. */
  problems: string[];
}

export interface Ctx {
  fx: AuthzFixture;
  send(role: UserRole | string, method: string, path: string, body: unknown): Promise<Answer>;
  /** The user id behind a role's token (the extras claim another one). */
  user(role: UserRole): Promise<number>;
  row<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T>;
  /** The extras, claiming the director as creator and approver and the other center as the center. */
  extras: Record<string, unknown>;
}

export interface Attempt {
  operation: string;
  /** The status when the extras are ignored. */
  ok: number;
  run(c: Ctx): Promise<Answer>;
  /** What the stored state must say afterwards (problems found). */
  check?(c: Ctx, answer: Answer): Promise<string[]>;
}

const expectEq = (what: string, actual: unknown, expected: unknown) => (String(actual) === String(expected) ? [] : [`${what} is ${String(actual)}, not ${String(expected)}`]);
const noKeys = (what: string, obj: object, extras: object) =>
  Object.keys(extras).filter((k) => k in obj).map((k) => `${what} kept the extra field "${k}"`);
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;
const leave = (date: string) => ({ kind: 'leave', type: 'personal', from: date, to: date, reason: 'family' });

/** The job a held route enqueued: its params are the schema's only, its creator the caller; then cancelled. */
async function heldJob(c: Ctx, a: Answer, role: UserRole, keys: string[]): Promise<string[]> {
  const jobId = (a.body as { jobId: string }).jobId;
  const job = await c.row<{ params: object; created_by: number; center_id: string }>('SELECT params, created_by, center_id FROM jobs WHERE id = $1', [jobId]);
  await requestCancel(c.fx.db, jobId);
  return [
    ...Object.keys(job.params).filter((k) => !keys.includes(k)).map((k) => `job params kept "${k}"`),
    ...expectEq('job creator', job.created_by, await c.user(role)), ...expectEq('job center', job.center_id, c.fx.own.id),
  ];
}

const farRows = async (c: Ctx, table: string) => (await c.row<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE center_id = $1`, [c.fx.far.id])).n;

/** The attempts, one per write operation (fresh per run: some remember what an earlier one filed). */
export function attempts(): Attempt[] {
  let publishedBy: number | null = null;
  return [
    { operation: 'PUT /api/centers/{id}', ok: 200, run: (c) => c.send('manager', 'PUT', '/api/centers/rq', { ...c.fx.own, ...c.extras, id: c.fx.far.id }),
      async check(c) {
        const own = await c.row<{ definition: object }>('SELECT definition FROM centers WHERE id = $1', [c.fx.own.id]);
        const far = await c.row<{ name: string }>('SELECT name FROM centers WHERE id = $1', [c.fx.far.id]);
        return [...noKeys('the center', own.definition, c.extras), ...expectEq('the other center\'s name', far.name, c.fx.far.name)];
      } },
    { operation: 'PUT /api/centers/{id}/special-days', ok: 200, run: (c) => c.send('analyst', 'PUT', '/api/centers/rq/special-days', [{ date: '2026-12-25', kind: 'holiday', closed: true, ...c.extras }]),
      async check(c) {
        const r = await c.row<{ definition: { specialDays: object[] } }>('SELECT definition FROM centers WHERE id = $1', [c.fx.own.id]);
        return r.definition.specialDays.flatMap((d) => noKeys('a special day', d, c.extras));
      } },
    { operation: 'POST /api/centers/{id}/attendance/events', ok: 201,
      run: (c) => c.send('agent', 'POST', '/api/centers/rq/attendance/events', { kind: 'sign-in', ...c.extras, at: '2020-01-01T08:00:00Z', recordedBy: c.extras.createdBy }),
      async check(c) {
        const e = await c.row<{ recorded_by: number; center_id: string; at: Date }>(
          `SELECT recorded_by, center_id, at FROM attendance_events WHERE agent_id = $1 AND kind = 'sign-in' ORDER BY id DESC LIMIT 1`, [c.fx.callers.agent.agent]);
        // An agent signs in at the server's time: a time in the body is not theirs to give.
        return [...expectEq('recorded by', e.recorded_by, await c.user('agent')), ...expectEq('center', e.center_id, 'rq'), ...(new Date(e.at).getFullYear() === 2020 ? ['the agent set the sign-in time'] : [])];
      } },
    { operation: 'POST /api/centers/{id}/callouts', ok: 201,
      run: (c) => c.send('supervisor', 'POST', '/api/centers/rq/callouts', { queue: 'csr', from: at('18:00'), to: at('19:00'), needed: 1, notify: 0, ...c.extras, status: 'filled', kind: 'planned' }),
      async check(c, a) {
        const r = await c.row<{ status: string; kind: string; created_by: number; center_id: string }>('SELECT status, kind, created_by, center_id FROM callouts WHERE id = $1', [(a.body as { id: number }).id]);
        return [...expectEq('status', r.status, 'open'), ...expectEq('kind', r.kind, 'intraday'), ...expectEq('creator', r.created_by, await c.user('supervisor')), ...expectEq('center', r.center_id, 'rq')];
      } },
    { operation: 'POST /api/callouts/{id}/responses', ok: 200,
      run: (c) => c.send('lead', 'POST', `/api/callouts/${c.fx.ids['own team'].openCallout}/responses`, { agent: 'a02', accept: false, ...c.extras, status: 'filled', assignmentId: 1 }),
      async check(c) {
        const id = c.fx.ids['own team'].openCallout;
        const r = await c.row<{ status: string; accept: boolean; assignment_id: number | null }>(
          `SELECT c.status, r.accept, r.assignment_id FROM callouts c JOIN callout_responses r ON r.callout_id = c.id WHERE c.id = $1 AND r.agent_id = 'a02'`, [id]);
        return [...expectEq('callout status', r.status, 'open'), ...expectEq('answer', r.accept, false), ...expectEq('assignment', r.assignment_id, null)];
      } },
    { operation: 'POST /api/callouts/{id}/publish', ok: 200,
      async run(c) {
        const draft = await createCallout(c.fx.db, c.fx.own, { queue: 'csr', from: at('19:00'), to: at('20:00'), needed: 1, kind: 'planned', status: 'draft' }, await calloutRules(), null);
        return c.send('deputy', 'POST', `/api/callouts/${draft.id}/publish`, { notify: 0, ...c.extras, status: 'closed', publishedBy: c.extras.createdBy });
      },
      async check(c, a) {
        const r = await c.row<{ status: string; published_by: number }>('SELECT status, published_by FROM callouts WHERE id = $1', [(a.body as { id: number }).id]);
        return [...expectEq('status', r.status, 'open'), ...expectEq('published by', r.published_by, await c.user('deputy'))];
      } },
    { operation: 'POST /api/callouts/{id}/close', ok: 200,
      run: (c) => c.send('supervisor', 'POST', `/api/callouts/${c.fx.ids['own team'].openCallout}/close`, { ...c.extras, status: 'filled' }),
      async check(c) {
        return expectEq('status', (await c.row<{ status: string }>('SELECT status FROM callouts WHERE id = $1', [c.fx.ids['own team'].openCallout])).status, 'closed');
      } },
    ...vtoAttempts(),
    { operation: 'POST /api/centers/{id}/overtime-drafts', ok: 201,
      run: (c) => c.send('deputy', 'POST', '/api/centers/rq/overtime-drafts', { from: DAY, days: 1, ...c.extras, status: 'open', kind: 'intraday' }),
      async check(_c, a) {
        return (a.body as { drafts: Array<{ status: string; kind: string }> }).drafts.filter((d) => d.status !== 'draft' || d.kind !== 'planned').map((d) => `a draft stored as ${d.kind} ${d.status}`);
      } },
    { operation: 'POST /api/centers/{id}/forecasts', ok: 202, run: (c) => c.send('analyst', 'POST', '/api/centers/rq/forecasts', { from: DAY, days: 1, queues: ['csr'], ...c.extras }),
      check: (c, a) => heldJob(c, a, 'analyst', ['queues', 'from', 'days', 'model', 'backtestWeeks', 'coverage']) },
    { operation: 'POST /api/centers/{id}/actuals', ok: 201,
      run: (c) => c.send('analyst', 'POST', '/api/centers/rq/actuals', { rows: [{ queue: 'csr', interval_start: at('09:00'), offered: 5, center: 'far', center_id: 'far' }], ...c.extras }),
      async check(c) {
        return (await farRows(c, 'traffic')) === 0 ? [] : ['actual traffic stored in the other center'];
      } },
    { operation: 'POST /api/access-grants', ok: 201,
      async run(c) {
        const stranger = await c.row<{ id: number }>('SELECT id FROM users WHERE center_id = $1 ORDER BY id LIMIT 1', [c.fx.far.id]);
        // The body's own fields after the extras (they claim another center under the same name `center`).
        return c.send('director', 'POST', '/api/access-grants', { ...c.extras, approved_by: c.extras.createdBy, center_id: c.fx.far.id, user: Number(stranger.id), center: 'rq', until: '2999-01-01T00:00:00Z', reason: 'a joint audit' });
      },
      async check(c) {
        const g = await c.row<{ approved_by: number; center_id: string }>('SELECT approved_by, center_id FROM center_access_grants ORDER BY id DESC LIMIT 1');
        return [...expectEq('approver', g.approved_by, await c.user('director')), ...expectEq('center', g.center_id, c.fx.own.id)];
      } },
    { operation: 'POST /api/access-grants/revoke', ok: 200,
      async run(c) {
        const g = await c.row<{ id: number }>('SELECT id FROM center_access_grants ORDER BY id DESC LIMIT 1');
        return c.send('director', 'POST', '/api/access-grants/revoke', { grant: Number(g.id), ...c.extras, revoked_by: c.extras.createdBy });
      },
      async check(c) {
        const g = await c.row<{ revoked_by: number }>('SELECT revoked_by FROM center_access_grants ORDER BY id DESC LIMIT 1');
        return expectEq('revoker', g.revoked_by, await c.user('director'));
      } },
    { operation: 'POST /api/forecasts/{forecastId}/overrides', ok: 201,
      run: (c) => c.send('analyst', 'POST', `/api/forecasts/${c.fx.ids['own team'].forecast}/overrides`, { queue: 'csr', date: DAY, percent: 10, reason: 'a campaign', ...c.extras, forecast_id: c.fx.ids['other center'].forecast }),
      async check(c) {
        const o = await c.row<{ forecast_id: number; created_by: number; revoked_at: Date | null }>('SELECT forecast_id, created_by, revoked_at FROM forecast_overrides ORDER BY id DESC LIMIT 1');
        return [...expectEq('forecast', o.forecast_id, c.fx.ids['own team'].forecast), ...expectEq('author', o.created_by, await c.user('analyst')), ...(o.revoked_at ? ['revoked by the body'] : [])];
      } },
    { operation: 'POST /api/forecasts/{forecastId}/overrides/revoke', ok: 200,
      async run(c) {
        const o = await c.row<{ id: number }>('SELECT id FROM forecast_overrides ORDER BY id DESC LIMIT 1');
        return c.send('analyst', 'POST', `/api/forecasts/${c.fx.ids['own team'].forecast}/overrides/revoke`, { override: Number(o.id), ...c.extras, revoked_by: c.extras.createdBy });
      },
      async check(c) {
        const o = await c.row<{ revoked_by: number }>('SELECT revoked_by FROM forecast_overrides ORDER BY id DESC LIMIT 1');
        return expectEq('revoker', o.revoked_by, await c.user('analyst'));
      } },
    { operation: 'POST /api/centers/{id}/agent-states', ok: 201,
      run: (c) => c.send('supervisor', 'POST', '/api/centers/rq/agent-states', { rows: [{ agent: c.fx.callers.agent.agent, state: 'phone', at: at('09:00'), center_id: 'far', recorded_by: c.extras.createdBy }], ...c.extras }),
      async check(c) {
        const r = await c.row<{ recorded_by: number; center_id: string }>('SELECT recorded_by, center_id FROM agent_states ORDER BY at DESC LIMIT 1');
        return [...expectEq('recorder', r.recorded_by, await c.user('supervisor')), ...expectEq('center', r.center_id, c.fx.own.id)];
      } },
    { operation: 'POST /api/centers/{id}/safe-home', ok: 201,
      async run(c) {
        // A day long over (its reports all due), whatever the clock says of the fixture's DAY.
        const past = '2026-12-02';
        const day = await c.send('manager', 'GET', `/api/centers/rq/safe-home?date=${past}`, undefined);
        const end = (day.body as { items: Array<{ shiftEnd: string }> }).items[0].shiftEnd;
        return c.send('manager', 'POST', '/api/centers/rq/safe-home', { date: past, shiftEnd: end, ...c.extras, people: 999, reportedBy: c.extras.createdBy });
      },
      async check(c) {
        const r = await c.row<{ reported_by: number; center_id: string; people: number }>('SELECT reported_by, center_id, people FROM safe_home_reports ORDER BY id DESC LIMIT 1');
        return [...expectEq('reporter', r.reported_by, await c.user('manager')), ...expectEq('center', r.center_id, c.fx.own.id), ...(r.people === 999 ? ['the body set the head count'] : [])];
      } },
    { operation: 'POST /api/centers/{id}/floating', ok: 200, run: (c) => c.send('supervisor', 'POST', '/api/centers/rq/floating', { date: DAY, apply: false, ...c.extras, status: 'published' }) },
    { operation: 'POST /api/jobs/{jobId}/cancel', ok: 200,
      async run(c) {
        const job = await insertJob(c.fx.db, 'forecast', {}, { centerId: 'rq', createdBy: null });
        return c.send('deputy', 'POST', `/api/jobs/${job.id}/cancel`, { ...c.extras, status: 'completed', result: { forged: true } });
      },
      async check(c, a) {
        const job = await c.row<{ status: string; result: unknown }>('SELECT status, result FROM jobs WHERE id = $1', [(a.body as { id: string }).id]);
        return [...expectEq('job status', job.status, 'cancelled'), ...expectEq('job result', job.result, null)];
      } },
    { operation: 'POST /api/centers/{id}/agent-metrics', ok: 201,
      run: (c) => c.send('analyst', 'POST', '/api/centers/rq/agent-metrics', { rows: [{ agent: 'a01', queue: 'csr', interval_start: at('09:00'), handled: 3, center: 'far' }], ...c.extras }),
      async check(c) {
        return (await farRows(c, 'agent_metrics')) === 0 ? [] : ['agent metrics stored in the other center'];
      } },
    { operation: 'POST /api/centers/{id}/rosters', ok: 202, run: (c) => c.send('deputy', 'POST', '/api/centers/rq/rosters', { month: MONTH, timeLimitSeconds: 5, ...c.extras }),
      check: (c, a) => heldJob(c, a, 'deputy', ['month', 'timeLimitSeconds', 'replanFrom', 'seed', 'moves']) },
    // Before the requests: an approved leave makes a new version of the month, and this one would no longer be current.
    { operation: 'POST /api/rosters/{rosterId}/publish', ok: 200,
      async run(c) {
        publishedBy = (await c.row<{ published_by: number | null }>('SELECT published_by FROM rosters WHERE id = $1', [c.fx.ids['own team'].roster])).published_by;
        return c.send('deputy', 'POST', `/api/rosters/${c.fx.ids['own team'].roster}/publish`, { confirm: [], ...c.extras, status: 'draft', version: 99, publishedBy: c.extras.createdBy });
      },
      async check(c) {
        const r = await c.row<{ status: string; version: number; published_by: number | null }>('SELECT status, version, published_by FROM rosters WHERE id = $1', [c.fx.ids['own team'].roster]);
        // The first publisher is kept; a roster published by nobody yet is the caller's.
        return [...expectEq('status', r.status, 'published'), ...expectEq('version', r.version, 1), ...expectEq('published by', r.published_by, publishedBy ?? (await c.user('deputy')))];
      } },
    { operation: 'POST /api/rosters/{rosterId}/rule-prices', ok: 202, run: (c) => c.send('deputy', 'POST', `/api/rosters/${c.fx.ids['own team'].roster}/rule-prices`, { ...c.extras, rosterId: c.fx.ids['other center'].roster }),
      async check(c, a) {
        const job = await c.row<{ params: { rosterId: number } }>('SELECT params FROM jobs WHERE id = $1', [(a.body as { jobId: string }).jobId]);
        return [...expectEq('job roster', job.params.rosterId, c.fx.ids['own team'].roster), ...(await heldJob(c, a, 'deputy', ['rosterId']))];
      } },
    { operation: 'POST /api/centers/{id}/requirements', ok: 201,
      run: (c) => c.send('analyst', 'POST', '/api/centers/rq/requirements', { forecastId: c.fx.ids['own team'].forecast, ...c.extras, source: 'upload' }),
      async check(c, a) {
        const r = await c.row<{ center_id: string; source: string; created_by: number }>('SELECT center_id, source, created_by FROM requirement_sets WHERE id = $1', [(a.body as { set: { id: number } }).set.id]);
        return [...expectEq('center', r.center_id, 'rq'), ...expectEq('source', r.source, 'forecast'), ...expectEq('creator', r.created_by, await c.user('analyst'))];
      } },
    // Token requests are strict: an extra field is refused, not dropped.
    { operation: 'POST /api/tokens', ok: 400, run: (c) => c.send('admin', 'POST', '/api/tokens', { role: 'analyst', center: 'rq', ...c.extras }) },
    { operation: 'POST /api/centers/{id}/traffic', ok: 201,
      run: (c) => c.send('analyst', 'POST', '/api/centers/rq/traffic', { rows: [{ queue: 'csr', interval_start: at('10:00'), offered: 7, center: 'far' }], ...c.extras }),
      async check(c) {
        return (await farRows(c, 'traffic')) === 0 ? [] : ['traffic stored in the other center'];
      } },
    ...requestAttempts(),
  ];
}

/** Leave requests of a01 (1-day personal leave: lead l1 decides, L1), filed, rejected, approved and cancelled with extras. */
function requestAttempts(): Attempt[] {
  const filed = new Map<string, number>();
  const file = async (c: Ctx, date: string) => {
    const r = await c.send('agent', 'POST', '/api/requests', leave(date));
    if (r.status !== 201) throw new Error(`filing leave for ${date} answered ${r.status}: ${r.text}`);
    return (r.body as { id: number }).id;
  };
  const state = (c: Ctx, id: number) => c.row<{ status: string; created_by: number; center_id: string; by: number; outcome: string }>(
    `SELECT r.status, r.created_by, r.center_id, d.user_id AS by, d.outcome FROM requests r
       JOIN LATERAL (SELECT user_id, outcome FROM request_decisions WHERE request_id = r.id ORDER BY id DESC LIMIT 1) d ON true WHERE r.id = $1`, [id]);
  /** The last decision is the caller's, with an outcome of this route; the status is the one that outcome leaves. */
  const decided = (role: UserRole, outcomes: Record<string, string>) => async (c: Ctx, a: Answer) => {
    const s = await state(c, (a.body as { id: number }).id);
    return [...expectEq('decided by', s.by, await c.user(role)), ...(s.outcome in outcomes ? expectEq(`status after "${s.outcome}"`, s.status, outcomes[s.outcome]) : [`last decision "${s.outcome}"`])];
  };
  return [
    { operation: 'POST /api/requests', ok: 201, run: (c) => c.send('agent', 'POST', '/api/requests', { ...leave('2026-12-29'), ...c.extras, route: [] }),
      async check(c, a) {
        const s = await state(c, (a.body as { id: number }).id);
        filed.set('reject', (a.body as { id: number }).id);
        return [...expectEq('status', s.status, 'pending'), ...expectEq('filed by', s.created_by, await c.user('agent')), ...expectEq('center', s.center_id, 'rq')];
      } },
    { operation: 'POST /api/requests/{id}/reject', ok: 200,
      run: async (c) => c.send('lead', 'POST', `/api/requests/${filed.get('reject') ?? (await file(c, '2026-12-29'))}/reject`, { reason: 'busy', ...c.extras }),
      check: decided('lead', { rejected: 'rejected' }) },
    { operation: 'POST /api/requests/{id}/approve', ok: 200,
      run: async (c) => c.send('lead', 'POST', `/api/requests/${await file(c, '2026-12-30')}/approve`, { ...c.extras, status: 'rejected' }),
      check: decided('lead', { forwarded: 'pending', approved: 'approved', escalated: 'escalated' }) },
    { operation: 'POST /api/requests/{id}/cancel', ok: 200,
      run: async (c) => c.send('agent', 'POST', `/api/requests/${await file(c, '2026-12-31')}/cancel`, { reason: 'plans changed', ...c.extras }),
      check: decided('agent', { cancelled: 'cancelled' }) },
    // Nothing to move in the fixture (no activities): 409 with the extras ignored, and no version written.
    { operation: 'POST /api/centers/{id}/activity-moves', ok: 409, run: (c) => c.send('supervisor', 'POST', '/api/centers/rq/activity-moves', { date: DAY, ...c.extras, moves: [{ agent: 'a02' }], status: 'published' }) },
    // Papers are for approved sick leave only: refused (409) for the fixture's cancelled leave, extras or not.
    { operation: 'POST /api/requests/{id}/papers', ok: 409, run: (c) => c.send('lead', 'POST', `/api/requests/${c.fx.ids['own team'].request}/papers`, { ...c.extras, papersReceivedAt: DAY }) },
  ];
}

export async function runMassAssignment(fx: AuthzFixture): Promise<MassResult[]> {
  const users = new Map<string, number>();
  const token = (role: string) => fx.callers[role as UserRole]?.token ?? role;
  const ctx: Ctx = {
    fx,
    send: (role, method, path, body) => fx.call(method, path, token(role), body),
    async user(role) {
      if (!users.has(role)) users.set(role, (await fx.call('GET', '/api/me', token(role))).body.userId);
      return users.get(role)!;
    },
    row: async (sql, params) => (await fx.db.query(sql, params)).rows[0] as never,
    extras: {},
  };
  const director = await ctx.user('director');
  ctx.extras = { status: 'approved', role: 'admin', center: fx.far.id, centerId: fx.far.id, approver: 'd1', approvedBy: director, createdBy: director, userId: director };
  const out: MassResult[] = [];
  for (const attempt of attempts()) {
    const before = await fingerprint(fx.db);
    const answer = await attempt.run(ctx);
    let problems: string[];
    if (answer.status === 400 || (answer.status === attempt.ok && !attempt.check)) {
      // Refused, or a route that stores nothing (a preview, a refusal of its own): nothing stored may differ.
      problems = changedTables(before, await fingerprint(fx.db)).map((t) => `nothing was to change, yet ${t} did`);
    } else if (answer.status !== attempt.ok) problems = [`answered ${answer.status}: ${answer.text.slice(0, 200)}`];
    else problems = await attempt.check!(ctx, answer);
    out.push({ operation: attempt.operation, status: answer.status, problems });
  }
  return out;
}
