import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { diffLists, entryKey } from '../../../core/screening/list-diff.ts';
import { LIST_FORMATS, listVersionsUsed, type ImportOutcome, type ListVersion } from '../../../ports/list-store.ts';
import { parseListFiles } from '../../lists/detect.ts';
import type { RawFile } from '../../lists/raw-file.ts';
import { recordDecision } from '../audit-trail.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { toJsonObject, toJsonValue } from '../json.ts';
import { requireRole } from '../middleware/auth.ts';
import { Json, commonErrors, conflictError, notFoundError, security } from '../schemas/common.ts';
import { AsOf } from '../schemas/dates.ts';

const ListVersionSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    format: z.string(),
    publishedAt: z.string().nullable(),
    publishedAtBasis: z.string().nullable(),
    importedAt: z.string(),
    origin: z.string(),
    sha256: z.string(),
    files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number(), rows: z.number() })),
    entryCount: z.number(),
    countsByList: z.record(z.string(), z.number()),
    warnings: z.array(z.string()),
  })
  .openapi('ListVersion');

const status = createRoute({
  method: 'get',
  path: '/v1/lists',
  summary: 'Screening lists: the active version of each source and every recorded version',
  tags: ['lists'],
  security,
  middleware: [requireRole('viewer')] as const,
  responses: {
    200: {
      description: 'List versions',
      content: { 'application/json': { schema: z.object({ active: z.array(ListVersionSchema), versions: z.array(ListVersionSchema), listVersionsUsed: Json }) } },
    },
    ...commonErrors,
  },
});

const VersionId = z.string().min(1).max(200).regex(/^[\w.-]+$/, 'a list version id, as GET /v1/lists shows it');

const diff = createRoute({
  method: 'get',
  path: '/v1/lists/diff',
  summary: 'What changed between two list versions (added, removed, changed entries)',
  tags: ['lists'],
  security,
  middleware: [requireRole('viewer')] as const,
  request: {
    query: z.object({
      from: VersionId.openapi({ description: 'The older version id' }),
      to: VersionId.optional().openapi({ description: 'The newer version id; the active version of the same source when absent' }),
      limit: z.coerce.number().int().min(0).max(1000).optional().openapi({ description: 'Entries shown per category (default 50); counts are always complete' }),
    }),
  },
  responses: {
    200: {
      description: 'The difference',
      content: {
        'application/json': {
          schema: z.object({
            from: z.string(),
            to: z.string(),
            counts: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
            added: z.array(Json),
            removed: z.array(Json),
            changed: z.array(z.object({ key: z.string(), name: z.string(), changes: z.array(Json) })),
          }),
        },
      },
    },
    ...commonErrors,
    ...notFoundError,
  },
});

const UPLOAD_TYPES = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/json', 'application/octet-stream'];

const importRoute = createRoute({
  method: 'post',
  path: '/v1/lists/import',
  summary: 'Import list files (one file as the body, or several as multipart/form-data); each source becomes a new active version atomically',
  description:
    'Formats are detected from file names and content: trade.gov CSL (CSV/JSON), OFAC legacy CSV sets (sdn.csv, add.csv, alt.csv, sdn_comments.csv; cons_*.csv), BIS Denied Persons (tab-separated) and the internal list CSV. A version much smaller than the active one is refused unless `allowShrink=true`.',
  tags: ['lists'],
  security,
  middleware: [requireRole('officer')] as const,
  request: {
    query: z.object({
      name: z.string().min(1).max(200).regex(/^[^/\\]+$/, 'a file name without a path').optional().openapi({ description: 'File name of a single-file body, e.g. "consolidated.csv" (detection uses it)' }),
      format: z.enum(LIST_FORMATS).optional().openapi({ description: 'Force the format of a single-file body' }),
      published: AsOf.optional().openapi({ description: 'Publication date of the files, when known (YYYY-MM-DD)' }),
      allowShrink: z.enum(['true', 'false']).optional(),
    }),
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } },
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      },
    },
  },
  responses: {
    200: {
      description: 'One outcome per source found',
      content: {
        'application/json': {
          schema: z.object({
            outcomes: z.array(z.object({ kind: z.enum(['imported', 'unchanged']), version: ListVersionSchema, replaced: z.string().nullable() })),
            ignored: z.array(z.object({ name: z.string(), reason: z.string() })),
            rescreeningJob: z.string().nullable(),
          }),
        },
      },
    },
    ...commonErrors,
    ...conflictError,
    422: { description: 'The files fail their integrity checks (`list_integrity`): nothing was changed', content: { 'application/json': { schema: z.object({ error: Json }) } } },
  },
});

function wireVersion(v: ListVersion) {
  return {
    ...v,
    files: [...v.files],
    countsByList: Object.fromEntries(Object.entries(v.countsByList).filter((e): e is [string, number] => typeof e[1] === 'number')),
    warnings: [...v.warnings],
  };
}

