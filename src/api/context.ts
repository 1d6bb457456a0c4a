/** What every route handler gets: storage, jobs, the caller lookup and a center cache. */
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { getCenter } from '../db/repos/centers.ts';
import { userByToken } from '../db/repos/users.ts';
import { NotFoundError } from '../errors.ts';
import type { JobQueue } from '../jobs/types.ts';

export interface AppContext {
  db: Db;
  jobs: JobQueue;
  version: string;
  principalFor(token: string): Promise<Principal | null>;
  /** The center, validated; 404 when missing. Cached by revision. */
  center(id: string): Promise<Center>;
}

export function createAppContext(db: Db, jobs: JobQueue, version = '0.1.0'): AppContext {
  const cache = new Map<string, { revision: number; center: Center }>();
  return {
    db,
    jobs,
    version,
    async principalFor(token: string) {
      const u = await userByToken(db, token);
      return u ? { userId: u.id, role: u.role, centerId: u.centerId, agentId: u.agentId, name: u.name, tokenId: u.tokenId } : null;
    },
    async center(id: string) {
      const r = await db.query<{ revision: number }>('SELECT revision FROM centers WHERE id = $1', [id]);
      const revision = r.rows[0]?.revision;
      if (revision === undefined) throw new NotFoundError(`center "${id}" not found`);
      const hit = cache.get(id);
      if (hit && hit.revision === revision) return hit.center;
      const center = await getCenter(db, id);
      if (!center) throw new NotFoundError(`center "${id}" not found`);
      cache.set(id, { revision, center });
      return center;
    },
  };
}
