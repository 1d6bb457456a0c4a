/**
 * The storage interface. Two transports implement it with the same SQL: node-postgres on a real server
 * (DATABASE_URL) and embedded PGlite (the zero-setup default). Repositories take a Queryable, so they run the
 * same inside or outside a transaction.
 */

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  isolation?: Isolation;
  /** Retries on serialization failure / deadlock (SQLSTATE 40001 / 40P01); default 5 for serializable. */
  retries?: number;
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /** Runs fn in one transaction on one connection; commits on success, rolls back on any error. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATEs worth retrying a whole transaction for. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '40001' || code === '40P01';
}
