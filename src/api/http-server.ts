/**
 * The HTTP server and its own limits against slow clients: one that sends its headers a byte at a time and
 * never finishes them (slowloris) is answered 408 and cut off after `headersMs`; one that declares a body and
 * never completes it, after `requestMs` (the whole request). Each such socket costs a file descriptor until
 * then, never the event loop: other clients are served meanwhile. Idle keep-alive sockets close after
 * `keepAliveMs`.
 *
 * Settings (milliseconds): SHIFTCAST_HEADERS_TIMEOUT_MS (default 20 000), SHIFTCAST_REQUEST_TIMEOUT_MS (default
 * 300 000, Node's own: a large traffic CSV streams in through one request while it is imported) and
 * SHIFTCAST_KEEPALIVE_TIMEOUT_MS (default 5 000).
 */
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 20_000, requestMs: 300_000, keepAliveMs: 5_000 };

export function serverTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerTimeouts {
  const ms = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    headersMs: ms('SHIFTCAST_HEADERS_TIMEOUT_MS', DEFAULT_TIMEOUTS.headersMs),
    requestMs: ms('SHIFTCAST_REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs),
    keepAliveMs: ms('SHIFTCAST_KEEPALIVE_TIMEOUT_MS', DEFAULT_TIMEOUTS.keepAliveMs),
  };
}

/** The server for an app (express or any listener), with the timeouts applied; listen() is the caller's. */
export function createHttpServer(app: RequestListener, timeouts: ServerTimeouts = serverTimeoutsFromEnv()): Server {
  // Node checks for expired requests on this interval (default 30 s): a fourth of the shortest timeout cuts a
  // slow client within 1.25 × its timeout.
  const checkEvery = Math.max(50, Math.min(30_000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4)));
  const server = createServer({
    // A request may not take longer than its headers: Node requires requestTimeout ≥ headersTimeout.
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: checkEvery,
  }, app);
  return server;
}
