/**
 * Storage targets for the suites that must pass on both transports: embedded PGlite (always) and a real
 * Postgres server when TEST_DATABASE_URL is set (CI sets it). Each Postgres target gets a fresh throw-away
 * database, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Db } from '../../src/db/db.ts';
import { openDb } from '../../src/db/open-db.ts';

export interface StorageTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Db; url?: string; drop(): Promise<void> }>;
}

const serverUrl = process.env.TEST_DATABASE_URL;
/** Set by the suite's global setup to the migrated PGlite template's file. */
export const PGLITE_TEMPLATE_ENV = 'SHIFTCAST_TEST_PGLITE_TEMPLATE';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let template: Blob | undefined;
/**
 * The suite's migrated template (test/setup/pglite-template.ts names its file in PGLITE_TEMPLATE_ENV), read once
 * per worker; outside the suite (bench/faults) none, and the database is made and migrated from empty.
 */
function pgliteTemplate(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (file) template ??= new Blob([readFileSync(file)]);
  return template;
}

export const pgliteTarget: StorageTarget = {
  name: 'pglite',
  async open() {
    // Migrations still run (and find nothing pending), as on any start.
    const db = await openDb({ url: '', dataDir: 'memory', template: pgliteTemplate() });
    return { db, drop: () => db.close() };
  },
};

export const postgresTarget: StorageTarget = {
  name: 'postgres',
  async open() {
    const name = `shiftcast_test_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const db = await openDb({ url: url.toString() });
    return {
      db,
      url: url.toString(),
      async drop() {
        await db.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  },
};

/** PGlite always; Postgres when TEST_DATABASE_URL is set (and a note when it is not). */
export function storageTargets(suite: string): StorageTarget[] {
  if (!serverUrl) {
    console.warn(`[${suite}] TEST_DATABASE_URL is not set: the real-Postgres half of this suite is not run (CI runs it)`);
    return [pgliteTarget];
  }
  return [pgliteTarget, postgresTarget];
}

export const hasPostgres = !!serverUrl;
export const redisUrl = process.env.TEST_REDIS_URL;
