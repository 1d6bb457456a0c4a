/**
 * A running ShiftCast API for tests: in-memory PGlite (or a throw-away Postgres database), the in-process job
 * runner, a small generated center and a token for each role.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.ts';
import { createAppContext } from '../../src/api/context.ts';
import type { RateLimiter } from '../../src/api/rate-limit.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center } from '../../src/domain/center-schema.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.ts';
import { issueTokenFor } from '../../src/services/tokens.ts';
import { ensureAdminToken } from '../../src/services/tokens.ts';
import type { Db } from '../../src/db/db.ts';
import type { JobQueue } from '../../src/jobs/types.ts';
import { pgliteTarget, type StorageTarget } from './databases.ts';
import '../../src/jobs/handlers/index.ts';

export interface TestApp {
  url: string;
  db: Db;
  jobs: JobQueue;
  center: Center;
  tokens: Record<string, string>;
  /** fetch with a bearer token of the given role key (see tokens) and JSON handling. */
  call(method: string, path: string, tokenKey?: string | null, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; type: string }>;
  close(): Promise<void>;
}

export async function startTestApp(options: { target?: StorageTarget; center?: Center; rateLimiter?: RateLimiter; jobs?: (db: Db) => Promise<JobQueue> } = {}): Promise<TestApp> {
  const target = options.target ?? pgliteTarget;
  const { db, drop } = await target.open();
  const center = options.center ?? parseCenter(generateCenter({ agents: 40, seed: 7, name: 'test' }));
  await db.transaction((tx) => saveCenter(tx, center));
  const jobs = await (options.jobs ?? createInProcessQueue)(db);
  const server = createApp(createAppContext(db, jobs, undefined, options.rateLimiter)).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const tokens: Record<string, string> = { admin: (await ensureAdminToken(db))! };
  for (const role of ['director', 'manager', 'deputy', 'analyst'] as const) {
    tokens[role] = (await issueTokenFor(db, center, { role }, null)).token;
  }
  const team0 = center.teams[0];
  const team1 = center.teams[1];
  const agentOf = (teamId: string, skip = 0) => center.agents.filter((a) => a.team === teamId && a.role === 'agent')[skip].id;
  const people: Record<string, string> = {
    supervisor: team0.supervisor,
    otherSupervisor: center.teams.find((t) => t.supervisor !== team0.supervisor)!.supervisor,
    lead: team0.lead,
    otherLead: team1.lead,
    agent: agentOf(team0.id),
    teammate: agentOf(team0.id, 1),
    otherAgent: agentOf(team1.id),
  };
  for (const [key, agent] of Object.entries(people)) tokens[key] = (await issueTokenFor(db, center, { agent }, null)).token;

  return {
    url, db, jobs, center, tokens: { ...tokens, ...Object.fromEntries(Object.entries(people).map(([k, v]) => [`${k}Id`, v])) },
    async call(method, path, tokenKey = 'admin', body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (tokenKey) h.authorization = `Bearer ${tokens[tokenKey] ?? tokenKey}`;
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        h['content-type'] ??= typeof body === 'string' ? 'text/csv' : 'application/json';
      }
      const res = await fetch(url + path, { method, headers: h, body: payload });
      const type = res.headers.get('content-type') ?? '';
      const text = await res.text();
      return { status: res.status, type, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    async close() {
      await new Promise((r) => server.close(r));
      await jobs.close(100);
      await drop();
    },
  };
}
