/**
 * Starts ShiftCast: storage (migrated), the job runner, the first admin token, optionally the demo center, and
 * the HTTP server. Shuts down cleanly on SIGINT/SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from './api/app.ts';
import { createAppContext } from './api/context.ts';
import { createHttpServer, type ServerTimeouts } from './api/http-server.ts';
import { warmPublishedRosters } from './services/roster-index.ts';
import type { Db } from './db/db.ts';
import { dataDirectory, openDb } from './db/open-db.ts';
import { loadDemo } from './demo/load-demo.ts';
import { feedDemoActuals, recordDemoAttendance } from './demo/demo-activity.ts';
import { getCenter } from './db/repos/centers.ts';
import { startBullmqWorker, type RunningWorker } from './jobs/bullmq-queue.ts';
import { openJobQueue } from './jobs/open-queue.ts';
import { listJobs } from './jobs/job-store.ts';
import type { JobQueue } from './jobs/types.ts';
import './jobs/handlers/index.ts';
import { log } from './log.ts';
import { ensureAdminToken } from './services/tokens.ts';

/** How often the published rosters are checked for a version not yet in memory. */
const WARM_EVERY_MS = 15_000;

/** Every 5 minutes, the demo center's simulated calls and sign-ins (once its rosters are published). */
function startDemoActivity(db: Db): NodeJS.Timeout {
  const tick = async () => {
    const ready = await db.query("SELECT 1 FROM rosters WHERE center_id = 'demo' AND status = 'published' LIMIT 1");
    if (ready.rows.length === 0) return;
    const center = await getCenter(db, 'demo');
    if (!center) return;
    await feedDemoActuals(db, center);
    await recordDemoAttendance(db, center);
  };
  const timer = setInterval(() => tick().catch((e) => log.warn('demo activity failed', { error: (e as Error).message })), 5 * 60_000);
  timer.unref();
  return timer;
}

export interface ServerOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  /** Run a BullMQ worker inside the server too (always on when storage is embedded PGlite). */
  withWorker?: boolean;
  /** Limits against slow clients (default: from the environment, see api/http-server.ts). */
  timeouts?: ServerTimeouts;
}

export interface RunningServer {
  url: string;
  db: Db;
  jobs: JobQueue;
  adminToken: string | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const db = await openDb();
  const jobs = await openJobQueue(db);
  let worker: RunningWorker | null = null;
  if (jobs.kind === 'bullmq' && (options.withWorker || db.kind === 'pglite')) {
    // PGlite cannot be shared with worker processes, so the server works its own queue.
    worker = await startBullmqWorker(db, process.env.REDIS_URL!);
  }
  const adminToken = await ensureAdminToken(db);
  if (adminToken && db.kind === 'pglite') writeFileSync(join(dataDirectory(), 'admin-token'), adminToken + '\n', { mode: 0o600 });
  if (options.demo) {
    const loaded = await loadDemo(db);
    if (loaded) log.info('demo center loaded', { rows: loaded.rows, from: loaded.from, to: loaded.to, ms: loaded.milliseconds });
    const pending = await listJobs(db, { kind: 'demo.prepare', statuses: ['queued', 'running'], limit: 1 });
    const ready = await db.query("SELECT 1 FROM rosters WHERE center_id = 'demo' AND status = 'published' LIMIT 1");
    if (pending.length === 0 && ready.rows.length === 0) {
      const job = await jobs.enqueue('demo.prepare', { solveSeconds: Number(process.env.SHIFTCAST_DEMO_SOLVE_SECONDS ?? 45) }, { centerId: 'demo' });
      log.info('preparing the demo forecast, requirements and rosters in the background', { jobId: job.id });
    }
  }
  const activity = options.demo ? startDemoActivity(db) : null;
  // Published rosters are kept in memory ready to read (after a publish, an approval, the demo's preparation).
  const warm = () => void warmPublishedRosters(db).catch((e) => log.warn('roster warm-up failed', { error: (e as Error).message }));
  warm();
  const warmer = setInterval(warm, WARM_EVERY_MS);
  warmer.unref();
  const ctx = createAppContext(db, jobs);
  const app = createApp(ctx);
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = createHttpServer(app, options.timeouts).listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  log.info('shiftcast listening', { url, storage: db.kind, jobs: jobs.kind, startMs: Math.round(performance.now() - started) });
  let closing: Promise<void> | null = null;
  return {
    url, db, jobs, adminToken,
    close() {
      closing ??= (async () => {
        if (activity) clearInterval(activity);
        clearInterval(warmer);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker?.close();
        await jobs.close();
        await db.close();
      })();
      return closing;
    },
  };
}
