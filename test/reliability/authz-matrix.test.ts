/**
 * Abuse refused: authorization as declared, for every operation of the OpenAPI document × every role × three
 * scopes (the caller's own team, another team, another center in the same database) — 403 naming the role where
 * the role is not listed, 404 for the other center's objects and another team's people, and no data of another
 * scope in any answer; refused writes change nothing stored. Then mass assignment on every write operation.
 * Expected statuses come from the declarations (authz-cells.ts, authz-probes.ts), not from what the app answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES } from '../../src/auth/roles.ts';
import type { OpenApi } from './authz-cells.ts';
import { DAY, startAuthzFixture, type AuthzFixture } from './authz-fixture.ts';
import { runMassAssignment } from './authz-mass-assignment.ts';
import { describeFailures, runMatrix, type MatrixRun } from './authz-matrix.ts';

let fx: AuthzFixture;
let run: MatrixRun;
let doc: OpenApi;

beforeAll(async () => {
  fx = await startAuthzFixture();
  doc = (await fx.call('GET', '/api/openapi.json', null)).body;
  run = await runMatrix(fx);
});
afterAll(() => fx.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

describe('the authorization matrix', () => {
  it('has a cell for every operation of the document, every role and every scope', () => {
    expect(run.operations).toBe(operations().length);
    expect(run.results).toHaveLength(operations().length * USER_ROLES.length * 3);
    // Not a vacuous matrix: refusals by role, by scope, and allowed cells all occur.
    const count = (refusal: string | null) => run.results.filter((r) => r.cell.refusal === refusal).length;
    expect(count('role')).toBeGreaterThan(300);
    expect(count('scope')).toBeGreaterThan(100);
    expect(count(null)).toBeGreaterThan(300);
  });

  it('answers every cell as declared: 403 naming the role, 404 out of scope, the route\'s own answer in scope', () => {
    expect(describeFailures(run).filter((line) => !line.includes('LEAK'))).toEqual([]);
  });

  it('leaks nothing of another team or center into any answer', () => {
    expect(run.results.filter((r) => r.verdict.leaked).map((r) => `${r.cell.operation} as ${r.cell.role} (${r.cell.scope}): ${r.verdict.leaked}`)).toEqual([]);
  });

  it('changes nothing stored on the writes it refuses', () => {
    expect(run.results.filter((r) => r.cell.method !== 'GET' && r.cell.refusal).length).toBeGreaterThan(200);
    expect(run.changedByRefusals).toEqual([]);
  });
});

describe('refusals before the body', () => {
  it('no token is a 401 and another role a 403, before a (malformed) body is read', async () => {
    const post = (token: string | null) => fetch(`${fx.url}/api/tokens`, {
      method: 'POST', body: '{"role": ', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const anonymous = await post(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect((await post(fx.callers.manager.token)).status).toBe(403);
    // Near miss: the admin may call it, so the body is read — and refused as JSON.
    expect((await post(fx.callers.admin.token)).status).toBe(400);
  });
});

describe('a callout as a lead or an agent sees it', () => {
  it('lists only the people of their scope; the supervisor who calls people in sees everyone', async () => {
    const id = fx.ids['own team'].openCallout;
    const agent = await fx.call('POST', `/api/callouts/${id}/responses`, fx.callers.agent.token, { agent: 'a01', accept: false });
    expect(agent.status).toBe(200);
    expect(agent.body.callout.candidates.map((c: { agent: string }) => c.agent)).toEqual(['a01']);
    const lead = await fx.call('GET', `/api/callouts/${id}`, fx.callers.lead.token);
    const t1 = new Set(fx.own.agents.filter((a) => a.team === 't1').map((a) => a.id));
    expect(lead.body.candidates.length).toBeGreaterThan(1);
    expect(lead.body.candidates.every((c: { agent: string }) => t1.has(c.agent))).toBe(true);
    const supervisor = await fx.call('GET', `/api/centers/rq/callouts?date=${DAY}`, fx.callers.supervisor.token);
    const everyone = supervisor.body.callouts.find((c: { id: number }) => c.id === id).candidates.map((c: { agent: string }) => c.agent);
    expect(everyone).toContain('a21');
  });
});

describe('mass assignment', () => {
  it('every POST/PUT/PATCH operation refuses extra fields (400) or ignores them: what is stored is the caller\'s', async () => {
    const results = await runMassAssignment(fx);
    expect(results.map((r) => r.operation).sort()).toEqual(operations().filter((o) => /^(POST|PUT|PATCH) /.test(o)).sort());
    expect(results.filter((r) => r.problems.length > 0).map((r) => `${r.operation} → ${r.status}: ${r.problems.join('; ')}`)).toEqual([]);
  });
});
