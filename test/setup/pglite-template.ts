/**
 * Vitest global setup: one embedded database with every migration applied, dumped once per run to a temporary
 * file, so each test's in-memory PGlite starts from a copy instead of running initdb in WebAssembly (seconds
 * each, over a hundred times a run). The tests still run every query on a real PGlite; the migrations still run
 * from empty here, once a run, and on every throw-away PostgreSQL database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db/open-db.ts';
import { dumpPgliteDb } from '../../src/db/pglite-db.ts';
import { PGLITE_TEMPLATE_ENV } from '../helpers/databases.ts';

/** The file goes to the workers through the environment (they start after this), so helpers need no vitest import. */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-pglite-template-'));
  const file = join(dir, 'migrated.tar');
  const db = await openDb({ url: '', dataDir: 'memory' });
  try {
    writeFileSync(file, Buffer.from(await (await dumpPgliteDb(db)).arrayBuffer()));
  } finally {
    await db.close();
  }
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
