/**
 * S2: a manager sees only their own center; another center's data needs a signed approval. Center "rq" (the
 * request tests' fixture) and a second center "far" (the same shape). far's director grants rq's manager read
 * access with a reason until a date: then GETs of far answer, writes to far still do not; revoked or expired,
 * nothing of far answers again. Grants are audited under S2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { issueTokenFor } from '../../src/services/tokens.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { testCenter } from '../requests/fixture.ts';

let app: TestApp;
let manager: { token: string; userId: number };
let farDirector: string;
let rqDirector: string;
const far = () => parseCenter({ ...(testCenter() as object), id: 'far', name: 'far' } as never);
/** Far enough ahead that no clock reaches it while the suite runs. */
const FAR_AHEAD = '2999-01-01T00:00:00Z';

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  await app.db.transaction((tx) => saveCenter(tx, far()));
  const m = await issueTokenFor(app.db, app.center, { agent: 'm1' }, null);
  manager = { token: m.token, userId: m.userId };
  farDirector = (await issueTokenFor(app.db, far(), { agent: 'd1' }, null)).token;
  rqDirector = (await issueTokenFor(app.db, app.center, { agent: 'd1' }, null)).token;
});
afterAll(() => app.close());

describe('S2 access to another center', () => {
  let grant: number;

  it('without an approval, another center does not exist for a manager', async () => {
    expect((await app.call('GET', '/api/centers/far', manager.token)).status).toBe(404);
    expect((await app.call('GET', '/api/centers', manager.token)).body.map((c: any) => c.id)).toEqual(['rq']);
  });

  it('only that center\'s director (or an admin) may approve; a reason and a future date are required', async () => {
    const body = { user: manager.userId, center: 'far', until: FAR_AHEAD, reason: 'audit of far\'s staffing' };
    expect((await app.call('POST', '/api/access-grants', rqDirector, body)).status).toBe(403);
    expect((await app.call('POST', '/api/access-grants', manager.token, body)).status).toBe(403);
    expect((await app.call('POST', '/api/access-grants', farDirector, { ...body, reason: 'x' })).status).toBe(400);
    expect((await app.call('POST', '/api/access-grants', farDirector, { ...body, until: '2020-01-01T00:00:00Z' })).body.errors[0].where).toBe('$.body.until');
    const ok = await app.call('POST', '/api/access-grants', farDirector, body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ userId: manager.userId, centerId: 'far', reason: body.reason, revokedAt: null });
    grant = ok.body.id;
    const log = await app.db.query<{ rule: string; center_id: string }>("SELECT rule, center_id FROM audit_log WHERE action = 'access.grant'");
    expect(log.rows).toEqual([{ rule: 'S2', center_id: 'far' }]);
  });

  it('with it, the manager reads far — and still cannot change it', async () => {
    expect((await app.call('GET', '/api/centers/far', manager.token)).status).toBe(200);
    expect((await app.call('GET', '/api/centers', manager.token)).body.map((c: any) => c.id).sort()).toEqual(['far', 'rq']);
    expect((await app.call('GET', '/api/centers/far/rosters', manager.token)).status).toBe(200);
    const write = await app.call('PUT', '/api/centers/far/special-days', manager.token, [{ date: '2026-12-25', kind: 'holiday', closed: true }]);
    expect(write.status).toBe(404);
    expect((await app.call('GET', '/api/access-grants', manager.token)).body.map((g: any) => g.id)).toEqual([grant]);
  });

  it('revoked, far is gone again at once; an expired grant gives nothing', async () => {
    expect((await app.call('POST', '/api/access-grants/revoke', rqDirector, { grant })).status).toBe(404);
    expect((await app.call('POST', '/api/access-grants/revoke', farDirector, { grant })).status).toBe(200);
    expect((await app.call('GET', '/api/centers/far', manager.token)).status).toBe(404);
    // A grant whose time is over (written as if given long ago) opens nothing.
    await app.db.query(`INSERT INTO center_access_grants (user_id, center_id, approved_by, reason, from_at, until_at)
      VALUES ($1, 'far', $1, 'long ago', '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z')`, [manager.userId]);
    const fresh = (await issueTokenFor(app.db, app.center, { agent: 'm1' }, null)).token;
    expect((await app.call('GET', '/api/centers/far', fresh)).status).toBe(404);
  });
});
