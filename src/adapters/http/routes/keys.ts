import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ROLES } from '../../../ports/store.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { IdParam, commonErrors, conflictError, notFoundError, security } from '../schemas/common.ts';

export const ApiKeySchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().openapi({ description: 'First characters of the key, safe to show' }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const CreateKey = z
  .object({
    owner: z.string().trim().min(1).max(200).openapi({ description: 'Person or system holding the key', example: 'j.doe@example.com' }),
    role: z.enum(ROLES),
  })
  .strict();

const create = createRoute({
  method: 'post',
  path: '/v1/keys',
  summary: 'Create an API key (the secret is returned once)',
  tags: ['keys'],
  security,
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateKey } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: z.object({ key: z.string(), record: ApiKeySchema }) } } },
    ...commonErrors,
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/keys',
  summary: 'List API keys (never the secrets)',
  tags: ['keys'],
  security,
  middleware: [requireRole('admin')] as const,
  responses: {
    200: { description: 'Keys', content: { 'application/json': { schema: z.object({ items: z.array(ApiKeySchema) }) } } },
    ...commonErrors,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/v1/keys/{id}',
  summary: 'Revoke an API key',
  tags: ['keys'],
  security,
  middleware: [requireRole('admin')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'Revoked', content: { 'application/json': { schema: z.object({ revoked: z.literal(true), id: z.string() }) } } },
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

export function registerKeyRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    // The store writes the key.created audit event, attributed to the caller.
    const created = await deps.store.keys.create({ ...input, actor: c.get('principal').owner });
    return c.json({ key: created.key, record: created.record }, 201);
  });

  app.openapi(list, async (c) => c.json({ items: [...(await deps.store.keys.list())] }, 200));

  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    if (id === c.get('principal').keyId) throw problem('conflict', 'a key cannot revoke itself; use another admin key', { field: 'id' });
    const revoked = await deps.store.keys.revoke(id, c.get('principal').owner);
    if (!revoked) throw problem('not_found', `no active API key with id ${id}`, { field: 'id' });
    return c.json({ revoked: true as const, id }, 200);
  });
}
