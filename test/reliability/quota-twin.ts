/**
 * A second API server on the same Postgres database through a pool of its own: what a second `shiftcast
 * serve` process is. Races send every other request through it, so those requests meet the others only in
 * the database (its row locks), not in one pool's in-memory turns (src/requests/decision-turns.ts): a missing
 * database lock still shows as a quota passed. PGlite has one connection in one process: no twin there.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.ts';
import { createAppContext } from '../../src/api/context.ts';
import { openDb } from '../../src/db/open-db.ts';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.ts';
import type { TestApp } from '../helpers/test-app.ts';

export interface Twin {
  url: string;
  close(): Promise<void>;
}

/** The twin of a test app on Postgres (`server`: a connection string to the same server), else null. */
export async function startTwin(app: TestApp, server: string | undefined): Promise<Twin | null> {
  if (app.db.kind !== 'pg' || !server) return null;
  const name = (await app.db.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDb({ url: url.toString(), migrate: false });
  const jobs = await createInProcessQueue(db);
  const http = createApp(createAppContext(db, jobs)).listen(0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      await new Promise((r) => http.close(r));
      await jobs.close(100);
      await db.close();
    },
  };
}
