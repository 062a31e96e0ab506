import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JOB_KINDS } from '../../../ports/store.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { IdParam, Json, PageQuery, commonErrors, notFoundError, security } from '../schemas/common.ts';

const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    params: Json,
    done: z.number().int(),
    total: z.number().int().nullable(),
    checkpoint: Json,
    result: Json.nullable(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

const get = createRoute({
  method: 'get',
  path: '/v1/jobs/{id}',
  summary: 'A job and its progress (done / total)',
  tags: ['jobs'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } },
    ...commonErrors,
    ...notFoundError,
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/jobs',
  summary: 'List jobs with their progress',
  tags: ['jobs'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { query: z.object({ kind: z.enum(JOB_KINDS).optional(), status: z.enum(JOB_STATUSES).optional(), ...PageQuery }) },
  responses: {
    200: { description: 'A page of jobs', content: { 'application/json': { schema: z.object({ items: z.array(JobSchema), next: z.string().nullable() }) } } },
    ...commonErrors,
  },
});

export function registerJobRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const job = await deps.store.jobs.get(id);
    if (job === null) throw problem('not_found', `no job with id ${id}`, { field: 'id' });
    return c.json(job, 200);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await deps.store.jobs.list({
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(q.status === undefined ? {} : { status: q.status }),
      limit: q.limit ?? 50,
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    return c.json({ items: [...page.items], next: page.next }, 200);
  });
}
