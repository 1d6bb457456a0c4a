/** GET /api/openapi.json: the API described from the route declarations themselves. */
import { defineRoute, allRoutes } from '../route.ts';
import { openApiDocument } from '../openapi.ts';

defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This API as an OpenAPI 3.1 document',
  tag: 'system',
  roles: 'public',
  async handler(_input, ctx) {
    return openApiDocument(allRoutes(), ctx.version);
  },
});
