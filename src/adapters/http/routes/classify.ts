import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { CATALOG, findChip, suggestChipIds } from '../../../core/catalog/catalog.ts';
import { parseAcceleratorSpec, type AcceleratorSpec } from '../../../core/classification/accelerator-spec.ts';
import { classify } from '../../../core/classification/classify.ts';
import { ClearanceError } from '../../../core/errors.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { toJsonObject } from '../json.ts';
import { requireRole } from '../middleware/auth.ts';
import { Json, commonErrors, security, unprocessableError } from '../schemas/common.ts';
import { AsOf, asOfOr } from '../schemas/dates.ts';

const ClassifyBody = z
  .object({
    item: z.string().trim().min(1).max(200).optional().openapi({ description: 'Catalog id, e.g. "nvidia-h100-sxm"; or give `spec`' }),
    spec: z.record(z.string(), z.unknown()).optional().openapi({ description: 'A full accelerator spec (catalog column names) instead of a catalog id' }),
    asOf: AsOf.optional(),
    hostEccn: z.string().trim().regex(/^\d[A-E]\d{3}$/, 'hostEccn must look like 5A992').optional(),
    isSystem: z.boolean().optional().openapi({ description: 'A computer or assembly containing the IC (4A090)' }),
    datacenter: z.boolean().optional().openapi({ description: 'Overrides the catalog market for the datacenter test' }),
  })
  .strict()
  .refine((b) => (b.item === undefined) !== (b.spec === undefined), { message: 'give exactly one of item or spec', path: ['item'] });

const route = createRoute({
  method: 'post',
  path: '/v1/classify',
  summary: 'Classify an accelerator (ECCN 3A090/4A090 and the advanced-computing tests) as of a date',
  tags: ['classification'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ClassifyBody } } } },
  responses: {
    200: {
      description: 'The classification with every test applied, its margins and citations',
      content: { 'application/json': { schema: z.object({ classification: Json }).openapi('ClassificationResponse') } },
    },
    ...commonErrors,
    ...unprocessableError,
  },
});

const CatalogEntry = z
  .object({ id: z.string(), vendor: z.string().nullable(), model: z.string().nullable(), year: z.number().nullable(), market: z.string() })
  .openapi('CatalogEntry');

const catalog = createRoute({
  method: 'get',
  path: '/v1/catalog',
  summary: 'The built-in accelerator catalog (ids usable as `item`)',
  tags: ['classification'],
  security,
  middleware: [requireRole('viewer')] as const,
  responses: {
    200: { description: 'Catalog ids', content: { 'application/json': { schema: z.object({ items: z.array(CatalogEntry) }) } } },
    ...commonErrors,
  },
});

/** The spec named by catalog id or given in full; unknown ids get "did you mean" hints. */
export function resolveSpec(item: string | undefined, spec: Record<string, unknown> | undefined): AcceleratorSpec {
  if (item !== undefined) {
    const found = findChip(item);
    if (found === undefined) {
      const hints = suggestChipIds(item);
      throw problem('unknown_item', `no catalog item "${item}"${hints.length > 0 ? `; did you mean ${hints.join(', ')}?` : ''}`, {
        field: 'item',
        accepted: 'a catalog id (GET /v1/catalog lists them) or a full `spec`',
      });
    }
    return found;
  }
  const parsed = parseAcceleratorSpec(spec);
  if (!parsed.ok) throw ClearanceError.fromIssues(parsed.error.map((i) => ({ ...i, field: i.field === undefined ? 'spec' : `spec.${i.field}` })));
  return parsed.value;
}

export function registerClassifyRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const spec = resolveSpec(body.item, body.spec);
    const result = classify(spec, asOfOr(body.asOf, deps.now()), {
      ...(body.hostEccn === undefined ? {} : { hostEccn: body.hostEccn }),
      ...(body.isSystem === undefined ? {} : { isSystem: body.isSystem }),
      ...(body.datacenter === undefined ? {} : { datacenter: body.datacenter }),
    });
    return c.json({ classification: toJsonObject(result) }, 200);
  });

  app.openapi(catalog, (c) =>
    c.json({ items: CATALOG.map((s) => ({ id: s.id, vendor: s.vendor, model: s.model, year: s.year, market: s.market })) }, 200),
  );
}
