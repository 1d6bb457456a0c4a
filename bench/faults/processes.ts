/**
 * ShiftCast as it runs in production, for the fault bench: `shiftcast serve` and `shiftcast worker` child
 * processes (killed with SIGKILL like a crash), a throw-away center with a month of requirements, the API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServiceEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  SHIFTCAST_QUEUE?: string;
  SHIFTCAST_DATA_DIR?: string;
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  out(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function start(args: string[], env: ServiceEnv, ready: RegExp): Promise<Proc> {
  const child = spawn(process.execPath, ['bin/shiftcast', ...args], {
    env: { ...process.env, ...env, SHIFTCAST_LOG: process.env.FAULTS_LOG ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  if (process.env.FAULTS_ECHO) child.stdout!.pipe(process.stderr), child.stderr!.pipe(process.stderr);
  const proc: Proc = {
    child, pid: child.pid!, out: () => out,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await gone;
    },
  };
  return new Promise((resolve, reject) => {
    const check = () => ready.test(out) && resolve(proc);
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`shiftcast ${args[0]} exited (${code}):\n${out.slice(-2000)}`)));
  });
}

export async function startServer(env: ServiceEnv): Promise<Proc & { url: string; adminToken: string | null }> {
  const proc = await start(['serve', '--port', '0'], env, /ShiftCast is running at \S+/);
  const url = /ShiftCast is running at (\S+)/.exec(proc.out())![1];
  await new Promise((r) => setTimeout(r, 100)); // the token line follows the "running" line
  const token = /Admin token[^\n]*\n\s*(\S+)/.exec(proc.out())?.[1]
    ?? (env.SHIFTCAST_DATA_DIR ? readFileSync(`${env.SHIFTCAST_DATA_DIR}/admin-token`, 'utf8').trim() : null);
  return { ...proc, url, adminToken: token };
}

export const startWorker = (env: ServiceEnv) => start(['worker'], env, /waiting for jobs/);

export interface Api {
  call(method: string, path: string, body?: unknown, type?: string): Promise<{ status: number; body: any }>;
}

export function api(baseUrl: () => string, token: string): Api {
  return {
    async call(method, path, body, type = 'application/json') {
      try {
        const res = await fetch(baseUrl() + path, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
      } catch (e) {
        return { status: 0, body: (e as Error).message }; // the server is down
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(probe: () => Promise<T | null | undefined | false>, everyMs = 100): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v) return v;
    await sleep(everyMs);
  }
}
