import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { getCenter, saveCenter } from '../../src/db/repos/centers.ts';
import { queryTraffic, upsertTraffic } from '../../src/db/repos/traffic.ts';
import { createUser, hashToken, issueToken, revokeToken, userByToken } from '../../src/db/repos/users.ts';
import { finishJob, getJob, insertJob, markRunning, requestCancel } from '../../src/jobs/job-store.ts';
import { ConflictError } from '../../src/errors.ts';
import type { TrafficRow } from '../../src/formats/traffic-csv.ts';
import { storageTargets } from '../helpers/databases.ts';

const center = parseCenter(generateCenter({ agents: 30, seed: 3, name: 'store' }));

function row(queue: string, iso: string, offered: number): TrafficRow {
  return { queue, intervalStart: iso, startMs: Date.parse(iso), offered, line: 0 };
}

for (const target of storageTargets('storage')) {
  describe(`storage on ${target.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await target.open());
      await db.transaction((tx) => saveCenter(tx, center));
    });
    afterAll(() => drop());

    it('migrations are idempotent', async () => {
      expect(await migrate(db)).toEqual([]);
      const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(r.rows[0].n).toBeGreaterThanOrEqual(1);
    });

    it('round-trips a center and bumps its revision on save', async () => {
      const back = await getCenter(db, 'store');
      expect(back?.agents.length).toBe(center.agents.length);
      expect(back?.rules.attendanceFloor).toBe(0.95);
      await db.transaction((tx) => saveCenter(tx, center));
      const r = await db.query<{ revision: number }>('SELECT revision FROM centers WHERE id = $1', ['store']);
      expect(r.rows[0].revision).toBe(2);
    });

    it('upserts traffic: a re-import updates, never duplicates', async () => {
      const rows = [row('csr', '2026-12-01T08:00:00+08:00', 10), row('csr', '2026-12-01T08:30:00+08:00', 12)];
      expect(await db.transaction((tx) => upsertTraffic(tx, 'store', rows, 30))).toEqual({ inserted: 2, updated: 0 });
      const again = [row('csr', '2026-12-01T08:30:00+08:00', 15), row('csr', '2026-12-01T09:00:00+08:00', 9)];
      expect(await db.transaction((tx) => upsertTraffic(tx, 'store', again, 30))).toEqual({ inserted: 1, updated: 1 });
      const back = await queryTraffic(db, 'store', 'Asia/Shanghai', { queues: ['csr'] });
      expect(back.map((r) => [r.intervalStart, r.offered])).toEqual([
        ['2026-12-01T08:00:00+08:00', 10],
        ['2026-12-01T08:30:00+08:00', 15],
        ['2026-12-01T09:00:00+08:00', 9],
      ]);
    });

    it('rolls a failed transaction back completely', async () => {
      await expect(
        db.transaction(async (tx) => {
          await upsertTraffic(tx, 'store', [row('tsr', '2026-12-02T08:00:00+08:00', 1)], 30);
          await tx.query('SELECT 1/0');
        }),
      ).rejects.toThrow();
      expect(await queryTraffic(db, 'store', 'Asia/Shanghai', { queues: ['tsr'] })).toEqual([]);
    });

    it('refuses to drop a queue that has traffic, and changes nothing', async () => {
      const without = { ...center, queues: center.queues.filter((q) => q.id !== 'csr') };
      await expect(db.transaction((tx) => saveCenter(tx, without))).rejects.toBeInstanceOf(ConflictError);
      expect((await getCenter(db, 'store'))?.queues.map((q) => q.id)).toEqual(['csr', 'tsr']);
    });

    it('stores tokens only as hashes; revoked tokens stop working', async () => {
      const user = await createUser(db, { role: 'analyst', centerId: 'store', agentId: null, name: 'ana' });
      const { id, token } = await issueToken(db, user.id);
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM tokens WHERE id = $1', [id]);
      expect(stored.rows[0].token_hash).toBe(hashToken(token));
      expect(stored.rows[0].token_hash).not.toContain(token);
      expect((await userByToken(db, token))?.role).toBe('analyst');
      expect(await revokeToken(db, id)).toBe(true);
      expect(await userByToken(db, token)).toBeNull();
    });

    it('writes a job result exactly once', async () => {
      const job = await insertJob(db, 'x', { a: 1 }, { centerId: 'store' });
      expect((await markRunning(db, job.id))?.attempts).toBe(1);
      expect(await finishJob(db, job.id, 'completed', { n: 1 }, null)).toBe(true);
      expect(await finishJob(db, job.id, 'completed', { n: 2 }, null)).toBe(false);
      expect((await getJob(db, job.id))?.result).toEqual({ n: 1 });
      expect(await markRunning(db, job.id)).toBeNull();
    });

    it('cancels a queued job at once', async () => {
      const job = await insertJob(db, 'x', {});
      expect((await requestCancel(db, job.id))?.status).toBe('cancelled');
      expect(await markRunning(db, job.id)).toBeNull();
    });
  });
}
