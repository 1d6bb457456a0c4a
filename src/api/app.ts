/**
 * The express 5 application: request ids, one structured log line per request, the declared routes, the
 * dashboard's static files, and problem+json for every error.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { NotFoundError } from '../errors.ts';
import { log } from '../log.ts';
import type { AppContext } from './context.ts';
import { problemHandler } from './problem.ts';
import { mountRoutes } from './route.ts';
import './routes/index.ts';

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((req, res, next) => {
    const requestId = (req.get('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.locals.requestId = requestId;
    res.set('x-request-id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      const principal = res.locals.principal as { userId?: number; role?: string } | undefined;
      log.info('request', {
        requestId, method: req.method, path: req.path, status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10, user: principal?.userId, role: principal?.role,
      });
    });
    next();
  });
  const api = express.Router();
  mountRoutes(api, ctx);
  app.use(api);
  app.use('/api', (req, _res, next) => next(new NotFoundError(`no route ${req.method} ${req.originalUrl}`)));
  app.use('/vendor/chart.js', express.static(fileURLToPath(new URL('../../node_modules/chart.js/dist/', import.meta.url))));
  app.use(express.static(WEB_DIR, { index: 'index.html' }));
  app.use(problemHandler);
  return app;
}
