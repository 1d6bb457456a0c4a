/**
 * The embedded PGlite transport: Postgres compiled to WebAssembly, in this process. Data lives in a directory
 * (or in memory for tests). PGlite is single-process, so the directory is locked: a second process refuses to
 * open it instead of corrupting it (DESIGN.md pitfalls).
 */
import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { ValidationError } from '../errors.ts';
import type { Db, Queryable, QueryResult, TransactionOptions } from './db.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock file; returns a release function. */
function lockDirectory(dir: string): () => void {
  const file = join(dir, 'shiftcast.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new ValidationError(
          `the data directory ${dir} is in use by process ${holder}; PGlite allows one process at a time (set DATABASE_URL to share a Postgres server)`,
        );
      }
      unlinkSync(file); // stale lock of a process that is gone
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/**
 * template: a data directory dumped earlier (PGlite dumpDataDir) to start from instead of running initdb, which
 * takes seconds in WebAssembly (the test suite opens one migrated template per run, then a copy per test app).
 */
const pgliteOf = new WeakMap<Db, PGlite>();

export async function openPgliteDb(dataDir?: string, options: { template?: Blob } = {}): Promise<Db> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDirectory(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ? join(dataDir, 'pgdata') : undefined, { parsers, ...(options.template ? { loadDataDir: options.template } : {}) });
  } catch (e) {
    release();
    throw e;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const top = wrap(pg);
  const db: Db = {
    kind: 'pglite',
    query: top.query,
    exec: top.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      // PGlite runs one transaction at a time, so serialization failures cannot occur; the level is still set.
      return pg.transaction(async (tx) => {
        if (options.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
        return fn(wrap(tx));
      });
    },
    async close() {
      await pg.close();
      release();
    },
  };
  pgliteOf.set(db, pg);
  return db;
}

/** The data directory of an open embedded database as one uncompressed archive (for openPgliteDb's template). */
export async function dumpPgliteDb(db: Db): Promise<Blob> {
  const pg = pgliteOf.get(db);
  if (!pg) throw new Error('not an embedded (PGlite) database');
  return pg.dumpDataDir('none');
}
