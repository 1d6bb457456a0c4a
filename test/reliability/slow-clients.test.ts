/**
 * Abuse refused at the socket: slowloris clients (headers a byte at a time, never finished) and slow-body
 * clients (a declared body that never completes) are answered 408 and cut off by the server's own timeouts
 * (src/api/http-server.ts, the same function `shiftcast serve` uses), while other clients are served; an idle
 * keep-alive connection is closed. A token bursting past its rate limit gets 429 with Retry-After while another
 * token is served at the same time. Every wait is for an event (a socket's 'close', a response), never a clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { startSlowServer, type SlowServer } from './slow-server.ts';
import { idleKeepAlive, slowBody, slowHeaders } from './slow-sockets.ts';

/** Short, so the test is quick; the test waits for the server to act, whenever it does. */
const TIMEOUTS = { headersMs: 1_000, requestMs: 2_000, keepAliveMs: 1_000 };

let server: SlowServer;
beforeAll(async () => {
  server = await startSlowServer(TIMEOUTS);
});
afterAll(() => server.close());

const me = (token: string) => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

describe('slow clients', () => {
  it('slowloris and slow-body sockets are answered 408 and closed by the server; others are served meanwhile', async () => {
    const slow = [slowHeaders(server.port), slowHeaders(server.port), slowHeaders(server.port),
      slowBody(server.port, server.tokens.admin), slowBody(server.port, server.tokens.admin), slowBody(server.port, server.tokens.admin)];
    await Promise.all(slow.map((c) => c.started));
    let allClosed = false;
    const ends = Promise.all(slow.map((c) => c.closed)).then((e) => {
      allClosed = true;
      return e;
    });
    // Another client keeps asking until the server has cut every slow one off.
    const statuses: number[] = [];
    let whileAllHung = 0;
    while (!allClosed) {
      const res = await me(server.tokens.other);
      statuses.push(res.status);
      await res.arrayBuffer();
      if (slow.every((c) => c.open())) whileAllHung++;
    }
    for (const end of await ends) {
      expect(end.byServer).toBe(true);
      expect(end.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    }
    expect(whileAllHung).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('an idle keep-alive connection is closed by the server after its answer', async () => {
    const end = await idleKeepAlive(server.port).closed;
    expect(end.byServer).toBe(true);
    expect(end.statusLine).toBe('HTTP/1.1 200 OK');
  });
});

describe('a token bursting past its rate limit', () => {
  it('gets 429 problem+json with Retry-After while another token at the same time is served', async () => {
    // A burst of 10, refilled at one request per 100 s: nothing refills during the test, however slow it runs.
    server.limit(createRateLimiter(0.01, 10));
    const [burst, others] = await Promise.all([
      Promise.all(Array.from({ length: 25 }, () => me(server.tokens.abuser))),
      Promise.all(Array.from({ length: 10 }, () => me(server.tokens.other))),
    ]);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = burst.filter((r) => r.status === 429);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect((await r.json()).type).toBe('/problems/rate-limited');
    }
    expect(others.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('refuses past the limit before reading the body: a malformed body is a 429, not a 400', async () => {
    const put = (token: string) => fetch(`${server.url}/api/centers/${server.center}/special-days`, {
      method: 'PUT', body: '[{"date": ', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect((await put(server.tokens.abuser)).status).toBe(429);
    // Near miss: a token with requests left (the admin's, unused since the limit) has its body read — and refused as JSON.
    expect((await put(server.tokens.admin)).status).toBe(400);
  });
});
