/**
 * The demo server for the dashboard's browser test: `node bin/shiftcast serve --demo --port 0` as a child
 * process on embedded storage (PGlite, in-process jobs) in a throw-away data directory, the admin token it
 * writes there, and a small JSON client for preparing data and issuing tokens per role.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoServer {
  url: string;
  adminToken: string;
  dataDir: string;
  /** Everything the server printed, for the failure message. */
  output(): string;
  call<T = any>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/**
 * Starts the server and waits for its "running at" line, however long a busy machine takes (the calling hook's
 * timeout is the only limit); an exit before that line fails at once with what the server printed.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shiftcast-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/shiftcast', 'serve', '--demo', '--port', '0'], {
    env: {
      ...process.env, DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_DATA_DIR: dataDir, SHIFTCAST_LOG: process.env.SHIFTCAST_LOG ?? 'warn',
      // The demo preparation solves two months at start; shorter solves keep the browser test near two minutes.
      SHIFTCAST_DEMO_SOLVE_SECONDS: process.env.SHIFTCAST_DEMO_SOLVE_SECONDS ?? '15',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /ShiftCast is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the demo server exited with ${code}:\n${out.slice(-3000)}`)));
  });
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url, adminToken, dataDir,
    output: () => out,
    async call(method, path, token, body) {
      const res = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = JSON.parse(text); } catch { /* text */ }
      return { status: res.status, body: parsed as any };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
