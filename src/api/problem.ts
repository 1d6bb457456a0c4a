/**
 * Errors as application/problem+json (RFC 9457): type, title, status, detail, and rule/errors[] where relevant.
 * The one place that maps the error family of src/errors.ts to HTTP.
 */
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { AppError, RateLimitedError } from '../errors.ts';
import { log } from '../log.ts';
import { zodProblems } from '../domain/center-loader.ts';

/**
 * Connection-level failures of Postgres or Redis (not a bad query): answered 503, not 500. SQLSTATE classes 08
 * (connection exception) and 57P (operator intervention: shutdown, restart, terminated backend), and the
 * driver's own words for a connection that went away.
 */
function isStorageDown(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error)?.message ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '53300'].includes(code) || /^(08|57P)/.test(code)
    || /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|not queryable|terminating connection|database system is/i.test(message);
}

export function problemBody(e: AppError, requestId?: string) {
  return {
    type: `/problems/${e.type}`,
    title: e.title,
    status: e.status,
    detail: e.message,
    ...(e.rule ? { rule: e.rule } : {}),
    ...(e.errors.length > 0 ? { errors: e.errors } : {}),
    ...e.extra,
    ...(requestId ? { requestId } : {}),
  };
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const requestId = res.locals.requestId as string | undefined;
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof z.ZodError) e = new AppError(400, 'validation', 'Invalid input', 'the request is invalid', zodProblems(err));
  else if ((err as { type?: string }).type === 'entity.parse.failed') {
    e = new AppError(400, 'validation', 'Invalid input', `the body is not valid JSON: ${(err as Error).message}`);
  } else if ((err as { type?: string }).type === 'request.aborted') {
    // The client left mid-body, or was cut off for sending it too slowly (api/http-server.ts): its doing, not ours.
    log.info('request body not completed', { requestId, method: req.method, path: req.path });
    e = new AppError(400, 'aborted', 'Request aborted', 'the request body did not arrive in full');
  } else if ((err as { type?: string }).type === 'entity.too.large') {
    e = new AppError(413, 'too-large', 'Payload too large', (err as Error).message);
  } else if (isStorageDown(err)) {
    e = new AppError(503, 'unavailable', 'Service unavailable', 'the database is unavailable; try again shortly');
  } else {
    log.error('unhandled error', { requestId, method: req.method, path: req.path, error: (err as Error).stack ?? String(err) });
    e = new AppError(500, 'internal', 'Internal error', 'an unexpected error occurred; the request id identifies it in the logs');
  }
  if (e instanceof RateLimitedError) res.set('Retry-After', String(e.retryAfterSeconds));
  res.status(e.status).type('application/problem+json').send(JSON.stringify(problemBody(e, requestId)));
};
