import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import type { Db } from '../../src/db/db.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { getRoster, listRosters, publishRoster, publishedRoster, saveRoster } from '../../src/db/repos/rosters.ts';
import type { Roster } from '../../solver/roster.ts';
import { storageTargets } from '../helpers/databases.ts';

const center = parseCenter(generateCenter({ agents: 20, seed: 5, name: 'r' }));

const roster = (note: number): Roster => ({
  center: 'r',
  month: '2026-12',
  assignments: [
    {
      agent: 'a001', date: '2026-12-01', shift: 'E', queue: 'csr', start: '2026-12-01T08:00:00+08:00', end: '2026-12-01T17:00:00+08:00',
      report: '2026-12-01T07:40:00+08:00',
      breaks: [
        { start: '2026-12-01T08:45:00+08:00', minutes: 5, kind: 'break' },
        { start: '2026-12-01T12:00:00+08:00', minutes: 60, kind: 'meal' },
      ],
      activities: [{ start: '2026-12-01T10:00:00+08:00', minutes: 60, activity: 'tr2-exam' }],
    },
    { agent: 'a002', date: '2026-12-01', shift: 'F', queue: 'csr', start: '2026-12-01T10:00:00+08:00', end: '2026-12-01T14:00:00+08:00', breaks: [], kind: 'overtime' },
    {
      agent: 'a003', date: '2026-12-01', shift: 'E', queue: 'csr', start: '2026-12-01T08:00:00+08:00', end: '2026-12-01T16:00:00+08:00', breaks: [],
      planned: { start: '2026-12-01T08:00:00+08:00', end: '2026-12-01T17:00:00+08:00' },
    },
  ],
  coverage: [{ queue: 'csr', interval_start: '2026-12-01T08:00:00+08:00', required: 3, scheduled: 1 }],
  score: { hard: 0, understaffed: note, overstaffed: 0, soft: 0 },
  violations: [],
});

for (const target of storageTargets('rosters')) {
  describe(`roster versions on ${target.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await target.open());
      await db.transaction((tx) => saveCenter(tx, center));
    });
    afterAll(() => drop());

    it('stores a roster and reads back the same FORMATS shape (activities and a VTO-shortened shift\'s planned span included)', async () => {
      const meta = await db.transaction((tx) => saveRoster(tx, { centerId: 'r', roster: roster(1) }));
      expect(meta).toMatchObject({ version: 1, status: 'draft', month: '2026-12' });
      const back = await getRoster(db, meta.id, 'Asia/Shanghai');
      expect(back?.roster).toEqual(roster(1));
    });

    it('numbers versions and supersedes the previously published one on publish', async () => {
      const v2 = await db.transaction((tx) => saveRoster(tx, { centerId: 'r', roster: roster(2) }));
      expect(v2.version).toBe(2);
      const v1 = (await listRosters(db, 'r', '2026-12')).find((m) => m.version === 1)!;
      await db.transaction((tx) => publishRoster(tx, v1.id, null));
      await db.transaction((tx) => publishRoster(tx, v2.id, null));
      const all = await listRosters(db, 'r', '2026-12');
      expect(all.map((m) => [m.version, m.status])).toEqual([[2, 'published'], [1, 'superseded']]);
      expect((await publishedRoster(db, 'r', '2026-12'))?.id).toBe(v2.id);
    });
  });
}
