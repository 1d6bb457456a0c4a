import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('authentication', () => {
  it('answers 401 problem+json without a token or with an unknown one', async () => {
    const none = await app.call('GET', '/api/centers/test', null);
    expect(none.status).toBe(401);
    expect(none.type).toContain('application/problem+json');
    expect(none.body).toMatchObject({ type: '/problems/unauthorized', status: 401, title: 'Unauthorized' });
    const unknown = await app.call('GET', '/api/centers/test', 'sc_not-a-real-token');
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toMatch(/unknown or revoked/);
  });

  it('refuses a malformed Authorization header', async () => {
    const r = await app.call('GET', '/api/me', null, undefined, { authorization: 'Token abc' });
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/Bearer/);
  });

  it('health is public and carries a request id', async () => {
    const res = await fetch(app.url + '/api/health', { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(await res.json()).toMatchObject({ status: 'ok', storage: 'pglite', jobs: 'in-process', centers: 1 });
  });
});

describe('roles', () => {
  it('answers 403 naming the role when the role may not use a route', async () => {
    const r = await app.call('POST', '/api/tokens', 'manager', { role: 'analyst' });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/role "manager" may not POST \/api\/tokens/);
  });

  it('lets the admin issue a token for an agent, with role and scope from the center', async () => {
    const r = await app.call('POST', '/api/tokens', 'admin', { agent: app.tokens.teammateId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ role: 'agent', center: 'test', agent: app.tokens.teammateId });
    const me = await app.call('GET', '/api/me', r.body.token);
    expect(me.body).toMatchObject({ role: 'agent', agent: app.tokens.teammateId, teams: [] });
  });

  it('refuses a token for an unknown agent with the field named', async () => {
    const r = await app.call('POST', '/api/tokens', 'admin', { agent: 'nobody' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ where: 'body.agent', message: 'unknown agent' }]);
  });

  it('drops nothing silently: unknown fields in a token request are refused', async () => {
    const r = await app.call('POST', '/api/tokens', 'admin', { role: 'analyst', superuser: true });
    expect(r.status).toBe(400);
  });

  it('revokes a token', async () => {
    const issued = await app.call('POST', '/api/tokens', 'admin', { role: 'analyst' });
    expect((await app.call('GET', '/api/me', issued.body.token)).status).toBe(200);
    expect((await app.call('DELETE', `/api/tokens/${issued.body.id}`, 'admin')).status).toBe(200);
    expect((await app.call('GET', '/api/me', issued.body.token)).status).toBe(401);
  });
});

describe('team scope', () => {
  it('an agent sees only themself in the center', async () => {
    const r = await app.call('GET', '/api/centers/test', 'agent');
    expect(r.status).toBe(200);
    expect(r.body.agents.map((a: { id: string }) => a.id)).toEqual([app.tokens.agentId]);
    expect(r.body.teams).toEqual([]);
  });

  it("an agent cannot read another agent's data (404, not 403, so ids do not leak)", async () => {
    expect((await app.call('GET', `/api/centers/test/agents/${app.tokens.agentId}`, 'agent')).status).toBe(200);
    const other = await app.call('GET', `/api/centers/test/agents/${app.tokens.teammateId}`, 'agent');
    expect(other.status).toBe(404);
  });

  it('a lead sees their team; a supervisor the teams they supervise; a manager all', async () => {
    const lead = await app.call('GET', '/api/centers/test', 'lead');
    expect(lead.body.teams.map((t: { id: string }) => t.id)).toEqual([app.center.teams[0].id]);
    expect(lead.body.agents.every((a: { team?: string; id: string }) => a.team === app.center.teams[0].id)).toBe(true);
    const sup = await app.call('GET', '/api/centers/test', 'supervisor');
    const supervised = app.center.teams.filter((t) => t.supervisor === app.tokens.supervisorId).map((t) => t.id);
    expect(sup.body.teams.map((t: { id: string }) => t.id)).toEqual(supervised);
    const manager = await app.call('GET', '/api/centers/test', 'manager');
    expect(manager.body.agents).toHaveLength(app.center.agents.length);
  });

  it("a supervisor cannot see another supervisor's team member", async () => {
    const foreign = app.center.agents.find((a) => a.team && !app.center.teams.some((t) => t.id === a.team && t.supervisor === app.tokens.supervisorId))!;
    expect((await app.call('GET', `/api/centers/test/agents/${foreign.id}`, 'supervisor')).status).toBe(404);
  });

  it('another center answers 404 to everyone but the admin', async () => {
    expect((await app.call('GET', '/api/centers/elsewhere', 'manager')).status).toBe(404);
    const list = await app.call('GET', '/api/centers', 'analyst');
    expect(list.body.map((c: { id: string }) => c.id)).toEqual(['test']);
  });
});

describe('documents', () => {
  it('serves an OpenAPI document generated from the routes', async () => {
    const r = await app.call('GET', '/api/openapi.json', null);
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(r.body.paths['/api/centers/{id}'].get['x-roles']).toContain('agent');
    expect(r.body.paths['/api/tokens'].post.requestBody.content['application/json'].schema).toBeTruthy();
    expect(r.body.paths['/api/centers/{id}/traffic'].post.requestBody.content['text/csv']).toBeTruthy();
  });

  it('answers unknown API routes with a problem', async () => {
    const r = await app.call('GET', '/api/nothing-here', 'admin');
    expect(r.status).toBe(404);
    expect(r.body.type).toBe('/problems/not-found');
  });
});

describe('special days calendar', () => {
  it('is replaced by an analyst, validated with paths, and audited', async () => {
    const ok = await app.call('PUT', '/api/centers/test/special-days', 'analyst', [
      { date: '2026-12-25', kind: 'holiday', name: 'Christmas', closed: true },
      { date: '2026-12-26', kind: 'campaign', multiplier: 1.3 },
    ]);
    expect(ok.status).toBe(200);
    expect((await app.call('GET', '/api/centers/test/special-days', 'agent')).body.map((d: { date: string }) => d.date)).toEqual(['2026-12-25', '2026-12-26']);
    const bad = await app.call('PUT', '/api/centers/test/special-days', 'analyst', [{ date: '2026-12-27', kind: 'holiday', likeDate: '2026-12-28' }]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].where).toBe('$.specialDays[0].likeDate');
    const r = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'center.special-days'");
    expect(r.rows[0].n).toBe(1);
  });

  it('cannot be changed by a supervisor', async () => {
    expect((await app.call('PUT', '/api/centers/test/special-days', 'supervisor', [])).status).toBe(403);
  });
});

describe('storage outage', () => {
  it('answers 503 quickly when the database connection is gone', async () => {
    const { createApp } = await import('../../src/api/app.ts');
    const { createAppContext } = await import('../../src/api/context.ts');
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const db = { ...app.db, kind: 'pg' as const, query: async () => { throw down; } };
    const server = createApp(createAppContext(db, app.jobs)).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.type).toBe('/problems/unavailable');
    // Answered from the refused connection itself, not after the 2 s wait for a database that does not answer.
    expect(body.detail).toBe('the database is unavailable; try again shortly');
    await new Promise((r) => server.close(r));
  });
});
