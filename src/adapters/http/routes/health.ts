import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and database reachability; needs no key',
  tags: ['service'],
  responses: {
    200: { description: 'Serving', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database does not answer', content: { 'application/json': { schema: Health } } },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const reachable = await deps.store.ping().catch(() => false);
    const body = { status: reachable ? ('ok' as const) : ('degraded' as const), database: { kind: deps.store.kind, reachable } };
    return reachable ? c.json(body, 200) : c.json(body, 503);
  });
}
