/**
 * Approved leave changes the roster: a new version whose parent is the published one (published in its
 * place), the person's shift removed, an audit entry with the rule and the assignments before and after, and
 * cover suggestions — the floating pool first, then people on a rest day whom the rulebook lets work the
 * shift (a24 worked the late shift L the evening before, and L may not be followed by E: C9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoster, listRosters } from '../../src/db/repos/rosters.ts';
import { suggestCover } from '../../src/requests/cover.ts';
import { monthContext } from '../../src/requests/rule-context.ts';
import { COMMITTED_RULES } from '../../src/requests/default-rulebook.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { decemberRoster, MONTH, publishDecember, testCenter, tokenBook, works } from './fixture.ts';

for (const target of storageTargets('requests-roster')) {
  describe(`leave and the roster on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;
    let v1: number;

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
      v1 = (await publishDecember(app.db, app.center)).id;
    });
    afterAll(() => app.close());

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

    it('near miss: without the rulebook\'s C9, a24 would be the first rest-day candidate (same team)', async () => {
      const roster = decemberRoster(app.center);
      const vacated = roster.assignments.find((a) => a.agent === 'a21' && a.date === '2026-12-08')!;
      const rest = { ...roster, assignments: roster.assignments.filter((a) => a !== vacated) };
      const ctx = await monthContext(app.db, app.center, MONTH, { roster: rest });
      expect(suggestCover(app.center, rest, ctx, [], [vacated])[0].candidates.map((c) => c.agent).slice(0, 2)).toEqual(['f1', 'a24']);
      expect(suggestCover(app.center, rest, ctx, COMMITTED_RULES, [vacated])[0].candidates.map((c) => c.agent)).not.toContain('a24');
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
}
