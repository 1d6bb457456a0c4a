/**
 * The node-postgres transport. Transactions run on one checked-out client (never through pool.query); the pool,
 * and each client while checked out, have an error listener so a server restart does not crash the process
 * (DESIGN.md pitfalls).
 */
import pg from 'pg';
import { log } from '../log.ts';
import { isRetryable, type Db, type Queryable, type QueryResult, type TransactionOptions } from './db.ts';

// Return bigint ids and counts as numbers, dates as "YYYY-MM-DD" text (both fit our ranges).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

function wrap(client: pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPgDb(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.SHIFTCAST_PG_POOL ?? 10), connectionTimeoutMillis: 5000 });
  pool.on('error', (err) => log.error('postgres pool error', { error: err.message }));
  const probe = await pool.connect(); // fail fast with a clear error when the server is unreachable
  probe.release();
  return {
    kind: 'pg',
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await pool.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const isolation = options.isolation ?? 'read committed';
      const retries = options.retries ?? (isolation === 'serializable' ? 8 : 0);
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        // A checked-out client's connection can die (server restart, terminated backend): pg then emits 'error'
        // on the client, which would crash the process unheard. The failing query rejects as well; the client is
        // thrown away on release instead of going back to the pool.
        let broken: Error | undefined;
        const onError = (err: Error) => {
          broken = err;
          log.warn('postgres connection lost inside a transaction', { error: err.message });
        };
        client.on('error', onError);
        try {
          await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < retries && isRetryable(e)) {
            await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
            continue;
          }
          throw e;
        } finally {
          client.off('error', onError);
          client.release(broken);
        }
      }
    },
    async close() {
      await pool.end();
    },
  };
}
