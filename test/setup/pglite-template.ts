/**
 * Vitest global setup: one embedded database with every migration applied, dumped once per run to a temporary
 * file, so each test's in-memory PGlite starts from a copy instead of running initdb in WebAssembly (seconds
 * each, over a hundred times a run). The tests still run every query on a real PGlite; test/db/migrate tests
 * still migrate from empty.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/db/open-db.ts';
import { dumpPgliteDb } from '../../src/db/pglite-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template's file (an uncompressed PGlite data directory archive). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-pglite-template-'));
  const file = join(dir, 'migrated.tar');
  const db = await openDb({ url: '', dataDir: 'memory' });
  try {
    writeFileSync(file, Buffer.from(await (await dumpPgliteDb(db)).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
