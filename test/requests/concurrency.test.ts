/**
 * Limits hold under parallel decisions (DESIGN.md pitfalls: not check-then-write under READ COMMITTED). On
 * real Postgres the requests below really run at the same time, on separate connections; the decision locks
 * (SELECT … FOR UPDATE on the supervisor-day and agent-month rows, in key order) make them take turns.
 * - L7: 20 agents under supervisor s1 (teams t1 and t2) ask for the same day off; their two team leads approve
 *   all 20 at once. Exactly one is granted at the lead's level; the other 19 are escalated to the manager.
 * - R6: a01 files three peer swaps in December at once (each giving one of their shifts to a colleague on a
 *   rest day, so each alone is clean); the peer quota is 2, so exactly two are approved and one is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveDaysIn } from '../../src/db/repos/requests.ts';
import { hasPostgres, pgliteTarget, postgresTarget } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { publishDecember, testCenter, tokenBook, works } from './fixture.ts';

const TEAM_1 = ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10'];
const TEAM_2 = ['a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19', 'a20'];

// PGlite runs one statement at a time, so it cannot show a race: with a Postgres server the suite runs there
// only; without one it still runs on PGlite (the logic, not the locking).
if (!hasPostgres) console.warn('[requests-concurrency] TEST_DATABASE_URL is not set: parallel decisions run on PGlite, which serializes them');
for (const target of hasPostgres ? [postgresTarget] : [pgliteTarget]) {
  describe(`parallel decisions on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
      await publishDecember(app.db, app.center);
    });
    afterAll(() => app.close());

    it('L7: 20 parallel approvals of the same day under one supervisor → 1 approved, 19 escalated', async () => {
      const day = '2027-06-01';
      const filed = await Promise.all([...TEAM_1, ...TEAM_2].map(async (agent) => {
        const r = await app.call('POST', '/api/requests', await as(agent), { kind: 'leave', type: 'sick', from: day, to: day, reason: 'flu' });
        expect(r.status).toBe(201);
        return { id: r.body.id as number, lead: TEAM_1.includes(agent) ? 'l1' : 'l2' };
      }));
      const tokens = { l1: await as('l1'), l2: await as('l2') };
      const results = await Promise.all(filed.map((f) => app.call('POST', `/api/requests/${f.id}/approve`, tokens[f.lead as 'l1' | 'l2'])));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const statuses = results.map((r) => r.body.status);
      expect(statuses.filter((s) => s === 'approved')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'escalated')).toHaveLength(19);
      const winner = results.find((r) => r.body.status === 'approved')!.body;
      for (const r of results.filter((x) => x.body.status === 'escalated')) {
        expect(r.body).toMatchObject({ rule: 'L7', nextApprover: { role: 'manager' } });
        expect(r.body.decisions.at(-1).numbers.full).toEqual([{ date: day, onLeave: [{ agent: winner.agent, request: winner.id }] }]);
      }
      const stored = await leaveDaysIn(app.db, 'rq', { from: day, to: day, supervisorId: 's1' });
      expect(stored.map((l) => l.agentId)).toEqual([winner.agent]);
    });

    it('R6: 3 parallel peer swaps by one agent in a month → exactly 2 filed (each holding a slot while its peer decides)', async () => {
      const swaps = [['a06', '2026-12-01'], ['a11', '2026-12-08'], ['a12', '2026-12-15']];
      for (const [peer, date] of swaps) expect([works('a01', date), works(peer, date)]).toEqual([true, false]);
      const token = await as('a01');
      const results = await Promise.all(swaps.map(([peer, date]) => app.call('POST', '/api/requests', token, { kind: 'swap', mode: 'peer', with: peer, date })));
      // Filed (waiting for each peer's consent, R6) holds the quota slot just as an approval does.
      const approved = results.filter((r) => r.status === 201 && r.body.status === 'pending' && r.body.nextApprover?.role === 'peer');
      const refused = results.filter((r) => r.status === 409);
      expect(approved).toHaveLength(2);
      expect(refused).toHaveLength(1);
      expect(refused[0].body).toMatchObject({ rule: 'R6', agent: 'a01', kind: 'swap-peer', used: 2, quota: 2 });
      const slots = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM request_quota_slots WHERE agent_id = 'a01' AND kind = 'swap-peer' AND month = '2026-12'");
      expect(slots.rows[0].n).toBe(2);
    });
  });
}
