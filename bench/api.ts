/**
 * npm run bench:api — the API under 50 concurrent clients, on the demo center as `npm start` runs it (embedded
 * PGlite, in-process jobs): the server is started in a child process on a fresh data directory, its demo
 * preparation (forecasts, requirements, two months solved and published) is waited for, and each route is
 * loaded with autocannon for DURATION seconds at 50 connections, every connection with a token of its own (50
 * people, each sending up to BENCH_CLIENT_RATE = 20 requests a second, under the per-token rate limit of 50).
 * Printed per route: p50 / p99 latency, requests a second, errors (non-2xx and timeouts); then the latency of a
 * cheap route (/api/me) while the heaviest read runs unpaced — as fast as the server answers — beside it.
 * Each route gets 2 s of warm-up first (clients' first requests: token lookups, views built), not measured.
 * Medians of the machine's noise are not taken: run it twice and quote both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { textTable } from '../src/forecast/report-text.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

interface Server { url: string; admin: string; stop(): void }

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-bench-api-'));
  const child = spawn(process.execPath, ['bin/shiftcast', 'serve', '--demo', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_DATA_DIR: dir, SHIFTCAST_LOG: 'warn', SHIFTCAST_DEMO_SOLVE_SECONDS: process.env.SHIFTCAST_DEMO_SOLVE_SECONDS ?? '20' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /ShiftCast is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the demo server exited with ${code}`)));
  });
  return { url, admin: readFileSync(join(dir, 'admin-token'), 'utf8').trim(), stop: () => { child.kill('SIGTERM'); setTimeout(() => rmSync(dir, { recursive: true, force: true }), 2000); } };
}

/** A well-behaved client: over the rate limit it waits the Retry-After it is told and asks again. */
async function call(server: Server, path: string, token: string, body?: unknown): Promise<any> {
  for (;;) {
    const res = await fetch(server.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      continue;
    }
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }
}

/** Waits for the demo preparation to finish (every job of the center final). */
async function prepared(server: Server): Promise<void> {
  for (;;) {
    const jobs: Array<{ status: string }> = await call(server, '/api/centers/demo/jobs', server.admin);
    if (jobs.length > 0 && jobs.every((j) => ['completed', 'failed', 'cancelled'].includes(j.status))) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function tokens(server: Server, n: number, who: (k: number) => Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push((await call(server, '/api/tokens', server.admin, { center: 'demo', ...who(k) })).token);
  return out;
}

/** Requests a second each connection (client) sends at most: a busy person's dashboard, under the per-token limit. */
const PER_CLIENT = Number(process.env.BENCH_CLIENT_RATE ?? 20);

interface Load { label: string; path: string; tokens: string[]; connections?: number; unpaced?: boolean; seconds?: number }

function run(server: Server, load: Load): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon({
      url: server.url + load.path,
      connections: load.connections ?? CONNECTIONS,
      ...(load.unpaced ? {} : { connectionRate: PER_CLIENT }),
      duration: load.seconds ?? DURATION,
      timeout: 10,
      headers: { 'accept-encoding': 'gzip' },
      setupClient: (client) => client.setHeaders({ authorization: `Bearer ${load.tokens[next++ % load.tokens.length]}`, 'accept-encoding': 'gzip' }),
    }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const row = (label: string, r: autocannon.Result) => [
  label, String(r.connections), `${r.latency.p50} ms`, `${r.latency.p99} ms`, r.requests.average.toFixed(0),
  String(r.errors + r.timeouts + r.non2xx), `${(r.throughput.average / 1024).toFixed(0)} KB/s`,
];

async function main(): Promise<void> {
  const server = await startServer();
  try {
    console.log(`demo server at ${server.url}; waiting for its preparation (forecasts, requirements, two months solved and published)…`);
    await prepared(server);
    const center = await call(server, '/api/centers/demo', server.admin);
    const zone: string = center.timezone;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const month = today.slice(0, 7);
    const rosters: Array<{ id: number; status: string }> = await call(server, `/api/centers/demo/rosters?month=${month}`, server.admin);
    const roster = rosters.find((r) => r.status === 'published')!;
    const team = center.teams[0];
    const agents = center.agents.filter((a: { role: string }) => a.role === 'agent').map((a: { id: string }) => a.id);
    const weekEnd = new Date(Date.parse(today) + 6 * 86_400_000).toISOString().slice(0, 10);
    const deputies = await tokens(server, CONNECTIONS, () => ({ role: 'deputy' }));
    const people = await tokens(server, CONNECTIONS, (k) => ({ agent: agents[k % agents.length] }));
    const supervisors = await tokens(server, CONNECTIONS, (k) => ({ agent: center.teams[k % center.teams.length].supervisor }));
    const leads = await tokens(server, CONNECTIONS, () => ({ agent: team.lead }));
    const loads: Load[] = [
      { label: 'GET /api/me (agent)', path: '/api/me', tokens: people },
      { label: `GET /api/rosters/:id — one team, one week (lead)`, path: `/api/rosters/${roster.id}?team=${team.id}&from=${today}&to=${weekEnd}`, tokens: leads },
      { label: 'GET /api/rosters/:id — own month (agent)', path: `/api/rosters/${roster.id}`, tokens: people },
      { label: 'GET /api/rosters/:id — whole month, first page (deputy)', path: `/api/rosters/${roster.id}`, tokens: deputies },
      { label: 'GET /api/rosters/:id — one day (deputy)', path: `/api/rosters/${roster.id}?from=${today}&to=${today}`, tokens: deputies },
      { label: 'GET /api/rosters/:id/coverage — one day (supervisor)', path: `/api/rosters/${roster.id}/coverage?date=${today}`, tokens: supervisors },
      { label: 'GET /api/centers/demo/intraday — today (supervisor)', path: `/api/centers/demo/intraday?date=${today}`, tokens: supervisors },
      { label: 'GET /api/centers/demo/rosters — versions (deputy)', path: `/api/centers/demo/rosters?month=${month}`, tokens: deputies },
    ];
    const lines: string[][] = [];
    for (const load of loads) {
      // Warm-up (not measured): every client's first request — its token looked up, its view built — is paid
      // here, so the figures are the steady state.
      await run(server, { ...load, seconds: 2 });
      lines.push(row(load.label, await run(server, load)));
      console.error(`  ${load.label}: done`);
    }
    // A cheap route while the heaviest read runs at full load beside it (unpaced: as fast as the server answers).
    const [heavy, cheap] = await Promise.all([
      run(server, { ...loads[3], connections: CONNECTIONS, unpaced: true }),
      run(server, { label: 'me', path: '/api/me', tokens: people.slice(0, 5), connections: 5 }),
    ]);
    lines.push(row('GET /api/me beside the whole-month read at full load', cheap));
    lines.push(row('  (the whole-month read meanwhile)', heavy));
    console.log(textTable(['route', 'connections', 'p50', 'p99', 'req/s', 'errors', 'throughput'], lines));
    console.log(`${DURATION} s per route, autocannon, 50 clients at up to ${PER_CLIENT} requests a second each (the last pair unpaced), gzip accepted, no conditional requests (every read is a full one)`);
  } finally {
    server.stop();
  }
}

await main();
