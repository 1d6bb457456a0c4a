/**
 * Per-token rate limits: a token bucket per API token (in this process), refilled at `perSecond` up to `burst`.
 * A request past it is answered 429 (problem+json) with Retry-After in whole seconds; other tokens are not
 * affected. Settings: SHIFTCAST_RATE_LIMIT (requests a second a token, default 50) and SHIFTCAST_RATE_BURST
 * (default 200); 0 turns the limit off.
 */
export interface RateLimiter {
  /** Takes one request's token; null when allowed, else the seconds to wait. */
  take(key: string, now?: number): number | null;
}

export function createRateLimiter(perSecond: number, burst: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = performance.now()) {
      if (perSecond <= 0) return null;
      const b = buckets.get(key) ?? { tokens: burst, at: now };
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
      buckets.set(key, b);
      if (buckets.size > 100_000) buckets.delete(buckets.keys().next().value!);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    },
  };
}

export function rateLimiterFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimiter {
  const perSecond = Number(env.SHIFTCAST_RATE_LIMIT ?? 50);
  const burst = Number(env.SHIFTCAST_RATE_BURST ?? 200);
  return createRateLimiter(Number.isFinite(perSecond) ? perSecond : 50, Number.isFinite(burst) && burst >= 1 ? burst : 200);
}
