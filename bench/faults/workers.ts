/**
 * Workers killed with SIGKILL at random points of a roster solve (server + two `shiftcast worker` processes on
 * Postgres and a Redis of the bench's own): each try submits a solve, kills the worker that holds it (the job's
 * progress names its worker) a random time into the attempt, starts a fresh worker, and waits for the end.
 * Recovery = from the kill to the next attempt's start. Survived = completed with exactly one roster.
 * Also: one job whose worker is killed three times, once in each of three attempts.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { api as apiOf, sleep, startServer, startWorker, until, type Api, type Proc, type ServiceEnv } from './processes.ts';
import { MONTH, prepareMonth, seedCenter } from './seed.ts';
import type { FaultRow } from './scenario.ts';

const SOLVE_SECONDS = Number(process.env.FAULTS_SOLVE_SECONDS ?? 15);
const TRIES = Number(process.env.FAULTS_WORKER_TRIES ?? 10);

interface Cluster { api: Api; workers: Proc[]; env: ServiceEnv; db: Db; centerId: string }

type JobView = { status: string; attempts: number; startedAt: string | null; progress: number; progressDetail: Record<string, unknown>; error: string | null };
const jobOf = async (c: Cluster, id: string) => (await c.api.call('GET', `/api/jobs/${id}`)).body as JobView;
const final = (j: JobView) => ['completed', 'failed', 'cancelled'].includes(j.status);
const rostersOf = async (c: Cluster, jobId: string) => Number((await c.db.query<{ n: string }>('SELECT count(*) AS n FROM rosters WHERE job_id = $1', [jobId])).rows[0].n);

/** Kills the worker running the job's current attempt `afterMs` into it; returns the kill time, or null if the job ended first. */
async function killHolder(c: Cluster, jobId: string, attempt: number, afterMs: number): Promise<number | null> {
  const view = await until(async () => {
    const j = await jobOf(c, jobId);
    return final(j) || (j.status === 'running' && j.attempts >= attempt && j.progressDetail.worker) ? j : null;
  }, 50);
  if (final(view)) return null;
  await sleep(Math.max(0, afterMs - (Date.now() - Date.parse(view.startedAt!))));
  const now = await jobOf(c, jobId);
  if (final(now) || now.attempts !== view.attempts) return null;
  const pid = Number(String(now.progressDetail.worker).split(':').pop());
  const holder = c.workers.find((w) => w.pid === pid);
  if (!holder) throw new Error(`job ${jobId} is held by pid ${pid}, not one of the bench's workers`);
  await holder.kill();
  const at = Date.now();
  c.workers.splice(c.workers.indexOf(holder), 1, await startWorker(c.env));
  return at;
}

/** One solve whose worker is killed at each of `killsAfterMs` (one per attempt); the row's counts for it. */
async function trial(c: Cluster, killsAfterMs: number[]): Promise<{ survived: boolean; lost: boolean; duplicated: boolean; recoverMs: number[] }> {
  const r = await c.api.call('POST', `/api/centers/${c.centerId}/rosters`, { month: MONTH, timeLimitSeconds: SOLVE_SECONDS });
  if (r.status !== 202) throw new Error(`solve refused: ${r.status} ${JSON.stringify(r.body)}`);
  const jobId = r.body.jobId as string;
  const recoverMs: number[] = [];
  for (let k = 0; k < killsAfterMs.length; k++) {
    const killedAt = await killHolder(c, jobId, k + 1, killsAfterMs[k]);
    if (killedAt === null) break;
    const next = await until(async () => {
      const j = await jobOf(c, jobId);
      return final(j) || (j.attempts > k + 1 && j.status === 'running') ? j : null;
    }, 50);
    if (next.startedAt && next.attempts > k + 1) recoverMs.push(Date.parse(next.startedAt) - killedAt);
  }
  const end = await until(async () => {
    const j = await jobOf(c, jobId);
    return final(j) ? j : null;
  }, 250);
  const rosters = await rostersOf(c, jobId);
  if (end.status !== 'completed') console.error(`  job ${jobId} ended ${end.status}: ${end.error}`);
  return { survived: end.status === 'completed' && rosters === 1, lost: end.status !== 'completed' || rosters === 0, duplicated: rosters > 1, recoverMs };
}

export async function workerKills(env: ServiceEnv, db: Db): Promise<FaultRow[]> {
  const center = await seedCenter(db);
  const serverEnv = { ...env, SHIFTCAST_QUEUE: `faults-${randomBytes(3).toString('hex')}` };
  const server = await startServer(serverEnv);
  const workers = [await startWorker(serverEnv), await startWorker(serverEnv)];
  const c: Cluster = { api: apiOf(() => server.url, server.adminToken!), workers, env: serverEnv, db, centerId: center.id };
  try {
    await prepareMonth(c.api, center.id);
    const random = { survived: 0, lost: 0, duplicated: 0, recoverMs: [] as number[] };
    for (let i = 0; i < TRIES; i++) {
      // Anywhere in the attempt: model building, local search, day re-design, evaluation, saving.
      const t = await trial(c, [Math.round(Math.random() * (SOLVE_SECONDS + 3) * 1000)]);
      console.error(`  worker kill ${i + 1}/${TRIES}: ${t.survived ? 'survived' : 'NOT survived'}, recovered in ${t.recoverMs.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ') || '(ended before the kill)'}`);
      random.survived += Number(t.survived); random.lost += Number(t.lost); random.duplicated += Number(t.duplicated); random.recoverMs.push(...t.recoverMs);
    }
    const thrice = await trial(c, [2000 + Math.random() * 6000, 2000 + Math.random() * 6000, 2000 + Math.random() * 6000]);
    console.error(`  one job killed three times: ${thrice.survived ? 'survived' : 'NOT survived'}, recovered in ${thrice.recoverMs.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ')}`);
    return [
      { scenario: `worker SIGKILL at a random point of a ${SOLVE_SECONDS} s solve`, tries: TRIES, ...random },
      { scenario: 'one job, its worker killed in 3 attempts', tries: 1, survived: Number(thrice.survived), lost: Number(thrice.lost), duplicated: Number(thrice.duplicated), recoverMs: thrice.recoverMs, note: `${thrice.recoverMs.length} kills landed` },
    ];
  } finally {
    for (const w of c.workers) await w.kill('SIGTERM');
    await server.kill('SIGTERM');
  }
}
