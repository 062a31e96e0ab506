import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { birthYearOf } from '../../../core/screening/birth-years.ts';
import { STATED_PARTY_TYPES } from '../../../core/screening/party-type.ts';
import { LIST_CODES, type ScreeningQuery } from '../../../core/screening/types.ts';
import type { AppDeps, ActiveScreening } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { toJsonObject } from '../json.ts';
import { requireRole } from '../middleware/auth.ts';
import { JobSchema } from './jobs.ts';
import { Json, commonErrors, security } from '../schemas/common.ts';
import { storedParty } from '../../jobs/screen-parties.ts';
import { raiseAlerts, subjectKeyOf, type ScreenedMatch } from '../screening-record.ts';

const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())
  .openapi({ example: 'CN', description: 'ISO 3166-1 alpha-2' });

export const PartyQuery = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').max(500).openapi({ example: 'Huawei Technologies Co., Ltd.' }),
    country: country.optional(),
    address: z.string().trim().max(1000).optional(),
    dateOfBirth: z
      .string()
      .trim()
      .refine((v) => birthYearOf(v) !== undefined, 'dateOfBirth must be a year or an ISO date, e.g. 1971 or 1971-03-02')
      .optional()
      .openapi({ example: '1971-03-02', description: "A person's year or date of birth; only the year is compared (supporting evidence)" }),
    type: z
      .enum(STATED_PARTY_TYPES, { message: `type must be one of ${STATED_PARTY_TYPES.join(', ')}` })
      .optional()
      .openapi({ example: 'entity', description: 'What the party is; a person against a listed company or ship (or the reverse) scores 0.15 lower' }),
  })
  .strict();

const options = {
  threshold: z.number().min(0).max(1).optional().openapi({ description: 'Lowest score reported (0–1); the screener default when absent' }),
  limit: z.number().int().min(1).max(100).optional().openapi({ description: 'Most matches per party (default 10)' }),
};

const ScreenBody = PartyQuery.extend(options).strict();

const MatchSchema = z
  .object({
    list: z.enum(LIST_CODES),
    sourceId: z.string(),
    name: z.string(),
    matchedName: z.string(),
    score: z.number(),
    explanation: Json,
    entry: Json,
    alert: z.object({ id: z.string(), status: z.string(), new: z.boolean() }),
  })
  .openapi('ScreeningMatch');

const ScreenResult = z
  .object({
    query: Json,
    subjectKey: z.string(),
    matches: z.array(MatchSchema),
    lists: z.array(z.object({ id: z.string(), source: z.string(), publishedAt: z.string().nullable(), entryCount: z.number() })),
  })
  .openapi('ScreeningResult');

const single = createRoute({
  method: 'post',
  path: '/v1/screen',
  summary: 'Screen one party against the active lists; matches raise alerts (once per subject and entry version)',
  tags: ['screening'],
  security,
  middleware: [requireRole('analyst')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ScreenBody } } } },
  responses: {
    200: { description: 'Matches with explanations, and the list versions used', content: { 'application/json': { schema: ScreenResult } } },
    ...commonErrors,
    409: { description: 'No screening list loaded yet', content: { 'application/json': { schema: z.object({ error: Json }) } } },
  },
});

const BatchBody = z
  .object({
    parties: z
      .array(PartyQuery.extend({ ref: z.string().trim().min(1).max(200).optional().openapi({ description: 'Your id for the party, echoed back' }) }).strict())
      .min(1)
      .max(1_000_000),
    ...options,
  })
  .strict();

const batch = createRoute({
  method: 'post',
  path: '/v1/screen/batch',
  summary: 'Screen many parties: small batches answer inline, large ones run as a job',
  tags: ['screening'],
  security,
  middleware: [requireRole('analyst')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: BatchBody } } } },
  responses: {
    200: {
      description: 'Results, one per party in order',
      content: { 'application/json': { schema: z.object({ results: z.array(ScreenResult.extend({ ref: z.string().nullable() })) }) } },
    },
    202: { description: 'Queued as a job; poll /v1/jobs/{id}', content: { 'application/json': { schema: z.object({ job: JobSchema }) } } },
    ...commonErrors,
  },
});

export async function activeScreening(deps: AppDeps): Promise<ActiveScreening> {
  const active = await deps.screening();
  if (active === null) {
    throw problem('conflict', 'no screening list is loaded yet: import one with `clearance lists import …` or POST /v1/lists/import');
  }
  return active;
}

/** Screened parties are kept so that the re-screening after a list update covers them. */
async function keepParty(deps: AppDeps, query: ScreeningQuery): Promise<void> {
  await deps.store.parties.upsert(storedParty(query));
}

function wireMatches(screened: readonly ScreenedMatch[]) {
  return screened.map(({ match, alert, newAlert }) => ({
    list: match.list,
    sourceId: match.sourceId,
    name: match.name,
    matchedName: match.matchedName,
    score: match.score,
    explanation: toJsonObject(match.explanation),
    entry: toJsonObject(match.entry),
    alert: { id: alert.id, status: alert.status, new: newAlert },
  }));
}

function wireLists(active: ActiveScreening) {
  return active.versions.map((v) => ({ id: v.id, source: v.source, publishedAt: v.publishedAt, entryCount: v.entryCount }));
}

function queryOf(input: z.infer<typeof PartyQuery>): ScreeningQuery {
  const birthYear = input.dateOfBirth === undefined ? undefined : birthYearOf(input.dateOfBirth);
  return {
    name: input.name,
    ...(input.country === undefined ? {} : { country: input.country }),
    ...(input.address === undefined ? {} : { address: input.address }),
    ...(birthYear === undefined ? {} : { birthYear }),
    ...(input.type === undefined ? {} : { type: input.type }),
  };
}

function screenOptions(input: { threshold?: number | undefined; limit?: number | undefined }) {
  return { limit: input.limit ?? 10, ...(input.threshold === undefined ? {} : { threshold: input.threshold }) };
}

export function registerScreenRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(single, async (c) => {
    const body = c.req.valid('json');
    const active = await activeScreening(deps);
    const query = queryOf(body);
    const matches = active.screener.screen(query, screenOptions(body));
    await keepParty(deps, query);
    const screened = await raiseAlerts(deps.store, active, query, matches);
    return c.json({ query: toJsonObject(query), subjectKey: subjectKeyOf(query), matches: wireMatches(screened), lists: wireLists(active) }, 200);
  });

  app.openapi(batch, async (c) => {
    const body = c.req.valid('json');
    if (body.parties.length > deps.config.inlineLimit) {
      if (deps.jobs === undefined) {
        throw problem('invalid_input', `batches over ${deps.config.inlineLimit} parties run as jobs, and this server runs no job queue`, {
          field: 'parties',
          accepted: `at most ${deps.config.inlineLimit} parties`,
        });
      }
      const job = await deps.jobs.submit({
        kind: 'batch-screening',
        params: toJsonObject({ parties: body.parties, ...(body.threshold === undefined ? {} : { threshold: body.threshold }) }),
        createdBy: c.get('principal').owner,
        total: body.parties.length,
      });
      return c.json({ job }, 202);
    }
    const active = await activeScreening(deps);
    const options = screenOptions(body);
    const results = [];
    for (const party of body.parties) {
      const query = queryOf(party);
      await keepParty(deps, query);
      const screened = await raiseAlerts(deps.store, active, query, active.screener.screen(query, options));
      results.push({ ref: party.ref ?? null, query: toJsonObject(query), subjectKey: subjectKeyOf(query), matches: wireMatches(screened), lists: wireLists(active) });
    }
    return c.json({ results }, 200);
  });
}
