import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LIST_CODES } from '../../../core/screening/types.ts';
import type { AlertStatus } from '../../../ports/store.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { Json, PageQuery, commonErrors, conflictError, notFoundError, security } from '../schemas/common.ts';
import { ALL_REASON_CODES, REASON_CODES, reasonFits } from '../schemas/review.ts';

const ALERT_STATUSES = ['open', 'pending-review', 'cleared', 'confirmed', 'escalated'] as const satisfies readonly AlertStatus[];
const ACTIONS = ['clear', 'confirm', 'escalate'] as const;

export const AlertSchema = z
  .object({
    id: z.string(),
    subjectKey: z.string(),
    subject: Json,
    list: z.enum(LIST_CODES),
    sourceId: z.string(),
    entryFingerprint: z.string(),
    listVersionId: z.string().nullable(),
    score: z.number(),
    match: Json,
    jobId: z.string().nullable(),
    status: z.enum(ALERT_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Alert');

const ReviewSchema = z
  .object({
    id: z.string(),
    alertId: z.string(),
    action: z.enum(ACTIONS),
    reasonCode: z.string(),
    note: z.string(),
    requestedBy: z.string(),
    reviewedBy: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'rejected']),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('Review');

const list = createRoute({
  method: 'get',
  path: '/v1/alerts',
  summary: 'List screening alerts',
  tags: ['alerts'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: {
    query: z.object({
      status: z.enum(ALERT_STATUSES).optional(),
      subjectKey: z.string().max(500).optional(),
      list: z.enum(LIST_CODES).optional(),
      ...PageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of alerts', content: { 'application/json': { schema: z.object({ items: z.array(AlertSchema), next: z.string().nullable() }) } } },
    ...commonErrors,
  },
});

const AlertParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const get = createRoute({
  method: 'get',
  path: '/v1/alerts/{id}',
  summary: 'One alert with its reviews',
  tags: ['alerts'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { params: AlertParam },
  responses: {
    200: { description: 'The alert', content: { 'application/json': { schema: z.object({ alert: AlertSchema, reviews: z.array(ReviewSchema) }) } } },
    ...commonErrors,
    ...notFoundError,
  },
});

const ReviewRequestBody = z
  .object({
    action: z.enum(ACTIONS),
    reasonCode: z.enum(ALL_REASON_CODES as [string, ...string[]]).openapi({
      description: `Per action: ${Object.entries(REASON_CODES)
        .map(([action, codes]) => `${action}: ${codes.join(', ')}`)
        .join('; ')}`,
    }),
    note: z.string().trim().min(3).max(4000).openapi({ description: 'Why, in words an auditor can follow' }),
  })
  .strict();

const review = createRoute({
  method: 'post',
  path: '/v1/alerts/{id}/reviews',
  summary: 'Review an alert: clear, confirm or escalate, with a reason code and a note',
  description:
    'With four-eyes on (the default), a clearance stays pending until a different officer approves it through `/v1/alerts/{id}/reviews/{reviewId}/decision`.',
  tags: ['alerts'],
  security,
  middleware: [requireRole('officer')] as const,
  request: { params: AlertParam, body: { required: true, content: { 'application/json': { schema: ReviewRequestBody } } } },
  responses: {
    201: { description: 'Review recorded', content: { 'application/json': { schema: ReviewSchema } } },
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const decide = createRoute({
  method: 'post',
  path: '/v1/alerts/{id}/reviews/{reviewId}/decision',
  summary: 'Approve or reject a pending review (four-eyes: not by its requester)',
  tags: ['alerts'],
  security,
  middleware: [requireRole('officer')] as const,
  request: {
    params: z.object({
      id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
      reviewId: z.uuid().openapi({ param: { name: 'reviewId', in: 'path' } }),
    }),
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ approve: z.boolean(), note: z.string().trim().min(1).max(4000).optional() }).strict() } },
    },
  },
  responses: {
    200: { description: 'Decided', content: { 'application/json': { schema: ReviewSchema } } },
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

// The store records each review request and decision in the audit trail, in the same transaction.
export function registerAlertRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await deps.store.alerts.list({
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.subjectKey === undefined ? {} : { subjectKey: q.subjectKey }),
      ...(q.list === undefined ? {} : { list: q.list }),
      limit: q.limit ?? 50,
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    return c.json({ items: [...page.items], next: page.next }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const alert = await deps.store.alerts.get(id);
    if (alert === null) throw problem('not_found', `no alert with id ${id}`, { field: 'id' });
    return c.json({ alert, reviews: [...(await deps.store.alerts.reviews(id))] }, 200);
  });

  app.openapi(review, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!reasonFits(body.action, body.reasonCode)) {
      throw problem('invalid_input', `reason code "${body.reasonCode}" does not fit the action "${body.action}"`, {
        field: 'reasonCode',
        accepted: REASON_CODES[body.action].join(', '),
      });
    }
    const alert = await deps.store.alerts.get(id);
    if (alert === null) throw problem('not_found', `no alert with id ${id}`, { field: 'id' });
    const principal = c.get('principal');
    const record = await deps.store.alerts.requestReview({
      alertId: id,
      action: body.action,
      reasonCode: body.reasonCode,
      note: body.note,
      requestedBy: principal.owner,
      fourEyes: deps.config.fourEyes,
    });
    return c.json(record, 201);
  });

  app.openapi(decide, async (c) => {
    const { id, reviewId } = c.req.valid('param');
    const body = c.req.valid('json');
    const reviews = await deps.store.alerts.reviews(id);
    if (!reviews.some((r) => r.id === reviewId)) throw problem('not_found', `alert ${id} has no review ${reviewId}`, { field: 'reviewId' });
    const record = await deps.store.alerts.decideReview({
      reviewId,
      reviewer: c.get('principal').owner,
      approve: body.approve,
      ...(body.note === undefined ? {} : { note: body.note }),
    });
    return c.json(record, 200);
  });
}
