/**
 * The zero-setup default (embedded PGlite on disk, in-process jobs) with the server itself killed (SIGKILL) at
 * a random point of a roster solve and started again on the same data directory. Recovery = from the kill to
 * the job running again in the new process (its start included). Survived = completed with one roster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db/open-db.ts';
import { api as apiOf, sleep, startServer, until, type ServiceEnv } from './processes.ts';
import type { FaultRow } from './scenario.ts';
import { MONTH, prepareMonth, seedCenter } from './seed.ts';

const TRIES = Number(process.env.FAULTS_SERVER_TRIES ?? 3);
const SOLVE_SECONDS = Number(process.env.FAULTS_SOLVE_SECONDS ?? 15);

export async function serverKills(): Promise<FaultRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-faults-pglite-'));
  const env: ServiceEnv = { DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_DATA_DIR: dir };
  const seedDb = await openDb({ url: '', dataDir: dir });
  const center = await seedCenter(seedDb);
  await seedDb.close();
  let server = await startServer(env);
  const token = server.adminToken!;
  const api = apiOf(() => server.url, token);
  const row: FaultRow = { scenario: 'server killed (embedded PGlite, in-process jobs), restarted', tries: TRIES, survived: 0, lost: 0, duplicated: 0, recoverMs: [] };
  try {
    await prepareMonth(api, center.id);
    for (let i = 0; i < TRIES; i++) {
      const r = await api.call('POST', `/api/centers/${center.id}/rosters`, { month: MONTH, timeLimitSeconds: SOLVE_SECONDS });
      const jobId = r.body.jobId as string;
      await sleep(1000 + Math.random() * SOLVE_SECONDS * 1000);
      const before = (await api.call('GET', `/api/jobs/${jobId}`)).body;
      await server.kill();
      const killedAt = Date.now();
      server = await startServer(env);
      if (before.status === 'running') {
        const again = await until(async () => {
          const j = (await api.call('GET', `/api/jobs/${jobId}`)).body;
          return j?.attempts > before.attempts || ['completed', 'failed'].includes(j?.status) ? j : null;
        }, 100);
        if (again.startedAt) row.recoverMs!.push(Date.parse(again.startedAt) - killedAt);
      }
      const end = await until(async () => {
        const j = (await api.call('GET', `/api/jobs/${jobId}`)).body;
        return ['completed', 'failed', 'cancelled'].includes(j?.status) ? j : null;
      }, 250);
      const list = (await api.call('GET', `/api/centers/${center.id}/rosters?month=${MONTH}`)).body;
      const rosters = (Array.isArray(list) ? list : list.rosters ?? []).filter((m: { jobId: string }) => m.jobId === jobId).length;
      console.error(`  server kill ${i + 1}/${TRIES}: job ${end.status}, ${rosters} roster(s), attempts ${end.attempts}`);
      if (end.status === 'completed' && rosters === 1) row.survived++;
      else if (rosters === 0) row.lost++;
      if (rosters > 1) row.duplicated++;
    }
    return [row];
  } finally {
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
