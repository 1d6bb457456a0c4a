/**
 * Leave through the API: routes L1–L5 walked approval by approval, who may act (403 naming the rule, 404
 * outside scope), L6 channels and papers, L10 training, reject/cancel, bodies that try to set status, and
 * what an approval does to the roster. Routing dates are in 2027-03, a month without a roster, and each
 * approved leave takes its own day so L7 stays out of the way (L7–L9 have their own file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoster, listRosters } from '../../src/db/repos/rosters.ts';
import { suggestCover } from '../../src/requests/cover.ts';
import { RULES } from '../../solver/rules/index.ts';
import { sickLeaveWithoutPapers } from '../../src/requests/request-service.ts';
import { monthContext } from '../../src/requests/rule-context.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { decemberRoster, MONTH, publishDecember, testCenter, tokenBook, works } from './fixture.ts';

for (const target of storageTargets('requests-leave')) {
  describe(`leave requests on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;
    const leave = (from: string, to: string, type = 'sick', extra: object = {}) => ({ kind: 'leave', type, from, to, reason: 'flu', ...extra });
    const file = async (agent: string, body: object) => app.call('POST', '/api/requests', await as(agent), body);
    const act = async (who: string, id: number, action: 'approve' | 'reject' | 'cancel', body?: object) =>
      app.call('POST', `/api/requests/${id}/${action}`, ['manager', 'director'].includes(who) ? who : await as(who), body);

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
    });
    afterAll(() => app.close());

    it('L1: the team lead grants a 1-day leave', async () => {
      const filed = await file('a01', leave('2027-03-01', '2027-03-01'));
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ kind: 'leave', status: 'pending', agent: 'a01', team: 't1', rule: 'L1', nextApprover: { role: 'lead', agent: 'l1' } });
      expect(filed.body.nextApprover.user).toEqual(expect.any(Number));
      const ok = await act('l1', filed.body.id, 'approve');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'approved', nextApprover: null, rule: 'L1' });
      expect(ok.body.decisions.map((d: any) => d.outcome)).toEqual(['filed', 'approved']);
      expect(ok.body.decisions[1]).toMatchObject({ role: 'lead', agent: 'l1', rule: 'L1' });
    });

    it('L1: a 2-day leave is forwarded by the lead and granted by the supervisor; the supervisor cannot jump the lead', async () => {
      const filed = await file('a02', leave('2027-03-02', '2027-03-03', 'other'));
      expect(filed.body.route.map((s: any) => s.role)).toEqual(['lead', 'supervisor']);
      const early = await act('s1', filed.body.id, 'approve');
      expect(early.status).toBe(403);
      expect(early.type).toContain('application/problem+json');
      expect(early.body).toMatchObject({ rule: 'L1' });
      expect(early.body.detail).toMatch(/waits for the lead l1/);
      const fwd = await act('l1', filed.body.id, 'approve');
      expect(fwd.body).toMatchObject({ status: 'pending', nextApprover: { role: 'supervisor', agent: 's1' } });
      const ok = await act('s1', filed.body.id, 'approve');
      expect(ok.body.status).toBe('approved');
      expect(ok.body.decisions.map((d: any) => d.outcome)).toEqual(['filed', 'forwarded', 'approved']);
    });

    it('L4: a 4-day leave climbs lead → supervisor → manager → director', async () => {
      const filed = await file('a03', leave('2027-03-05', '2027-03-08'));
      expect(filed.body).toMatchObject({ rule: 'L4' });
      const id = filed.body.id;
      expect((await act('l1', id, 'approve')).body.nextApprover).toMatchObject({ role: 'supervisor' });
      expect((await act('s1', id, 'approve')).body.nextApprover).toEqual({ role: 'manager' });
      const wrong = await act('director', id, 'approve');
      expect(wrong.status).toBe(403);
      expect(wrong.body.rule).toBe('L4');
      expect((await act('manager', id, 'approve')).body.nextApprover).toEqual({ role: 'director' });
      const done = await act('director', id, 'approve');
      expect(done.body.status).toBe('approved');
    });

    it('L3: a 3-day leave ends with the manager', async () => {
      const filed = await file('a04', leave('2027-03-10', '2027-03-12'));
      expect(filed.body.route.map((s: any) => s.role)).toEqual(['lead', 'supervisor', 'manager']);
      await act('l1', filed.body.id, 'approve');
      await act('s1', filed.body.id, 'approve');
      expect((await act('manager', filed.body.id, 'approve')).body.status).toBe('approved');
    });

    it('L5: one day of personal leave needs the supervisor; L2: a lead\'s own day goes straight to the supervisor', async () => {
      const personal = await file('a06', leave('2027-03-13', '2027-03-13', 'personal'));
      expect(personal.body).toMatchObject({ rule: 'L5' });
      expect(personal.body.route.map((s: any) => s.role)).toEqual(['lead', 'supervisor']);
      const own = await file('l1', leave('2027-03-14', '2027-03-14', 'other'));
      expect(own.body).toMatchObject({ rule: 'L2', nextApprover: { role: 'supervisor', agent: 's1' } });
      const self = await act('l1', own.body.id, 'approve');
      expect(self.status).toBe(403);
      expect((await act('s1', own.body.id, 'approve')).body.status).toBe('approved');
    });

    it('scope: another team\'s lead gets 404; an agent approves only a peer swap asked of them — not a colleague\'s leave (404), not their own (403)', async () => {
      const filed = await file('a07', leave('2027-03-15', '2027-03-15'));
      expect((await act('l2', filed.body.id, 'approve')).status).toBe(404);
      expect((await app.call('GET', `/api/requests/${filed.body.id}`, await as('a11'))).status).toBe(404);
      expect((await act('a02', filed.body.id, 'approve')).status).toBe(404);
      expect((await act('a07', filed.body.id, 'approve')).status).toBe(403);
      expect((await app.call('GET', `/api/requests/${filed.body.id}`, await as('l1'))).body.id).toBe(filed.body.id);
    });

    it('a body cannot set status, approvers or decisions', async () => {
      const filed = await file('a08', { ...leave('2027-03-16', '2027-03-16'), status: 'approved', approvedBy: 'd1', route: [], decisions: [] });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ status: 'pending', nextApprover: { role: 'lead' } });
    });

    it('reject by the due approver; cancel by the agent; a decided request cannot be cancelled', async () => {
      const a = await file('a09', leave('2027-03-17', '2027-03-17'));
      const rejected = await act('l1', a.body.id, 'reject', { reason: 'peak day' });
      expect(rejected.body).toMatchObject({ status: 'rejected', nextApprover: null });
      expect(rejected.body.decisions.at(-1)).toMatchObject({ outcome: 'rejected', message: 'rejected: peak day' });
      const b = await file('a09', leave('2027-03-18', '2027-03-18'));
      expect((await act('a10', b.body.id, 'cancel')).status).toBe(404);
      expect((await act('a09', b.body.id, 'cancel')).body.status).toBe('cancelled');
      const again = await act('a09', b.body.id, 'cancel');
      expect(again.status).toBe(409);
      expect((await act('l1', b.body.id, 'approve')).status).toBe(409);
    });

    it('a malformed body answers 400 naming the field', async () => {
      const badType = await file('a10', leave('2027-03-19', '2027-03-19', 'vacation'));
      expect(badType.status).toBe(400);
      expect(badType.body.errors).toEqual([expect.objectContaining({ where: '$.body.type' })]);
      const badDay = await file('a10', leave('2027-02-30', '2027-02-30'));
      expect(badDay.body.errors).toEqual([expect.objectContaining({ where: '$.body.from', message: 'not a calendar date' }), expect.objectContaining({ where: '$.body.to' })]);
      const badKind = await file('a10', { kind: 'holiday' });
      expect(badKind.body.errors).toEqual([expect.objectContaining({ where: '$.body.kind' })]);
      const backwards = await file('a10', leave('2027-03-20', '2027-03-19'));
      expect(backwards.status).toBe(400);
    });

    it('overlapping leave of the same person is refused', async () => {
      await file('a10', leave('2027-03-19', '2027-03-20'));
      const dup = await file('a10', leave('2027-03-20', '2027-03-21'));
      expect(dup.status).toBe(409);
    });

    it('lists by status, mine and team within the caller\'s scope', async () => {
      const mine = await app.call('GET', '/api/requests?mine=true', await as('a01'));
      expect(mine.body.every((r: any) => r.agent === 'a01')).toBe(true);
      expect(mine.body.length).toBeGreaterThan(0);
      const pending = await app.call('GET', '/api/requests?status=pending', await as('l1'));
      expect(pending.body.length).toBeGreaterThan(0);
      expect(pending.body.every((r: any) => r.status === 'pending' && r.team === 't1')).toBe(true);
      const otherTeam = await app.call('GET', '/api/requests?team=t1', await as('l2'));
      expect(otherTeam.body).toEqual([]);
      const manager = await app.call('GET', '/api/requests?team=t1', 'manager');
      expect(manager.body.length).toBeGreaterThanOrEqual(pending.body.length);
      expect((await app.call('GET', '/api/requests', 'admin')).status).toBe(400);
      expect((await app.call('GET', '/api/requests?center=rq&kind=leave&limit=2', 'admin')).body).toHaveLength(2);
    });

    describe('approved leave and the roster', () => {
      // Approved leave changes the roster: a new version whose parent is the published one (published in its
      // place), the person's shift removed, an audit entry with the rule and the assignments before and after,
      // and cover suggestions — the floating pool first, then people on a rest day whom the rulebook lets work
      // the shift (a24 worked the late shift L the evening before: 10 h of rest before an early shift, C1, and L may
      // not be followed by E, C9).
      let v1: number;
      beforeAll(async () => {
        v1 = (await publishDecember(app.db, app.center)).id;
      });

      it('writes a new published version without the shift, audited, and suggests cover within the rules', async () => {
        expect([works('a21', '2026-12-08'), works('a24', '2026-12-07'), works('a24', '2026-12-08'), works('f1', '2026-12-08')]).toEqual([true, true, false, false]);
        const filed = await app.call('POST', '/api/requests', await as('a21'), { kind: 'leave', type: 'other', from: '2026-12-08', to: '2026-12-08', reason: 'wedding' });
        const r = await app.call('POST', `/api/requests/${filed.body.id}/approve`, await as('l3'));
        expect(r.body.status).toBe('approved');

        const versions = await listRosters(app.db, 'rq', MONTH);
        expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'superseded']]);
        expect(r.body.result.rosters).toEqual([{ month: MONTH, id: versions[0].id, version: 2, parent: v1 }]);
        expect(versions[0].parentId).toBe(v1);
        const before = (await getRoster(app.db, v1, 'Asia/Shanghai'))!.roster;
        const after = (await getRoster(app.db, versions[0].id, 'Asia/Shanghai'))!.roster;
        expect(after.assignments.length).toBe(before.assignments.length - 1);
        expect(after.assignments.some((a) => a.agent === 'a21' && a.date === '2026-12-08')).toBe(false);

        const log = await app.db.query<{ action: string; rule: string; before: any; after: any; user_id: number }>(
          "SELECT action, rule, before, after, user_id FROM audit_log WHERE object_kind = 'roster' AND object_id = $1", [String(versions[0].id)],
        );
        expect(log.rows).toHaveLength(1);
        expect(log.rows[0]).toMatchObject({ action: 'request.leave.approve', rule: 'L1', before: { roster: v1, version: 1 }, after: { version: 2, assignments: [] } });
        expect(log.rows[0].before.assignments).toEqual([expect.objectContaining({ agent: 'a21', date: '2026-12-08', shift: 'E', start: '2026-12-08T08:00:00+08:00' })]);

        const cover = r.body.result.cover;
        expect(cover).toHaveLength(1);
        expect(cover[0]).toMatchObject({ agent: 'a21', date: '2026-12-08', shift: 'E', queue: 'csr' });
        const candidates = cover[0].candidates;
        expect(candidates[0]).toEqual({ agent: 'f1', team: 't3', source: 'floating', shift: 'F', start: '2026-12-08T10:00:00+08:00', end: '2026-12-08T14:00:00+08:00' });
        expect(candidates.map((c: any) => c.agent)).not.toContain('a24');
        expect(candidates.length).toBe(5);
        for (const c of candidates.slice(1)) {
          expect(c).toMatchObject({ source: 'rest-day', shift: 'E', start: '2026-12-08T08:00:00+08:00' });
          expect(works(c.agent, '2026-12-08')).toBe(false);
        }
      });

      it('near miss: without the rulebook (C1 rest, C9 L→E), a24 would be the first rest-day candidate (same team)', async () => {
        const roster = decemberRoster(app.center);
        const vacated = roster.assignments.find((a) => a.agent === 'a21' && a.date === '2026-12-08')!;
        const rest = { ...roster, assignments: roster.assignments.filter((a) => a !== vacated) };
        const ctx = await monthContext(app.db, app.center, MONTH, { roster: rest });
        expect(suggestCover(app.center, rest, ctx, [], [vacated])[0].candidates.map((c) => c.agent).slice(0, 2)).toEqual(['f1', 'a24']);
        expect(suggestCover(app.center, rest, ctx, RULES, [vacated])[0].candidates.map((c) => c.agent)).not.toContain('a24');
      });

      it('leave on a rest day changes no roster and suggests no cover', async () => {
        expect(works('a22', '2026-12-10')).toBe(false);
        const filed = await app.call('POST', '/api/requests', await as('a22'), { kind: 'leave', type: 'sick', from: '2026-12-10', to: '2026-12-10', reason: 'flu' });
        const r = await app.call('POST', `/api/requests/${filed.body.id}/approve`, await as('l3'));
        expect(r.body.status).toBe('approved');
        expect(r.body.result).toEqual({ rosters: [], cover: [] });
        expect((await listRosters(app.db, 'rq', MONTH)).length).toBe(2);
      });
    });

    describe('L6: sick leave channels and papers', () => {
      it('refuses a text message, naming the rule and the channel', async () => {
        const r = await file('a11', leave('2027-03-22', '2027-03-22', 'sick', { channel: 'sms' }));
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({ rule: 'L6', channel: 'sms', allowed: ['form', 'phone'] });
      });

      it('a lead records sick leave by phone for a team member; not personal leave, not for another team', async () => {
        const r = await file('l2', leave('2027-03-23', '2027-03-23', 'sick', { agent: 'a12' }));
        expect(r.status).toBe(201);
        expect(r.body).toMatchObject({ agent: 'a12', details: { channel: 'phone', onBehalf: true }, nextApprover: { role: 'lead', agent: 'l2' } });
        const personal = await file('l2', leave('2027-03-24', '2027-03-24', 'personal', { agent: 'a13' }));
        expect(personal.status).toBe(403);
        expect(personal.body.rule).toBe('L6');
        expect((await file('l2', leave('2027-03-24', '2027-03-24', 'sick', { agent: 'a01' }))).status).toBe(404);
        expect((await file('a14', leave('2027-03-24', '2027-03-24', 'sick', { agent: 'a13' }))).status).toBe(404);
      });

      it('papers are due the day after the leave; once recorded they are received, else the days count as absence', async () => {
        const past = await file('l2', leave('2024-05-06', '2024-05-07', 'sick', { agent: 'a15' }));
        await act('l2', past.body.id, 'approve');
        const approved = await act('s1', past.body.id, 'approve');
        expect(approved.body.papers).toEqual({ due: '2024-05-08', receivedAt: null, status: 'missing' });
        const absent = await sickLeaveWithoutPapers(app.db, 'rq', '2024-06-01');
        expect(absent.filter((d) => d.request === past.body.id).map((d) => d.date)).toEqual(['2024-05-06', '2024-05-07']);
        expect(await sickLeaveWithoutPapers(app.db, 'rq', '2024-05-08')).toEqual([]);
        const papers = await app.call('POST', `/api/requests/${past.body.id}/papers`, await as('l2'));
        expect(papers.body.papers).toMatchObject({ due: '2024-05-08', status: 'received' });
        expect(await sickLeaveWithoutPapers(app.db, 'rq', '2024-06-01')).toEqual([]);
        const twice = await app.call('POST', `/api/requests/${past.body.id}/papers`, await as('l2'));
        expect(twice.status).toBe(409);
      });
    });

    describe('L10: new-hire training', () => {
      it('refuses leave overlapping training, naming the period', async () => {
        const r = await file('a05', leave('2026-12-18', '2026-12-19'));
        expect(r.status).toBe(409);
        expect(r.body).toMatchObject({ rule: 'L10', training: { from: '2026-12-14', to: '2026-12-18' } });
      });
      it('accepts leave starting the day after training ends', async () => {
        expect((await file('a05', leave('2026-12-19', '2026-12-19'))).status).toBe(201);
      });
    });
  });
}
