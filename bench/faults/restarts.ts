/**
 * Services restarted under load (server + two workers on the bench's own Postgres and Redis):
 *  - Redis killed with jobs queued (it keeps nothing on disk): requests that need the queue answer 503
 *    problem+json and write nothing; once back, every queued job runs exactly once. Recovery = from Redis
 *    back to the first request accepted again.
 *  - Postgres restarted during a 200,000-row traffic import: the import is refused (503) or taken whole, never
 *    in part. Recovery = from the restart to the first read answered again.
 *  - Postgres restarted as a roster solve ends (evaluation or save): the job ends with exactly one roster.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { openDb } from '../../src/db/open-db.ts';
import type { PrivateRedis } from '../../test/reliability/fixtures/private-redis.ts';
import type { PrivatePostgres } from './private-postgres.ts';
import { api as apiOf, sleep, startServer, startWorker, until, type Api, type Proc, type ServiceEnv } from './processes.ts';
import type { FaultRow } from './scenario.ts';
import { MONTH, prepareMonth, seedCenter } from './seed.ts';

const TRIES = Number(process.env.FAULTS_RESTART_TRIES ?? 3);
const count = async (db: Db, sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
const finalJob = (api: Api, id: string) => until(async () => {
  const j = (await api.call('GET', `/api/jobs/${id}`)).body;
  return ['completed', 'failed', 'cancelled'].includes(j?.status) ? j : null;
}, 200);

async function redisRestarts(api: Api, db: Db, centerId: string, redis: PrivateRedis, workers: () => Promise<void>, stopWorkers: () => Promise<void>): Promise<FaultRow> {
  const row: FaultRow = { scenario: 'Redis killed with jobs queued, restarted empty', tries: TRIES, survived: 0, lost: 0, duplicated: 0, recoverMs: [] };
  const forecast = { from: `${MONTH}-01`, days: 7, model: 'whi-mean-4w', backtestWeeks: 0 };
  const statuses = new Set<number>();
  for (let i = 0; i < TRIES; i++) {
    await stopWorkers();
    const queued = await Promise.all([1, 2, 3].map(() => api.call('POST', `/api/centers/${centerId}/forecasts`, forecast)));
    const forecastsBefore = await count(db, 'SELECT count(*) AS n FROM forecasts');
    await redis.stop();
    const rowsBefore = await count(db, 'SELECT count(*) AS n FROM jobs');
    const refused = await Promise.all([1, 2, 3].map(() => api.call('POST', `/api/centers/${centerId}/forecasts`, forecast)));
    refused.forEach((r) => statuses.add(r.status));
    const clean = refused.every((r) => r.status === 503 && /Redis/.test(r.body?.detail ?? '')) && (await count(db, 'SELECT count(*) AS n FROM jobs')) === rowsBefore;
    await redis.start();
    const back = Date.now();
    const accepted = await until(async () => {
      const r = await api.call('POST', `/api/centers/${centerId}/forecasts`, forecast);
      return r.status === 202 ? r : null;
    }, 100);
    row.recoverMs!.push(Date.now() - back);
    await workers();
    const ids = [...queued.map((r) => r.body.jobId as string), accepted.body.jobId as string];
    const ends = await Promise.all(ids.map((id) => finalJob(api, id)));
    const completed = ends.filter((j) => j.status === 'completed').length;
    const made = (await count(db, 'SELECT count(*) AS n FROM forecasts')) - forecastsBefore;
    row.lost += ids.length - completed;
    row.duplicated += Math.max(0, made - completed);
    if (clean && completed === ids.length && made === completed) row.survived++;
  }
  row.note = `answers while down: ${[...statuses].join(', ')}`;
  return row;
}

async function importRestarts(api: Api, db: Db, centerId: string, pgServer: PrivatePostgres): Promise<FaultRow> {
  const row: FaultRow = { scenario: 'Postgres restarted during a 200,000-row import', tries: TRIES, survived: 0, lost: 0, duplicated: 0, recoverMs: [] };
  const start = Date.parse('2031-01-06T00:00:00Z');
  const n = 200_000;
  const csv = ['queue,interval_start,offered,aht_seconds', ...Array.from({ length: n }, (_, i) => `csr,${new Date(start + i * 300_000).toISOString()},${i % 30},200`)].join('\n') + '\n';
  const range = [new Date(start).toISOString(), new Date(start + n * 300_000).toISOString()];
  const outcomes: string[] = [];
  for (let i = 0; i < TRIES; i++) {
    await db.query('DELETE FROM traffic WHERE interval_start >= $1 AND interval_start < $2', range).catch(() => undefined);
    const sent = api.call('POST', `/api/centers/${centerId}/traffic`, csv, 'text/csv');
    await sleep(300 + Math.random() * 1500);
    const restartedAt = Date.now();
    await pgServer.restart();
    const answer = await sent;
    await until(async () => (await api.call('GET', `/api/centers/${centerId}/traffic?queue=csr&from=2031-01-06&to=2031-01-07`)).status === 200, 100);
    row.recoverMs!.push(Date.now() - restartedAt);
    const kept = await until(() => count(db, 'SELECT count(*) AS n FROM traffic WHERE interval_start >= $1 AND interval_start < $2', range).catch(() => null).then((v) => (v === null ? null : { v })), 200);
    outcomes.push(String(answer.status));
    const whole = answer.status === 201 && kept.v === n;
    const refused = answer.status === 503 && kept.v === 0;
    if (whole || refused) row.survived++;
    else if (kept.v > 0 && kept.v < n) row.lost++;
  }
  row.note = `answers: ${outcomes.join(', ')} (201 whole, 503 nothing kept)`;
  return row;
}

async function saveRestarts(api: Api, db: Db, centerId: string, pgServer: PrivatePostgres): Promise<FaultRow> {
  const row: FaultRow = { scenario: 'Postgres restarted as a roster solve ends (evaluation, save)', tries: TRIES, survived: 0, lost: 0, duplicated: 0, recoverMs: [] };
  for (let i = 0; i < TRIES; i++) {
    const r = await api.call('POST', `/api/centers/${centerId}/rosters`, { month: MONTH, timeLimitSeconds: 10 });
    await until(async () => {
      const j = (await api.call('GET', `/api/jobs/${r.body.jobId}`)).body;
      return j && (j.progress >= 0.98 || j.progressDetail?.phase === 'evaluation' || j.status !== 'running' && j.status !== 'queued');
    }, 20);
    const restartedAt = Date.now();
    await pgServer.restart();
    const end = await finalJob(api, r.body.jobId);
    // Recovery only where the restart came before the end (a solve that had finished has nothing to recover).
    const finished = Date.parse(end.finishedAt ?? new Date().toISOString());
    if (finished > restartedAt) row.recoverMs!.push(finished - restartedAt);
    const rosters = await count(db, 'SELECT count(*) AS n FROM rosters WHERE job_id = $1', [r.body.jobId]);
    if (end.status === 'completed' && rosters === 1) row.survived++;
    else if (rosters === 0) row.lost++;
    if (rosters > 1) row.duplicated++;
  }
  row.note = 'recovery = restart to the job completed';
  return row;
}

export async function serviceRestarts(pgServer: PrivatePostgres, redis: PrivateRedis): Promise<FaultRow[]> {
  const url = await pgServer.database(`restarts_${randomBytes(3).toString('hex')}`);
  const db = await openDb({ url });
  const center = await seedCenter(db);
  const env: ServiceEnv = { DATABASE_URL: url, REDIS_URL: redis.url, SHIFTCAST_QUEUE: `restarts-${randomBytes(3).toString('hex')}` };
  const server = await startServer(env);
  let workers: Proc[] = [];
  const startWorkers = async () => {
    if (workers.length === 0) workers = [await startWorker(env), await startWorker(env)];
  };
  const stopWorkers = async () => {
    for (const w of workers.splice(0)) await w.kill('SIGTERM');
  };
  const api = apiOf(() => server.url, server.adminToken!);
  try {
    await startWorkers();
    await prepareMonth(api, center.id);
    const rows = [await redisRestarts(api, db, center.id, redis, startWorkers, stopWorkers)];
    await startWorkers();
    rows.push(await importRestarts(api, db, center.id, pgServer));
    rows.push(await saveRestarts(api, db, center.id, pgServer));
    return rows;
  } finally {
    await stopWorkers();
    await server.kill('SIGTERM');
    await db.close();
  }
}
