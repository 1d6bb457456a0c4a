/**
 * Fault scenario "files built to hurt": hostile traffic, requirements and center files (fast-check, fixed seed)
 * against the API, each answered 2xx and stored whole or 4xx and nothing stored; and a 10,000,000-row traffic CSV
 * generated as a stream and posted to a `shiftcast serve` child on embedded PGlite, with the child's peak RSS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { hostileCases, runHostileCase, startHostileApp } from '../../test/reliability/fuzz-cases.ts';
import type { FaultRow, FaultScenario } from './scenario.ts';

const HOSTILE_CASES = Number(process.env.FAULT_FILE_CASES ?? 300);
const STREAM_ROWS = Number(process.env.FAULT_STREAM_ROWS ?? 10_000_000);
const QUEUES = ['q1', 'q2', 'q3', 'q4'];
const STEP_MS = 5 * 60_000;
/**
 * The server's limit on one request (SHIFTCAST_REQUEST_TIMEOUT_MS, default 5 minutes) cuts a 10 M-row upload
 * short at 408; the run raises it to an hour so the import's memory is measured to the end.
 */
const REQUEST_TIMEOUT_MS = process.env.SHIFTCAST_REQUEST_TIMEOUT_MS ?? String(3_600_000);

async function hostileFiles(): Promise<FaultRow> {
  const app = await startHostileApp();
  const statuses = new Map<number, number>();
  const verdicts = new Map<string, number>();
  const failures: string[] = [];
  try {
    for (const c of hostileCases(HOSTILE_CASES, 20_270_314)) {
      const o = await runHostileCase(app, c);
      statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      verdicts.set(o.verdict, (verdicts.get(o.verdict) ?? 0) + 1);
      if (o.verdict !== 'whole' && o.verdict !== 'refused' && failures.length < 3) failures.push(`${o.verdict}: ${o.why.slice(0, 120)}`);
    }
  } finally {
    await app.close();
  }
  const count = (v: string) => verdicts.get(v) ?? 0;
  const seen = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  const bad = count('crash') + count('unclear') ? `; ${count('crash')} crashed, ${count('unclear')} unclear: ${failures.join(' | ')}` : '';
  return {
    scenario: `hostile files (fast-check, ${HOSTILE_CASES} cases)`, tries: HOSTILE_CASES, survived: count('whole') + count('refused'), lost: count('partial'), duplicated: count('duplicated'),
    note: `${count('whole')} accepted whole, ${count('refused')} refused clearly; statuses ${seen}${bad}`,
  };
}

/** `rows` traffic rows, 4 queues of 5-minute intervals from 2000-01-01Z, made as they are read. */
function trafficStream(rows: number): Readable {
  const perQueue = Math.ceil(rows / QUEUES.length);
  const start = Date.UTC(2000, 0, 1);
  async function* lines() {
    yield 'queue,interval_start,offered,aht_seconds\n';
    let made = 0;
    for (const queue of QUEUES) {
      for (let i = 0; i < perQueue && made < rows; i += 1000) {
        let chunk = '';
        for (let k = i; k < Math.min(i + 1000, perQueue) && made < rows; k++, made++) {
          chunk += `${queue},${new Date(start + k * STEP_MS).toISOString()},${k % 97},${120 + (k % 60)}\n`;
        }
        yield chunk;
      }
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

/** Peak resident set of a process in MB (VmHWM), or null where /proc is not available. */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, limitMs = 120_000): Promise<T> {
  const t0 = performance.now();
  for (;;) {
    const v = await probe().catch(() => null);
    if (v !== null) return v;
    if (performance.now() - t0 > limitMs) throw new Error(`${what} did not happen within ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function streamedRows(): Promise<FaultRow> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-fault-files-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/shiftcast', 'serve', '--port', String(port)], {
    env: { ...process.env, SHIFTCAST_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_LOG: 'warn', SHIFTCAST_REQUEST_TIMEOUT_MS: REQUEST_TIMEOUT_MS },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exitCode: number | null = null;
  child.once('exit', (code, signal) => { exitCode = code ?? (signal ? 128 : 0); });
  const label = `${(STREAM_ROWS / 1e6).toLocaleString('en')} M rows streamed`;
  try {
    const token = await waitFor('the server start', async () => (existsSync(join(dir, 'admin-token')) && (await fetch(`${url}/api/health`)).ok ? readFileSync(join(dir, 'admin-token'), 'utf8').trim() : null));
    const auth = { authorization: `Bearer ${token}` };
    const center = {
      name: 'stream', timezone: 'UTC', intervalMinutes: 5, open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }],
      queues: QUEUES.map((id) => ({ id, kind: 'inbound' })), shiftTemplates: [{ id: 'D', start: '08:00', minutes: 480 }],
    };
    const put = await fetch(`${url}/api/centers/stream`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(center) });
    if (!put.ok) throw new Error(`PUT center: ${put.status} ${await put.text()}`);
    const baseline = peakRssMb(child.pid!); // embedded Postgres started and migrated: the floor under any import
    const t0 = performance.now();
    const res = await fetch(`${url}/api/centers/stream/traffic`, {
      method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: trafficStream(STREAM_ROWS) as unknown as BodyInit, duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const text = await res.text();
    const body = (() => {
      try {
        return JSON.parse(text) as { rows?: number; detail?: string };
      } catch {
        return { detail: undefined };
      }
    })();
    const seconds = (performance.now() - t0) / 1000;
    const rss = peakRssMb(child.pid!);
    const stored = await fetch(`${url}/api/centers/stream/traffic`, { headers: auth }).then((r) => r.json()) as { queues: Array<{ rows: number }> };
    const count = stored.queues.reduce((n, q) => n + q.rows, 0);
    const whole = res.status === 201 && body.rows === STREAM_ROWS && count === STREAM_ROWS;
    const refused = res.status >= 400 && res.status < 500 && count === 0 && !!body.detail;
    const verdict = whole ? 'accepted whole' : refused ? `refused clearly (${res.status}: ${body.detail})` : `status ${res.status} "${text.slice(0, 60)}", ${count} rows stored`;
    return {
      scenario: label, tries: 1, survived: whole || refused ? 1 : 0, lost: !whole && !refused && count > 0 ? 1 : 0, duplicated: count > STREAM_ROWS ? 1 : 0,
      note: `${verdict}; request limit ${Number(REQUEST_TIMEOUT_MS) / 60_000} min; ${seconds.toFixed(0)} s (${Math.round(STREAM_ROWS / seconds).toLocaleString('en')} rows/s); server peak RSS ${rss ?? '?'} MB (${baseline ?? '?'} MB before the import)`,
    };
  } catch (e) {
    return { scenario: label, tries: 1, survived: 0, lost: 0, duplicated: 0, note: `failed: ${(e as Error).message}; server exit code ${exitCode ?? 'none'}, peak RSS ${peakRssMb(child.pid!) ?? '?'} MB` };
  } finally {
    if (exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export const run: FaultScenario = async () => [await hostileFiles(), await streamedRows()];
