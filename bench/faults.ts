/**
 * npm run bench:faults — faults and abuse, one table: scenario, tries, survived, lost, duplicated, time to
 * recover (median and worst). The service scenarios run ShiftCast as in production (`shiftcast serve` and two
 * `shiftcast worker` processes) on a Postgres and a Redis of the bench's own (started here, restarted at will);
 * the embedded default runs on a temp PGlite directory. FAULTS=workers,restarts,server,quotas,files,abuse picks
 * some (default all); FAULTS_WORKER_TRIES (10), FAULTS_RESTART_TRIES (3), FAULTS_SERVER_TRIES (3),
 * FAULTS_SOLVE_SECONDS (15) size them.
 */
import { randomBytes } from 'node:crypto';
import { openDb } from '../src/db/open-db.ts';
import { textTable } from '../src/forecast/report-text.ts';
import { privateRedis } from '../test/reliability/fixtures/private-redis.ts';
import { privatePostgres } from './faults/private-postgres.ts';
import { serviceRestarts } from './faults/restarts.ts';
import { medianMs, type FaultRow } from './faults/scenario.ts';
import { serverKills } from './faults/server-kill.ts';
import { workerKills } from './faults/workers.ts';

// The in-process servers of some scenarios would print every request between the table's lines.
process.env.SHIFTCAST_LOG ??= 'warn';

const chosen = (process.env.FAULTS ?? 'workers,restarts,server,quotas,files,abuse').split(',').map((s) => s.trim());

async function withServices(run: (pg: Awaited<ReturnType<typeof privatePostgres>>, redis: Awaited<ReturnType<typeof privateRedis>>) => Promise<FaultRow[]>): Promise<FaultRow[]> {
  const pg = await privatePostgres();
  const redis = await privateRedis();
  try {
    return await run(pg, redis);
  } finally {
    await redis.stop();
    await pg.stop();
  }
}

const scenarios: Record<string, () => Promise<FaultRow[]>> = {
  workers: () => withServices(async (pg, redis) => {
    const url = await pg.database(`workers_${randomBytes(3).toString('hex')}`);
    const db = await openDb({ url });
    try {
      return await workerKills({ DATABASE_URL: url, REDIS_URL: redis.url }, db);
    } finally {
      await db.close();
    }
  }),
  restarts: () => withServices((pg, redis) => serviceRestarts(pg, redis)),
  server: serverKills,
  quotas: async () => (await import('./faults/quotas.ts')).run(),
  files: async () => (await import('./faults/files.ts')).run(),
  abuse: async () => (await import('./faults/abuse.ts')).run(),
};

const rows: FaultRow[] = [];
for (const name of chosen) {
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`unknown scenario "${name}" (known: ${Object.keys(scenarios).join(', ')})`);
  console.error(`${name}…`);
  const started = Date.now();
  rows.push(...(await scenario()));
  console.error(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
console.log(textTable(
  ['scenario', 'tries', 'survived', 'lost', 'duplicated', 'recovery median', 'worst', 'note'],
  rows.map((r) => [
    r.scenario, String(r.tries), String(r.survived), String(r.lost), String(r.duplicated),
    seconds(medianMs(r.recoverMs)), seconds(r.recoverMs?.length ? Math.max(...r.recoverMs) : null), r.note ?? '',
  ]),
));
const failed = rows.filter((r) => r.survived < r.tries || r.lost > 0 || r.duplicated > 0);
console.log(failed.length === 0 ? '\nevery scenario survived' : `\nnot survived: ${failed.map((r) => r.scenario).join('; ')}`);
process.exit(0);
