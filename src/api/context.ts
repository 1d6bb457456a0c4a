/**
 * What every route handler gets: storage, jobs, the caller lookup (tokens cached for TOKEN_TTL_MS, and dropped
 * at once when revoked here), a center cache and the per-token rate limiter.
 */
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { getCenter } from '../db/repos/centers.ts';
import { grantedCenters } from '../db/repos/access-grants.ts';
import { userByToken } from '../db/repos/users.ts';
import { NotFoundError } from '../errors.ts';
import type { JobQueue } from '../jobs/types.ts';
import { rateLimiterFromEnv, type RateLimiter } from './rate-limit.ts';
import { ViewCache } from './view-cache.ts';

/** How long a center's revision check is reused (edits through another server show within this). */
const CENTER_CHECK_MS = 1_000;
/** How long a token's lookup is reused: a token revoked (or an S2 grant given or revoked) on another server shows within this. */
const TOKEN_TTL_MS = 5_000;

export interface AppContext {
  db: Db;
  jobs: JobQueue;
  version: string;
  principalFor(token: string): Promise<Principal | null>;
  /** Drops cached token lookups (after a revocation). */
  forgetTokens(): void;
  rateLimiter: RateLimiter;
  /** Counts successful writes through this server: cached views are keyed by it. */
  writes: number;
  views: ViewCache;
  /**
   * A small value read at most once per `ttlMs` and after every write through this server (roster metadata:
   * a hot read asks for it on every request).
   */
  recent<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** The center, validated; 404 when missing. Cached by revision. */
  center(id: string): Promise<Center>;
}

export function createAppContext(db: Db, jobs: JobQueue, version = '0.1.0', rateLimiter: RateLimiter = rateLimiterFromEnv()): AppContext {
  const cache = new Map<string, { revision: number; center: Center; checkedAt: number; writes: number }>();
  const tokens = new Map<string, { at: number; principal: Promise<Principal | null> }>();
  const recents = new Map<string, { at: number; writes: number; value: Promise<unknown> }>();
  const ctx: AppContext = {
    db,
    jobs,
    version,
    rateLimiter,
    writes: 0,
    views: new ViewCache(),
    principalFor(token: string) {
      const now = performance.now();
      const hit = tokens.get(token);
      if (hit && now - hit.at < TOKEN_TTL_MS) return hit.principal;
      const principal = userByToken(db, token).then(async (u) =>
        u ? { userId: u.id, role: u.role, centerId: u.centerId, agentId: u.agentId, name: u.name, tokenId: u.tokenId, readCenters: await grantedCenters(db, u.id) } : null);
      tokens.set(token, { at: now, principal });
      principal.catch(() => tokens.delete(token));
      if (tokens.size > 10_000) tokens.delete(tokens.keys().next().value!);
      return principal;
    },
    forgetTokens() {
      tokens.clear();
    },
    recent<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const now = performance.now();
      const hit = recents.get(key);
      if (hit && now - hit.at < ttlMs && hit.writes === ctx.writes) return hit.value as Promise<T>;
      const value = load();
      recents.set(key, { at: now, writes: ctx.writes, value });
      value.catch(() => recents.delete(key));
      if (recents.size > 5_000) recents.delete(recents.keys().next().value!);
      return value;
    },
    async center(id: string) {
      // The revision is asked at most once a second, and after any write through this server.
      const known = cache.get(id);
      if (known && performance.now() - known.checkedAt < CENTER_CHECK_MS && known.writes === ctx.writes) return known.center;
      const r = await db.query<{ revision: number }>('SELECT revision FROM centers WHERE id = $1', [id]);
      const revision = r.rows[0]?.revision;
      if (revision === undefined) throw new NotFoundError(`center "${id}" not found`);
      const hit = cache.get(id);
      if (hit && hit.revision === revision) {
        Object.assign(hit, { checkedAt: performance.now(), writes: ctx.writes });
        return hit.center;
      }
      const center = await getCenter(db, id);
      if (!center) throw new NotFoundError(`center "${id}" not found`);
      cache.set(id, { revision, center, checkedAt: performance.now(), writes: ctx.writes });
      return center;
    },
  };
  return ctx;
}
