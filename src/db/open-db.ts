/** Chooses the transport: Postgres when DATABASE_URL is set, embedded PGlite otherwise. Runs migrations. */
import { resolve } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPgDb } from './pg-db.ts';
import { openPgliteDb } from './pglite-db.ts';

export interface OpenDbOptions {
  /** Postgres connection string; default DATABASE_URL. */
  url?: string;
  /** PGlite directory; default SHIFTCAST_DATA_DIR or ./.shiftcast. "memory" = in memory. */
  dataDir?: string;
  migrate?: boolean;
  /** PGlite only: start from this dumped data directory (dumpPgliteDb) instead of an empty one. */
  template?: Blob;
}

export function dataDirectory(): string {
  return resolve(process.env.SHIFTCAST_DATA_DIR ?? '.shiftcast');
}

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  const url = options.url ?? process.env.DATABASE_URL;
  let db: Db;
  if (url) db = await openPgDb(url);
  else {
    const dir = options.dataDir ?? dataDirectory();
    db = await openPgliteDb(dir === 'memory' ? undefined : dir, { template: options.template });
  }
  if (options.migrate !== false) await migrate(db);
  return db;
}
