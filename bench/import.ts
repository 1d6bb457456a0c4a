/**
 * npm run bench:import — traffic import rate (rows/s) for the 125-day bank file on embedded PGlite and, when
 * BENCH_DATABASE_URL is set, on a real Postgres; plus the cold start time of `npm start` (fresh data directory,
 * demo load included) until /api/health answers. Medians of several runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'simple-statistics';
import pg from 'pg';
import { parseCenter } from '../src/domain/center-loader.ts';
import { openDb } from '../src/db/open-db.ts';
import { saveCenter } from '../src/db/repos/centers.ts';
import { openCsvFile } from '../src/formats/csv-records.ts';
import { importTraffic } from '../src/services/traffic-import.ts';
import { BANK_FILE } from '../src/demo/bank-history.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const center = parseCenter({
  id: 'bank', name: 'bank', timezone: 'America/New_York', open: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '21:10' }],
  queues: [{ id: 'default', kind: 'inbound' }], shiftTemplates: [{ id: 'D', start: '08:00', minutes: 480 }],
});

async function importRuns(label: string, open: () => Promise<{ db: Awaited<ReturnType<typeof openDb>>; drop: () => Promise<void> }>) {
  const rates: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const { db, drop } = await open();
    await db.transaction((tx) => saveCenter(tx, center));
    const r = await importTraffic(db, center, await openCsvFile(BANK_FILE), { source: 'bank' });
    rows = r.rows;
    rates.push(r.rows / (r.milliseconds / 1000));
    await drop();
  }
  return { label, rows, median: Math.round(median(rates)), min: Math.round(Math.min(...rates)), max: Math.round(Math.max(...rates)) };
}

async function coldStart(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-start-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/shiftcast', 'serve', '--demo', '--port', String(port)], {
    env: { ...process.env, SHIFTCAST_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_LOG: 'silent' }, stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return (performance.now() - t0) / 1000;
      } catch { /* not up yet */ }
      if (performance.now() - t0 > 120_000) throw new Error('server did not start within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [await importRuns('PGlite (embedded, in memory)', async () => {
  const db = await openDb({ url: '', dataDir: 'memory' });
  return { db, drop: () => db.close() };
})];
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  results.push(await importRuns('PostgreSQL (pg)', async () => {
    const name = `shiftcast_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const db = await openDb({ url: url.toString() });
    return {
      db,
      async drop() {
        await db.close();
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }));
}
console.log(`\nTraffic import, bank file (${results[0].rows} rows, 125 days, 5-minute), ${RUNS} runs`);
console.log('| storage | rows/s median | min | max |\n|---|---|---|---|');
for (const r of results) console.log(`| ${r.label} | ${r.median} | ${r.min} | ${r.max} |`);
if (!pgUrl) console.log('(set BENCH_DATABASE_URL=postgres://… to measure a real Postgres too)');

const starts: number[] = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) starts.push(await coldStart());
console.log(`\nCold start of \`shiftcast serve --demo\` on a fresh data directory until /api/health answers: median ${median(starts).toFixed(1)} s (runs: ${starts.map((s) => s.toFixed(1)).join(', ')})`);
