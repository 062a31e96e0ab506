import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../middleware/auth.ts';
import { Json, PageQuery, commonErrors, security } from '../schemas/common.ts';

const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    details: Json,
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

const instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-27T00:00:00Z' });

const query = createRoute({
  method: 'get',
  path: '/v1/audit/events',
  summary: 'Query the audit trail, oldest first',
  tags: ['audit'],
  security,
  middleware: [requireRole('officer')] as const,
  request: {
    query: z.object({
      actor: z.string().max(200).optional(),
      action: z.string().max(100).optional().openapi({ example: 'determination.created' }),
      subject: z.string().max(200).optional(),
      from: instant.optional(),
      until: instant.optional(),
      ...PageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of events', content: { 'application/json': { schema: z.object({ items: z.array(AuditEventSchema), next: z.string().nullable() }) } } },
    ...commonErrors,
  },
});

const Verification = z
  .object({
    ok: z.boolean(),
    events: z.number().int(),
    lastHash: z.string().optional(),
    brokenAt: z.number().int().optional(),
    reason: z.enum(['content-hash-mismatch', 'prev-hash-mismatch', 'sequence-gap']).optional(),
    expected: z.string().optional(),
    found: z.string().optional(),
  })
  .openapi('AuditVerification');

const verify = createRoute({
  method: 'get',
  path: '/v1/audit/verify',
  summary: 'Recompute the hash chain and report the first broken link',
  tags: ['audit'],
  security,
  middleware: [requireRole('officer')] as const,
  responses: {
    200: { description: 'Chain checked (see `ok`)', content: { 'application/json': { schema: Verification } } },
    ...commonErrors,
  },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(query, async (c) => {
    const q = c.req.valid('query');
    const page = await deps.store.audit.query({
      ...(q.actor === undefined ? {} : { actor: q.actor }),
      ...(q.action === undefined ? {} : { action: q.action }),
      ...(q.subject === undefined ? {} : { subject: q.subject }),
      ...(q.from === undefined ? {} : { from: new Date(q.from).toISOString() }),
      ...(q.until === undefined ? {} : { until: new Date(q.until).toISOString() }),
      limit: q.limit ?? 50,
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    return c.json({ items: [...page.items], next: page.next }, 200);
  });

  app.openapi(verify, async (c) => c.json(await deps.store.audit.verify(), 200));
}
