/**
 * Reading a roster version as its caller may see it: filtered (days, team, person, fields) and paged, built
 * once per version revision, caller scope and filter, and kept ready to send — the JSON bytes, their gzip and
 * an ETag — so repeated reads cost a lookup and a conditional GET costs nothing (304). A burst of identical
 * reads builds once (the build in flight is shared). Scope: a person sees what their role allows; an agent or
 * lead gets only the violations about people they may see, not the center's.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { canSeeAgent, type Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import type { RosterMeta } from '../db/repos/rosters.ts';
import { rosterIndex, versionKey } from './roster-index.ts';

const gzipAsync = promisify(gzip);

export const DEFAULT_PAGE = 500;
export const MAX_PAGE = 10_000;
/** Built reads kept (bytes); the oldest go first. */
const CACHE_BYTES = 96 << 20;

export interface RosterReadQuery {
  agent?: string;
  team?: string;
  from?: string;
  to?: string;
  fields: Array<'assignments' | 'violations'>;
  limit: number;
  offset: number;
}

export interface BuiltRead {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

const cache = new Map<string, Promise<BuiltRead>>();
const sizes = new Map<string, number>();
let cachedBytes = 0;

function remember(key: string, read: Promise<BuiltRead>): Promise<BuiltRead> {
  cache.set(key, read);
  read.then((r) => {
    if (!cache.has(key)) return;
    const size = r.json.length + r.gzip.length;
    sizes.set(key, size);
    cachedBytes += size;
    for (const [k] of cache) {
      if (cachedBytes <= CACHE_BYTES) break;
      cachedBytes -= sizes.get(k) ?? 0;
      sizes.delete(k);
      cache.delete(k);
    }
  }, () => cache.delete(key));
  return read;
}

/** Who sees what: center-wide roles everything; others the people of their teams (and themselves). */
function scopeKey(p: Principal): string {
  return `${p.role}:${p.agentId ?? ''}:${p.centerId ?? ''}`;
}

const mayReadCenterViolations = (p: Principal) => p.role !== 'agent' && p.role !== 'lead';

async function build(db: Queryable, center: Center, meta: RosterMeta, principal: Principal, q: RosterReadQuery): Promise<BuiltRead> {
  const index = await rosterIndex(db, meta, center.timezone);
  const teamOf = new Map(center.agents.map((a) => [a.id, a.team]));
  const inFilter = (agent: string | undefined) =>
    agent === undefined ? !q.agent && !q.team : (!q.agent || agent === q.agent) && (!q.team || teamOf.get(agent) === q.team);
  const inDays = (date: string | undefined) => !date || ((!q.from || date >= q.from) && (!q.to || date <= q.to));
  const visible = new Map<string, boolean>();
  const sees = (agent: string) => visible.get(agent) ?? visible.set(agent, canSeeAgent(principal, center, agent)).get(agent)!;
  const body: Record<string, unknown> = { ...meta, center: meta.centerId };
  if (q.fields.includes('assignments')) {
    const all = index.assignments.filter((a) => inFilter(a.agent) && inDays(a.date) && sees(a.agent));
    body.assignments = all.slice(q.offset, q.offset + q.limit);
    body.page = { offset: q.offset, limit: q.limit, total: all.length, next: q.offset + q.limit < all.length ? q.offset + q.limit : null };
  }
  if (q.fields.includes('violations')) {
    body.violations = index.violations.filter((v) =>
      (v.agent ? sees(v.agent) : mayReadCenterViolations(principal)) && inFilter(v.agent) && inDays(v.date));
  }
  const json = Buffer.from(JSON.stringify(body));
  const etag = `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`;
  return { etag, json, gzip: await gzipAsync(json) };
}

/** The read, from the cache when this revision, scope and filter were built before. */
export function rosterRead(db: Queryable, center: Center, meta: RosterMeta, principal: Principal, q: RosterReadQuery): Promise<BuiltRead> {
  const key = [versionKey(meta), scopeKey(principal), q.agent ?? '', q.team ?? '', q.from ?? '', q.to ?? '', q.fields.join(','), q.limit, q.offset].join('|');
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  return remember(key, build(db, center, meta, principal, q));
}
