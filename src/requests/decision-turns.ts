/**
 * Turns per decision key and connection pool: decisions that would wait on the same decision lock rows
 * (request_locks, SELECT … FOR UPDATE) wait for their turn here, in memory, before they take a connection
 * of the pool. Without this, 30 parallel approvals of one supervisor's day each held a connection while
 * Postgres made them wait on the row lock: the pool (10) ran dry and the rest, like any other request of the
 * server, timed out waiting for a connection (503). The row locks stay the guarantee between processes (and
 * pools); this only keeps one connection per key busy in each pool. Keys are taken in sorted order, as the
 * row locks are, so two decisions cannot wait on each other; no database lock is held while waiting here.
 */
import type { Db } from '../db/db.ts';

const tailsOf = new WeakMap<Db, Map<string, Promise<void>>>();

/** Waits for the key's turn; resolves to the function that ends it. */
function turn(tails: Map<string, Promise<void>>, key: string): Promise<() => void> {
  const before = tails.get(key) ?? Promise.resolve();
  let end!: () => void;
  const mine = new Promise<void>((resolve) => (end = resolve));
  const tail = before.then(() => mine);
  tails.set(key, tail);
  return before.then(() => () => {
    end();
    if (tails.get(key) === tail) tails.delete(key);
  });
}

/** Runs fn once no other decision of this pool runs on any of the keys (of one center). */
export async function inTurn<T>(db: Db, centerId: string, keys: readonly string[], fn: () => Promise<T>): Promise<T> {
  const tails = tailsOf.get(db) ?? tailsOf.set(db, new Map()).get(db)!;
  const ends: Array<() => void> = [];
  try {
    for (const key of [...new Set(keys)].sort()) ends.push(await turn(tails, `${centerId}\u0000${key}`));
    return await fn();
  } finally {
    for (const end of ends.reverse()) end();
  }
}
