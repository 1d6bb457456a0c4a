/**
 * Views that many people read and few change (today's intraday picture): built once and kept ready to send
 * (JSON, gzip, ETag) until the key changes — the caller puts the interval tick and the server's write
 * generation (any successful write through this server) in it — or `ttlMs` passes (writes made on other
 * servers; the old view is answered while the new one builds). A burst of identical reads builds once.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Prebuilt } from './send-built.ts';

const gzipAsync = promisify(gzip);
const MAX_ENTRIES = 500;

export async function prebuild(value: unknown): Promise<Prebuilt> {
  const json = Buffer.from(JSON.stringify(value ?? null));
  return { json, gzip: await gzipAsync(json), etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"` };
}

export class ViewCache {
  private entries = new Map<string, { at: number; built: Promise<Prebuilt> }>();

  /**
   * The view for `key`. Past `ttlMs` the last one built is still answered while its replacement is built in the
   * background (stale-while-revalidate: a reader never waits for the refresh of a view it already has); a new
   * key — a new tick, a write — is built before it is answered.
   */
  get(key: string, ttlMs: number, build: () => Promise<unknown>): Promise<Prebuilt> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.built;
    const built = build().then(prebuild);
    const entry = { at: now, built };
    if (hit) {
      // Refresh: keep answering the old one until the new one is ready.
      hit.at = now;
      built.then(() => this.entries.set(key, entry), () => undefined);
      return hit.built;
    }
    this.entries.set(key, entry);
    built.catch(() => this.entries.delete(key));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return built;
  }
}
