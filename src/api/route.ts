/**
 * Declarative routes: each names its method, path, the roles it allows and zod schemas for params, query and
 * body. One declaration mounts the express handler (auth, parsing, role check) and feeds the OpenAPI document,
 * so the docs cannot drift from what the server accepts.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { UserRole } from '../auth/roles.ts';
import { ForbiddenError, RateLimitedError, UnauthorizedError, ValidationError } from '../errors.ts';
import { zodProblems } from '../domain/center-loader.ts';
import type { AppContext } from './context.ts';

type AnyObject = z.ZodType<Record<string, unknown>>;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  req: Request;
  res: Response;
}

export interface RouteSpec<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed; "public" needs no token. */
  roles: readonly UserRole[] | 'public';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** JSON body schema. Unknown fields are dropped (the caller cannot set status, approvedBy, …). */
  body?: z.ZodType<B>;
  /** The body is read as a stream by the handler (e.g. CSV upload); listed content types go in the docs. */
  streamBody?: string[];
  /** Response schema for the docs. */
  response?: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  handler(input: RouteInput<P, Q, B>, ctx: AppContext): Promise<unknown>;
}

const registry: RouteSpec<any, any, any>[] = [];

export function defineRoute<P = Record<string, string>, Q = Record<string, unknown>, B = unknown>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  registry.push(spec);
  return spec;
}

export function allRoutes(): readonly RouteSpec<any, any, any>[] {
  return registry;
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return value as T;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const errors = zodProblems(r.error, [part]);
    throw new ValidationError(`invalid ${part}: ${errors.map((e) => `${e.where} ${e.message}`).join('; ')}`, errors);
  }
  return r.data;
}

async function authenticate(req: Request, ctx: AppContext): Promise<Principal | null> {
  const header = req.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new UnauthorizedError('the Authorization header must be "Bearer <token>"');
  const p = await ctx.principalFor(m[1]);
  if (!p) throw new UnauthorizedError('unknown or revoked token');
  return p;
}

const jsonBody = express.json({ limit: '10mb' });

export function mountRoutes(router: Router, ctx: AppContext, routes: readonly RouteSpec<any, any, any>[] = registry): void {
  for (const spec of routes) {
    // Who may call, first: a caller without a token, of another role or past their rate limit is answered
    // before the server reads (up to 10 MB of) their body.
    const gate: express.RequestHandler = async (req, res, next) => {
      const principal = await authenticate(req, ctx);
      if (spec.roles !== 'public') {
        if (!principal) throw new UnauthorizedError();
        if (!spec.roles.includes(principal.role)) {
          throw new ForbiddenError(`role "${principal.role}" may not ${spec.method.toUpperCase()} ${spec.path} (allowed: ${spec.roles.join(', ')})`);
        }
      }
      res.locals.principal = principal;
      if (principal) {
        const wait = ctx.rateLimiter.take(`token:${principal.tokenId}`);
        if (wait !== null) throw new RateLimitedError(wait);
      }
      next();
    };
    const handlers: express.RequestHandler[] = [gate];
    if (spec.body) handlers.push(jsonBody);
    handlers.push(async (req, res) => {
      const found = res.locals.principal as Principal | null;
      // S2: a grant lets its holder read another center, never change it.
      const principal = found && spec.method !== 'get' && found.readCenters?.length ? { ...found, readCenters: [] } : found;
      const input: RouteInput<unknown, unknown, unknown> = {
        params: parsePart(spec.params as AnyObject | undefined, req.params, 'params'),
        query: parsePart(spec.query as AnyObject | undefined, req.query, 'query'),
        body: spec.body ? parsePart(spec.body, req.body, 'body') : undefined,
        principal: principal as Principal,
        req,
        res,
      };
      const result = await spec.handler(input, ctx);
      if (spec.method !== 'get') ctx.writes++;
      if (res.headersSent) return;
      res.status(res.statusCode !== 200 ? res.statusCode : (spec.status ?? 200)).json(result ?? null);
    });
    router[spec.method](spec.path, ...handlers);
  }
}
