import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ClearanceError } from '../../../core/errors.ts';
import type { AppDeps } from '../deps.ts';
import { LineDecider } from '../determination-service.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { IdParam, Json, ListVersionsUsedSchema, PageQuery, commonErrors, notFoundError, security } from '../schemas/common.ts';
import { AsOf, asOfOr } from '../schemas/dates.ts';
import { OrderLineBody, Regime } from '../schemas/determination.ts';

const DeterminationRecordSchema = z
  .object({
    id: z.string(),
    subjectKind: z.string(),
    subjectId: z.string().nullable(),
    inputs: Json,
    outputs: Json,
    ruleSetVersion: z.string(),
    listVersions: ListVersionsUsedSchema,
    asOf: z.string(),
    actor: z.string(),
    idempotencyKey: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('DeterminationRecord');

const create = createRoute({
  method: 'post',
  path: '/v1/determinations',
  summary: 'Decide one order line (licence required? exception? review policy?) and record it for replay',
  description: 'Parties are screened against the active lists; a hit an officer has cleared no longer holds the line. Send `Idempotency-Key` to make retries return the first answer.',
  tags: ['determinations'],
  security,
  middleware: [requireRole('analyst')] as const,
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional().openapi({ description: 'Retries with the same key return the first determination' }) }),
    body: { required: true, content: { 'application/json': { schema: z.object({ line: OrderLineBody, asOf: AsOf.optional(), regime: Regime.optional() }).strict() } } },
  },
  responses: {
    201: {
      description: 'The determination and the record that keeps it',
      content: { 'application/json': { schema: z.object({ id: z.string(), determination: Json, listVersions: ListVersionsUsedSchema, screened: z.boolean() }) } },
    },
    ...commonErrors,
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/determinations/{id}',
  summary: 'A recorded determination with its inputs, outputs, rule-set and list versions',
  tags: ['determinations'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The record', content: { 'application/json': { schema: DeterminationRecordSchema } } },
    ...commonErrors,
    ...notFoundError,
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/determinations',
  summary: 'Recorded determinations, oldest first',
  tags: ['determinations'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { query: z.object({ subjectKind: z.string().max(100).optional(), subjectId: z.string().max(200).optional(), ...PageQuery }) },
  responses: {
    200: { description: 'A page', content: { 'application/json': { schema: z.object({ items: z.array(DeterminationRecordSchema), next: z.string().nullable() }) } } },
    ...commonErrors,
  },
});

const replay = createRoute({
  method: 'post',
  path: '/v1/determinations/{id}/replay',
  summary: 'Re-run a stored determination with its recorded line, as-of date, reviews and list versions; say whether the answer is the same',
  tags: ['determinations', 'audit'],
  security,
  middleware: [requireRole('officer')] as const,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The replay report',
      content: {
        'application/json': {
          schema: z
            .object({
              determinationId: z.string(),
              same: z.boolean(),
              recordedRuleSet: z.string(),
              currentRuleSet: z.string(),
              listVersions: z.array(z.string()),
              recordIntact: z.boolean().nullable(),
              differences: z.array(z.string()),
              replayed: Json,
            })
            .openapi('ReplayReport'),
        },
      },
    },
    ...commonErrors,
    ...notFoundError,
  },
});

export function registerDetermineRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const idempotency = c.req.valid('header')['idempotency-key'];
    const principal = c.get('principal');
    const screening = await deps.screening();
    const decider = new LineDecider(deps.store, screening, deps.now());
    const decided = await decider.decide(body.line, 1, {
      actor: principal.owner,
      ...(body.asOf === undefined ? {} : { asOf: asOfOr(body.asOf, deps.now()) }),
      ...(body.regime === undefined ? {} : { regime: body.regime }),
      // Scoped to the key so two callers cannot collide on a key.
      ...(idempotency === undefined ? {} : { idempotencyKey: `api:${principal.keyId}:${idempotency}` }),
    });
    if (!decided.ok) throw ClearanceError.fromIssues(decided.error.issues.map((i) => ({ ...i, field: i.field === undefined ? 'line' : `line.${i.field}` })));
    return c.json({ id: decided.record.id, determination: decided.record.outputs, listVersions: decided.record.listVersions, screened: screening !== null }, 201);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const record = await deps.store.determinations.get(id);
    if (record === null) throw problem('not_found', `no determination with id ${id}`, { field: 'id' });
    return c.json(record, 200);
  });

  app.openapi(replay, async (c) => {
    const { id } = c.req.valid('param');
    if (deps.replay === undefined) throw problem('not_found', 'replay is not available on this server', { field: 'id' });
    const report = await deps.replay(id);
    return c.json({ ...report, listVersions: [...report.listVersions], differences: [...report.differences] }, 200);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await deps.store.determinations.list({
      ...(q.subjectKind === undefined ? {} : { subjectKind: q.subjectKind }),
      ...(q.subjectId === undefined ? {} : { subjectId: q.subjectId }),
      limit: q.limit ?? 50,
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    return c.json({ items: [...page.items], next: page.next }, 200);
  });
}
