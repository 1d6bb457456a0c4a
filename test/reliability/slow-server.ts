/**
 * A ShiftCast server made the way `shiftcast serve` makes it — createHttpServer with the slow-client
 * timeouts — but with the timeouts short, a small center, the admin's token and two analysts' (one to abuse,
 * one to be served meanwhile), and a rate limiter the test can swap between scenarios.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.ts';
import { createAppContext } from '../../src/api/context.ts';
import { createHttpServer, type ServerTimeouts } from '../../src/api/http-server.ts';
import { createRateLimiter, type RateLimiter } from '../../src/api/rate-limit.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import { ensureAdminToken, issueTokenFor } from '../../src/services/tokens.ts';
import { pgliteTarget } from '../helpers/databases.ts';
import { heldJobQueue } from './authz-held-queue.ts';

export interface SlowServer {
  url: string;
  port: number;
  center: string;
  tokens: { admin: string; abuser: string; other: string };
  /** Rate limits from now on (no limit until called). */
  limit(limiter: RateLimiter): void;
  close(): Promise<void>;
}

export async function startSlowServer(timeouts: ServerTimeouts): Promise<SlowServer> {
  const { db, drop } = await pgliteTarget.open();
  const center = parseCenter(generateCenter({ agents: 12, seed: 3, name: 'slow' }));
  await db.transaction((tx) => saveCenter(tx, center));
  let limiter: RateLimiter = createRateLimiter(0, 1);
  const ctx = createAppContext(db, heldJobQueue(db), undefined, { take: (key, now) => limiter.take(key, now) });
  const server = createHttpServer(createApp(ctx), timeouts).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const analyst = async () => (await issueTokenFor(db, center, { role: 'analyst' }, null)).token;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    center: center.id,
    tokens: { admin: (await ensureAdminToken(db))!, abuser: await analyst(), other: await analyst() },
    limit(next) {
      limiter = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await drop();
    },
  };
}
