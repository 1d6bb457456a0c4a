/** The OpenAPI 3.1 document, generated from the same route declarations and zod schemas the server uses. */
import { z } from 'zod';
import type { RouteSpec } from './route.ts';

function schemaOf(schema: z.ZodType | undefined, io: 'input' | 'output'): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function parameters(spec: RouteSpec<any, any, any>) {
  const out: Array<Record<string, unknown>> = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] } | undefined;
    for (const [name, s] of Object.entries(json?.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json?.required ?? []).includes(name), schema: s });
    }
  };
  add(spec.params, 'path');
  add(spec.query, 'query');
  return out;
}

export function openApiDocument(routes: readonly RouteSpec<any, any, any>[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      parameters: parameters(spec),
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'success',
          ...(spec.response ? { content: { 'application/json': { schema: schemaOf(spec.response, 'output') } } } : {}),
        },
        default: { description: 'a problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
      'x-roles': spec.roles,
    };
    if (spec.roles !== 'public') op.security = [{ bearer: [] }];
    if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } };
    else if (spec.streamBody) {
      op.requestBody = { required: true, content: Object.fromEntries(spec.streamBody.map((t) => [t, { schema: { type: 'string' } }])) };
    }
    (paths[path] ??= {})[spec.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ShiftCast API', version, description: 'Workforce management for call centers: forecasts, staffing, rosters, intraday.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            rule: { type: 'string', description: 'MANUAL.md rule id that decided' },
            errors: { type: 'array', items: { type: 'object', properties: { where: { type: 'string' }, message: { type: 'string' }, rule: { type: 'string' } } } },
            requestId: { type: 'string' },
          },
        },
      },
    },
    paths,
  };
}