async function uploadedFiles(c: Context<AppEnv>, name: string | undefined): Promise<RawFile[]> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'multipart/form-data') {
    const form = await c.req.parseBody({ all: true }).catch(() => {
      throw problem('invalid_input', 'the multipart body could not be read', { field: 'body' });
    });
    const files: RawFile[] = [];
    for (const value of Object.values(form).flat()) {
      if (typeof value === 'string') continue;
      const base = value.name.split(/[/\\]/).pop() ?? value.name;
      files.push({ name: base, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    if (files.length === 0) throw problem('invalid_input', 'the multipart body holds no file', { field: 'files' });
    return files;
  }
  if (!UPLOAD_TYPES.includes(mediaType)) {
    throw problem('invalid_input', `cannot import a ${mediaType === '' ? 'body without Content-Type' : mediaType} body`, {
      field: 'content-type',
      accepted: ['multipart/form-data', ...UPLOAD_TYPES].join(', '),
    });
  }
  if (name === undefined) throw problem('invalid_input', 'a single-file upload needs its file name in ?name=', { field: 'name', accepted: 'e.g. ?name=consolidated.csv' });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw problem('invalid_input', 'the uploaded file is empty', { field: 'body' });
  return [{ name, bytes }];
}

export function registerListRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(status, async (c) => {
    const [active, versions] = await Promise.all([deps.lists.activeVersions(), deps.lists.listVersions()]);
    return c.json({ active: active.map(wireVersion), versions: versions.map(wireVersion), listVersionsUsed: toJsonObject(listVersionsUsed(active)) }, 200);
  });

  app.openapi(diff, async (c) => {
    const q = c.req.valid('query');
    const from = await deps.lists.getVersion(q.from);
    if (from === null) throw problem('not_found', `no list version ${q.from}`, { field: 'from' });
    let toId = q.to;
    if (toId === undefined) {
      const active = (await deps.lists.activeVersions()).find((v) => v.source === from.source);
      if (active === undefined) throw problem('not_found', `no active version of ${from.source} to compare with`, { field: 'to' });
      toId = active.id;
    }
    const [before, after] = await Promise.all([deps.lists.versionEntries(from.id), deps.lists.versionEntries(toId)]);
    if (before === null) throw problem('not_found', `no list version ${from.id}`, { field: 'from' });
    if (after === null) throw problem('not_found', `no list version ${toId}`, { field: 'to' });
    const d = diffLists(before, after);
    const limit = q.limit ?? 50;
    return c.json(
      {
        from: from.id,
        to: toId,
        counts: { added: d.added.length, removed: d.removed.length, changed: d.changed.length, unchanged: d.unchanged },
        added: d.added.slice(0, limit).map((e) => toJsonObject(e)),
        removed: d.removed.slice(0, limit).map((e) => toJsonObject(e)),
        changed: d.changed.slice(0, limit).map((ch) => ({
          key: entryKey(ch.after),
          name: ch.after.name,
          changes: ch.changes.map((f) => toJsonObject({ field: f.field, before: toJsonValue(f.before), after: toJsonValue(f.after) })),
        })),
      },
      200,
    );
  });

  app.openapi(importRoute, async (c) => {
    const q = c.req.valid('query');
    const files = await uploadedFiles(c, q.name);
    const detected = parseListFiles(files, files.length === 1 ? (files[0]?.name ?? 'upload') : 'upload', {
      ...(q.published === undefined ? {} : { publishedAt: q.published, publishedAtBasis: 'given by the uploader' }),
      ...(q.format === undefined ? {} : { format: q.format }),
    });
    if (detected.imports.length === 0) {
      throw problem('invalid_input', `no list file recognised (${detected.ignored.map((i) => `${i.name}: ${i.reason}`).join('; ')})`, {
        field: 'files',
        accepted: 'trade.gov CSL CSV/JSON, OFAC legacy CSV set, BIS DPL text, internal list CSV',
      });
    }
    const outcomes: ImportOutcome[] = [];
    for (const input of detected.imports) {
      const outcome = await deps.lists.importVersion(input, { now: deps.now(), allowShrink: q.allowShrink === 'true' });
      outcomes.push(outcome);
      // The list store records `list.imported` itself (as "system"); this event says who asked for it and with which files.
      await recordDecision(deps, c, 'list.import-requested', `list-version:${outcome.version.id}`, {
        outcome: outcome.kind,
        source: outcome.version.source,
        format: outcome.version.format,
        sha256: outcome.version.sha256,
        entryCount: outcome.version.entryCount,
        publishedAt: outcome.version.publishedAt,
        replaced: outcome.kind === 'imported' ? (outcome.replaced?.id ?? null) : null,
        files: outcome.version.files.map((f) => toJsonObject(f)),
      });
    }
    const imported = outcomes.filter((o) => o.kind === 'imported');
    let rescreeningJob: string | null = null;
    if (imported.length > 0) {
      deps.listsChanged?.();
      if (deps.jobs !== undefined) {
        const job = await deps.jobs.submit({
          kind: 'list-rescreening',
          params: { versions: imported.map((o) => o.version.id), replaced: imported.map((o) => (o.kind === 'imported' ? (o.replaced?.id ?? null) : null)) },
          createdBy: c.get('principal').owner,
        });
        rescreeningJob = job.id;
      }
    }
    return c.json(
      {
        outcomes: outcomes.map((o) => ({ kind: o.kind, version: wireVersion(o.version), replaced: o.kind === 'imported' ? (o.replaced?.id ?? null) : null })),
        ignored: [...detected.ignored],
        rescreeningJob,
      },
      200,
    );
  });
}
