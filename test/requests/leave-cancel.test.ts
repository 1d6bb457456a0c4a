/**
 * Cancelling approved leave before it begins: the leave day is freed (another person under the same
 * supervisor can now be granted the day at the lead's level, L7) and the shift the approval removed comes back
 * in a new published version, audited; on the day the leave begins it is refused (409) and nothing changes.
 * The clock is set (Date only) so the December 2026 fixture stays in the future whenever the suite runs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getRoster, listRosters, publishRoster, saveRoster } from '../../src/db/repos/rosters.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, publishDecember, testCenter, tokenBook, works } from './fixture.ts';

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

for (const target of storageTargets('requests-leave-cancel')) {
  describe(`cancelling approved leave on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;
    const oneDay = async (agent: string, day: string) =>
      (await app.call('POST', '/api/requests', await as(agent), { kind: 'leave', type: 'other', from: day, to: day, reason: 'family' })).body.id as number;
    const act = async (who: string, id: number, action: 'approve' | 'cancel') => app.call('POST', `/api/requests/${id}/${action}`, await as(who), {});
    const leaveRows = async (id: number) => (await app.db.query('SELECT day FROM leave_days WHERE request_id = $1', [id])).rows.length;

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
      await publishDecember(app.db, app.center);
    });
    afterEach(() => vi.useRealTimers());
    afterAll(() => app.close());

    it('on the day the leave begins: 409, the leave and the roster unchanged; the day before: cancelled, the shift back, L7 freed', async () => {
      expect(works('a21', '2026-12-08')).toBe(true);
      at('2026-12-01T09:00:00+08:00');
      const id = await oneDay('a21', '2026-12-08');
      expect((await act('l3', id, 'approve')).body.status).toBe('approved');
      // L7: the supervisor's day now has its person on leave; a second one is escalated at the lead's level.
      const second = await oneDay('a22', '2026-12-08');
      expect((await act('l3', second, 'approve')).body).toMatchObject({ status: 'escalated', rule: 'L7' });
      const granted = await listRosters(app.db, 'rq', MONTH);
      expect(granted.map((v) => v.version)).toEqual([2, 1]);

      at('2026-12-08T07:00:00+08:00');
      const late = await act('a21', id, 'cancel');
      expect(late.status).toBe(409);
      expect(late.body.detail).toMatch(/began on 2026-12-08/);
      expect(await leaveRows(id)).toBe(1);
      expect((await listRosters(app.db, 'rq', MONTH)).length).toBe(2);

      at('2026-12-07T20:00:00+08:00');
      const cancelled = await act('a21', id, 'cancel');
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(cancelled.body.decisions.at(-1)).toMatchObject({ outcome: 'cancelled' });
      expect(cancelled.body.decisions.at(-1).message).toMatch(/shifts put back: 2026-12-08/);
      expect(await leaveRows(id)).toBe(0);

      const versions = await listRosters(app.db, 'rq', MONTH);
      expect(versions.map((v) => [v.version, v.status])).toEqual([[3, 'published'], [2, 'superseded'], [1, 'superseded']]);
      const original = (await getRoster(app.db, granted[1].id, 'Asia/Shanghai'))!.roster;
      const restored = (await getRoster(app.db, versions[0].id, 'Asia/Shanghai'))!.roster;
      const shiftOf = (r: typeof original) => r.assignments.filter((a) => a.agent === 'a21' && a.date === '2026-12-08').map((a) => [a.shift, a.start, a.end]);
      expect(shiftOf(restored)).toEqual(shiftOf(original));
      expect(restored.assignments.length).toBe(original.assignments.length);
      const log = await app.db.query<{ action: string; after: any }>("SELECT action, after FROM audit_log WHERE object_kind = 'roster' AND object_id = $1", [String(versions[0].id)]);
      expect(log.rows[0].action).toBe('request.leave.cancel');
      expect(log.rows[0].after.assignments).toEqual([expect.objectContaining({ agent: 'a21', date: '2026-12-08' })]);

      // The day is free again under the supervisor: the lead grants the next person's leave.
      const third = await oneDay('a23', '2026-12-08');
      expect((await act('l3', third, 'approve')).body.status).toBe('approved');
    });

    it('a shift is not put back where the day has been filled since: the decision says so, no new version', async () => {
      at('2026-12-01T09:00:00+08:00');
      const day = ['2026-12-11', '2026-12-12', '2026-12-13', '2026-12-14'].find((d) => works('a22', d) && works('f1', d))!;
      const id = await oneDay('a22', day);
      expect((await act('l3', id, 'approve')).body.status).toBe('approved');
      // Since the approval, a22 was given a floating shift that day (a copy of f1's) in a new published version.
      const [current] = await listRosters(app.db, 'rq', MONTH);
      const roster = (await getRoster(app.db, current.id, 'Asia/Shanghai'))!.roster;
      const floating = { ...roster.assignments.find((a) => a.agent === 'f1' && a.date === day)!, agent: 'a22' };
      await app.db.transaction(async (tx) => {
        const meta = await saveRoster(tx, { centerId: 'rq', roster: { ...roster, assignments: [...roster.assignments, floating] }, parentId: current.id });
        await publishRoster(tx, meta.id, null);
      });
      const versions = (await listRosters(app.db, 'rq', MONTH)).length;

      const cancelled = await act('a22', id, 'cancel');
      expect(cancelled.body.status).toBe('cancelled');
      expect(cancelled.body.decisions.at(-1).message).toMatch(new RegExp(`shifts put back: none; not put back: ${day} \\(a22 works F on ${day}`));
      expect(await leaveRows(id)).toBe(0);
      expect((await listRosters(app.db, 'rq', MONTH)).length).toBe(versions);
    });

    it('only the person (or whoever filed it) cancels approved leave, and only once', async () => {
      at('2026-12-01T09:00:00+08:00');
      const id = await oneDay('a24', '2026-12-20');
      expect((await act('l3', id, 'approve')).body.status).toBe('approved');
      expect((await act('a22', id, 'cancel')).status).toBe(404);
      expect((await act('a24', id, 'cancel')).body.status).toBe('cancelled');
      expect((await act('a24', id, 'cancel')).status).toBe(409);
    });
  });
}
