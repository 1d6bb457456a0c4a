/**
 * Swaps (R6) and rest-day moves (R5) against the published December roster of fixture.ts: auto-approval
 * when the rulebook finds no new hard violation and no interval falls below its requirement; routing to the
 * duty supervisor with the impact otherwise; a peer swap first waits for the peer's consent (declined or
 * lapsed, nothing changes); quotas per agent and month (self 1, peer 2 for both agents, rest-day moves 2)
 * refused with the numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoster, listRosters } from '../../src/db/repos/rosters.ts';
import { expirePeerConsents, PEER_CONSENT_HOURS } from '../../src/requests/peer-consent.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, publishDecember, testCenter, TIGHT_DAY, tokenBook, works } from './fixture.ts';

for (const target of storageTargets('requests-swaps')) {
  describe(`swaps and rest-day moves on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;
    const file = async (agent: string, body: object) => app.call('POST', '/api/requests', await as(agent), body);
    const act = async (who: string, id: number, action: 'approve' | 'reject') => app.call('POST', `/api/requests/${id}/${action}`, await as(who));
    const published = async () => (await getRoster(app.db, (await listRosters(app.db, 'rq', MONTH)).find((m) => m.status === 'published')!.id, 'Asia/Shanghai'))!;
    const shiftOf = async (agent: string, date: string) => (await published()).roster.assignments.find((a) => a.agent === agent && a.date === date);

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
      await publishDecember(app.db, app.center);
    });
    afterAll(() => app.close());

    describe('R6 self swap', () => {
      it('moves a shift to a rest day at once when nothing breaks; a second one that month is refused with the numbers', async () => {
        expect([works('a01', '2026-12-04'), works('a01', '2026-12-05')]).toEqual([true, false]);
        const r = await file('a01', { kind: 'swap', mode: 'self', date: '2026-12-04', toDate: '2026-12-05' });
        expect(r.status).toBe(201);
        expect(r.body).toMatchObject({ status: 'approved', rule: 'R6', nextApprover: null, details: { mode: 'self', date: '2026-12-04', toDate: '2026-12-05' } });
        expect(r.body.decisions.map((d: any) => [d.outcome, d.rule, d.user])).toEqual([['filed', 'R6', expect.any(Number)], ['approved', 'R6', null]]);
        expect(r.body.impact.quota).toEqual([{ agent: 'a01', month: MONTH, kind: 'swap-self', used: 1, quota: 1 }]);
        expect(await shiftOf('a01', '2026-12-04')).toBeUndefined();
        expect(await shiftOf('a01', '2026-12-05')).toMatchObject({ shift: 'E', start: '2026-12-05T08:00:00+08:00', end: '2026-12-05T16:00:00+08:00' });
        expect(r.body.result.rosters[0]).toMatchObject({ month: MONTH, version: 2 });

        const again = await file('a01', { kind: 'swap', mode: 'self', date: '2026-12-07', toDate: '2026-12-06' });
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({ rule: 'R6', agent: 'a01', used: 1, quota: 1, requests: [r.body.id] });
      });

      it('a late shift before an early one breaks C1 (10 h of rest < 11) and C9 (L may not be followed by E): the duty supervisor sees it and cannot approve it', async () => {
        expect([works('a02', '2026-12-02'), works('a02', '2026-12-03')]).toEqual([true, true]);
        const r = await file('a02', { kind: 'swap', mode: 'self', date: '2026-12-02', toShift: 'L' });
        expect(r.status).toBe(201);
        expect(r.body).toMatchObject({ status: 'pending', rule: 'C1', nextApprover: { role: 'supervisor', agent: 's1' } });
        expect(r.body.impact.hard).toEqual([
          expect.objectContaining({ rule: 'C1', agent: 'a02', date: '2026-12-03', penalty: 60, unit: 'minutes' }),
          expect.objectContaining({ rule: 'C9', agent: 'a02' }),
        ]);
        expect(r.body.decisions.at(-1)).toMatchObject({ outcome: 'routed', rule: 'C1' });
        expect(await shiftOf('a02', '2026-12-02')).toMatchObject({ shift: 'E' });
        const no = await act('s1', r.body.id, 'approve');
        expect(no.status).toBe(409);
        expect(no.body).toMatchObject({ rule: 'C1' });
        expect(no.body.violations.map((v: any) => v.rule)).toEqual(['C1', 'C9']);
        expect((await act('s1', r.body.id, 'reject')).body.status).toBe('rejected');
      });

      it('near miss: after the rejection frees the quota, a late shift before a rest day is approved', async () => {
        expect(works('a02', '2026-12-04')).toBe(false);
        const r = await file('a02', { kind: 'swap', mode: 'self', date: '2026-12-03', toShift: 'L' });
        expect(r.body).toMatchObject({ status: 'approved' });
        expect(await shiftOf('a02', '2026-12-03')).toMatchObject({ shift: 'L', start: '2026-12-03T14:00:00+08:00', end: '2026-12-03T22:00:00+08:00' });
      });

      it('a move that leaves the tight day below its requirement goes to the supervisor with the intervals, who may accept it', async () => {
        expect([works('a03', TIGHT_DAY), works('a03', '2026-12-03')]).toEqual([true, false]);
        const r = await file('a03', { kind: 'swap', mode: 'self', date: TIGHT_DAY, toDate: '2026-12-03' });
        expect(r.body).toMatchObject({ status: 'pending', rule: 'R3', nextApprover: { role: 'supervisor', agent: 's1' } });
        const below = r.body.impact.coverage.below;
        // E works 08:00–16:00 with the meal at 12:00: 7 hours lose a03. 20 agents work E that day, each on the
        // phones 55 of the 60 minutes of 08:00 (one 5-minute break): required = before = 20 × 55/60, after 19 × 55/60.
        expect(below.map((b: any) => b.interval_start.slice(11, 16))).toEqual(['08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00']);
        expect(below[0].required).toBeCloseTo((20 * 55) / 60, 5);
        expect(below[0].before).toBeCloseTo((20 * 55) / 60, 5);
        expect(below[0].after).toBeCloseTo((19 * 55) / 60, 5);
        const ok = await act('s1', r.body.id, 'approve');
        expect(ok.body).toMatchObject({ status: 'approved', rule: 'R6' });
        expect(ok.body.decisions.at(-1)).toMatchObject({ outcome: 'approved', agent: 's1' });
        expect(await shiftOf('a03', '2026-12-03')).toMatchObject({ shift: 'E' });
      });

      it('stays within one month and needs a roster', async () => {
        const across = await file('a04', { kind: 'swap', mode: 'self', date: '2026-12-31', toDate: '2027-01-01' });
        expect(across.status).toBe(422);
        expect(across.body.rule).toBe('R6');
        expect((await file('a04', { kind: 'swap', mode: 'self', date: '2027-01-04', toDate: '2027-01-05' })).status).toBe(409);
      });
    });

    describe('R6 peer swap', () => {
      it('waits for the peer\'s consent — no approver before — then exchanges the two agents\' day and counts for both', async () => {
        expect([works('a11', '2026-12-07'), works('a12', '2026-12-07')]).toEqual([true, false]);
        const r = await file('a11', { kind: 'swap', mode: 'peer', with: 'a12', date: '2026-12-07' });
        expect(r.body).toMatchObject({ status: 'pending', rule: 'R6', peer: 'a12', nextApprover: { role: 'peer', agent: 'a12' } });
        expect(r.body.impact.quota).toEqual([
          { agent: 'a11', month: MONTH, kind: 'swap-peer', used: 1, quota: 2 },
          { agent: 'a12', month: MONTH, kind: 'swap-peer', used: 1, quota: 2 },
        ]);
        // Nothing changes yet; the duty supervisor and another agent cannot act for the peer.
        expect(await shiftOf('a11', '2026-12-07')).toMatchObject({ shift: 'E' });
        expect((await act('s1', r.body.id, 'approve')).status).toBe(403);
        expect((await act('a13', r.body.id, 'approve')).status).toBe(404);
        const peerSees = await app.call('GET', '/api/requests?mine=true', await as('a12'));
        expect(peerSees.body.map((x: any) => x.id)).toContain(r.body.id);
        const ok = await act('a12', r.body.id, 'approve');
        expect(ok.body).toMatchObject({ status: 'approved', rule: 'R6' });
        expect(ok.body.decisions.map((d: any) => d.outcome)).toEqual(['filed', 'routed', 'consented', 'approved']);
        expect(await shiftOf('a11', '2026-12-07')).toBeUndefined();
        expect(await shiftOf('a12', '2026-12-07')).toMatchObject({ shift: 'E' });
      });

      it('declined by the peer, it changes nothing and gives both quota slots back', async () => {
        expect([works('a14', '2026-12-10'), works('a15', '2026-12-10')]).toEqual([true, true]);
        expect(works('a16', '2026-12-10')).toBe(false);
        const before = (await published()).meta.version;
        const r = await file('a14', { kind: 'swap', mode: 'peer', with: 'a16', date: '2026-12-10' });
        expect(r.body.nextApprover).toMatchObject({ role: 'peer', agent: 'a16' });
        const no = await act('a16', r.body.id, 'reject');
        expect(no.body).toMatchObject({ status: 'rejected', rule: 'R6' });
        expect((await published()).meta.version).toBe(before);
        expect(await shiftOf('a14', '2026-12-10')).toMatchObject({ shift: 'E' });
        expect(await shiftOf('a16', '2026-12-10')).toBeUndefined();
        // Both slots free again: the same two may file two more peer swaps each this month.
        const again = await file('a14', { kind: 'swap', mode: 'peer', with: 'a16', date: '2026-12-10' });
        expect(again.body.impact.quota.map((q: any) => q.used)).toEqual([1, 1]);
        expect((await act('a14', again.body.id, 'approve')).status).toBe(403); // nobody consents to their own request
      });

      it('unanswered, it lapses at its deadline (not a millisecond before), changing nothing', async () => {
        expect([works('a17', '2026-12-11'), works('a15', '2026-12-11')]).toEqual([true, false]);
        const r = await file('a17', { kind: 'swap', mode: 'peer', with: 'a15', date: '2026-12-11' });
        const until = Date.parse(r.body.route[0].until);
        expect(until - Date.parse(r.body.createdAt)).toBeLessThanOrEqual(PEER_CONSENT_HOURS * 3_600_000 + 1000);
        expect(await expirePeerConsents(app.db, app.center, new Date(until - 1))).not.toContain(r.body.id);
        expect(await expirePeerConsents(app.db, app.center, new Date(until))).toContain(r.body.id);
        const lapsed = await app.call('GET', `/api/requests/${r.body.id}`, await as('a17'));
        expect(lapsed.body).toMatchObject({ status: 'cancelled', rule: 'R6' });
        expect(lapsed.body.decisions.at(-1)).toMatchObject({ outcome: 'expired', rule: 'R6' });
        expect((await act('a15', r.body.id, 'approve')).status).toBe(409);
        const quota = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM request_quota_slots WHERE request_id = $1', [r.body.id]);
        expect(quota.rows[0].n).toBe(0);
      });

      it('an exchange that puts an early shift after a24\'s late one breaks C1/C9 and, once a22 consents, goes to a24\'s supervisor', async () => {
        expect([works('a24', '2026-12-07'), works('a24', '2026-12-08'), works('a22', '2026-12-08')]).toEqual([true, false, true]);
        const r = await file('a24', { kind: 'swap', mode: 'peer', with: 'a22', date: '2026-12-08' });
        expect(r.body.impact.hard.map((v: any) => `${v.rule}:${v.agent}`)).toEqual(['C1:a24', 'C9:a24']);
        const consented = await act('a22', r.body.id, 'approve');
        expect(consented.body).toMatchObject({ status: 'pending', rule: 'C1', nextApprover: { role: 'supervisor', agent: 's2' } });
      });

      it('a peer without the queue\'s skill breaks H2', async () => {
        expect([works('a21', '2026-12-09'), works('x1', '2026-12-09')]).toEqual([true, false]);
        const r = await file('a21', { kind: 'swap', mode: 'peer', with: 'x1', date: '2026-12-09' });
        expect(r.body.impact.hard).toEqual([expect.objectContaining({ rule: 'H2', agent: 'x1', date: '2026-12-09' })]);
        expect((await act('x1', r.body.id, 'approve')).body).toMatchObject({ status: 'pending', rule: 'H2' });
      });
    });

    describe('R5 rest-day moves', () => {
      it('two a month are approved, the third is refused with the numbers', async () => {
        const moves = [['2026-12-06', '2026-12-05'], ['2026-12-13', '2026-12-12'], ['2026-12-20', '2026-12-19']];
        for (const [from, to] of moves) expect([works('a13', from), works('a13', to)]).toEqual([false, true]);
        const ids: number[] = [];
        for (const [from, to] of moves.slice(0, 2)) {
          const r = await file('a13', { kind: 'rest-day', from, to });
          expect(r.body).toMatchObject({ status: 'approved', rule: 'R5' });
          ids.push(r.body.id);
        }
        expect(await shiftOf('a13', '2026-12-06')).toMatchObject({ shift: 'E', start: '2026-12-06T08:00:00+08:00' });
        expect(await shiftOf('a13', '2026-12-05')).toBeUndefined();
        const third = await file('a13', { kind: 'rest-day', from: moves[2][0], to: moves[2][1] });
        expect(third.status).toBe(409);
        expect(third.body).toMatchObject({ rule: 'R5', used: 2, quota: 2, requests: ids });
      });

      it('refuses a "rest day" that is a working day', async () => {
        const r = await file('a14', { kind: 'rest-day', from: '2026-12-01', to: '2026-12-02' });
        expect(works('a14', '2026-12-01')).toBe(true);
        expect(r.status).toBe(422);
        expect(r.body.errors).toEqual([{ where: 'body.from', message: 'not a rest day' }]);
      });
    });
  });
}
