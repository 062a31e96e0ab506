import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import type { Context } from 'hono';
import { REQUIRED_COLUMNS } from '../../../core/determination/parse-order-line.ts';
import { OUTCOMES } from '../../../core/determination/types.ts';
import type { OrderRecord } from '../../../ports/store.ts';
import type { AppDeps } from '../deps.ts';
import { LineDecider, textRecord, type RawLine } from '../determination-service.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { JobSchema } from './jobs.ts';
import { Json, commonErrors, security } from '../schemas/common.ts';
import { AsOf, asOfOr } from '../schemas/dates.ts';
import { OrderLineBody, Regime } from '../schemas/determination.ts';

const JsonBook = z
  .object({ lines: z.array(OrderLineBody).min(1).max(1_000_000), asOf: AsOf.optional(), regime: Regime.optional(), reference: z.string().trim().min(1).max(200).optional() })
  .strict();

const LineResult = z
  .object({
    line: z.number().int(),
    orderId: z.string().nullable(),
    outcome: z.enum([...OUTCOMES, 'error']),
    determinationId: z.string().nullable(),
    determination: Json.nullable(),
    errors: z.array(z.object({ code: z.string(), field: z.string().optional(), message: z.string(), accepted: z.string().optional() })),
  })
  .openapi('OrderLineResult');

const route = createRoute({
  method: 'post',
  path: '/v1/orders/check',
  summary: 'Check an order book: every line decided and recorded; long books run as a job',
  description: `Send the book as \`text/csv\` (header row with the order-book columns; ?asOf= and ?regime= as query) or as JSON \`{lines: [...]}\`. Books over the inline limit are queued as an \`order-book-check\` job (202); poll \`/v1/jobs/{id}\` for progress. Required columns: ${REQUIRED_COLUMNS.join(', ')}.`,
  tags: ['determinations'],
  security,
  middleware: [requireRole('analyst')] as const,
  request: {
    query: z.object({ asOf: AsOf.optional(), regime: Regime.optional(), reference: z.string().trim().min(1).max(200).optional().openapi({ description: 'Your order-book reference; must be new' }), name: z.string().max(200).optional().openapi({ description: 'File name, kept with the job' }) }),
    body: {
      // Not marked required: the JSON validator would otherwise run on CSV bodies too. readBook insists on one.
      required: false,
      content: {
        'application/json': { schema: JsonBook },
        'text/csv': { schema: { type: 'string', description: 'The order book as CSV with a header row' } },
      },
    },
  },
  responses: {
    200: {
      description: 'Every line, in order, with a summary',
      content: {
        'application/json': {
          schema: z.object({ order: z.object({ id: z.string(), reference: z.string() }), summary: z.object({ lines: z.number(), decided: z.number(), errors: z.number(), byOutcome: z.record(z.string(), z.number()), screened: z.boolean() }), results: z.array(LineResult) }),
        },
      },
    },
    202: { description: 'Queued as a job', content: { 'application/json': { schema: z.object({ job: JobSchema }) } } },
    ...commonErrors,
  },
});

interface Book {
  readonly lines: readonly RawLine[];
  readonly reference: string | undefined;
  readonly asOf: string | undefined;
  readonly regime: 'enforced' | 'codified' | undefined;
  /** The line number of each record in the source: CSV counts the header as line 1. */
  readonly firstLine: number;
}

function csvBook(text: string): RawLine[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    throw problem('invalid_input', `the CSV could not be read: ${error instanceof Error ? error.message.split('\n')[0] : 'malformed'}`, { field: 'body' });
  }
  const first = records[0];
  if (first === undefined) throw problem('invalid_input', 'the order book has a header but no lines', { field: 'body' });
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in first));
  if (missing.length > 0) throw problem('invalid_input', `the header row lacks ${missing.join(', ')}`, { field: 'header', accepted: REQUIRED_COLUMNS.join(', ') });
  return records;
}

async function readBook(c: Context<AppEnv>, query: { asOf?: string | undefined; regime?: 'enforced' | 'codified' | undefined; reference?: string | undefined }): Promise<Book> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'text/csv') return { lines: csvBook(await c.req.text()), reference: query.reference, asOf: query.asOf, regime: query.regime, firstLine: 2 };
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    throw problem('invalid_input', 'send the order book as text/csv or as application/json {lines: [...]}', { field: 'content-type', accepted: 'text/csv, application/json' });
  }
  const parsed = JsonBook.safeParse(await c.req.json().catch(() => {
    throw problem('invalid_input', 'the body is not valid JSON', { field: 'body' });
  }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw problem('invalid_input', issue?.message ?? 'invalid order book', { field: issue === undefined ? 'body' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') });
  }
  return { lines: parsed.data.lines, reference: parsed.data.reference ?? query.reference, asOf: parsed.data.asOf ?? query.asOf, regime: parsed.data.regime ?? query.regime, firstLine: 1 };
}

/** Keeps the uploaded book as an order with its lines, verbatim, so a job (or a replay) works from the stored copy. */
async function storeOrder(deps: AppDeps, book: Book, reference: string): Promise<OrderRecord> {
  const lines = book.lines.map((raw, i) => {
    const data = textRecord(raw);
    const quantity = Number(data['quantity']);
    return { lineNo: book.firstLine + i, item: (data['item'] ?? '').trim().toLowerCase(), quantity: Number.isFinite(quantity) && quantity >= 0 ? quantity : 0, data };
  });
  const order = await deps.store.orders.create({ reference, lines });
  if (order.lines.length !== lines.length) {
    throw problem('conflict', `an order with reference "${reference}" is already stored with ${order.lines.length} lines`, { field: 'reference', accepted: 'a new reference' });
  }
  return order;
}

export function registerOrderRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const book = await readBook(c, query);
    const principal = c.get('principal');
    const reference = book.reference ?? `api-${deps.now().toISOString()}-${c.get('requestId').slice(0, 8)}`;
    if (book.lines.length > deps.config.inlineLimit) {
      if (deps.jobs === undefined) {
        throw problem('invalid_input', `books over ${deps.config.inlineLimit} lines run as jobs, and this server runs no job queue`, { field: 'lines', accepted: `at most ${deps.config.inlineLimit} lines` });
      }
      const order = await storeOrder(deps, book, reference);
      const job = await deps.jobs.submit({
        kind: 'order-book-check',
        params: { orderId: order.id, reference: order.reference, name: query.name ?? null, asOf: book.asOf ?? null, regime: book.regime ?? null },
        createdBy: principal.owner,
        total: book.lines.length,
      });
      return c.json({ job }, 202);
    }
    const order = await storeOrder(deps, book, reference);
    const screening = await deps.screening();
    const decider = new LineDecider(deps.store, screening, deps.now());
    const results: z.infer<typeof LineResult>[] = [];
    const byOutcome: Record<string, number> = {};
    let errors = 0;
    for (const stored of order.lines) {
      const decided = await decider.decide(stored.data, stored.lineNo, {
        actor: principal.owner,
        subjectId: stored.id,
        order: { id: order.id, reference: order.reference },
        idempotencyKey: `inline:${order.id}:line:${stored.lineNo}`,
        ...(book.asOf === undefined ? {} : { asOf: asOfOr(book.asOf, deps.now()) }),
        ...(book.regime === undefined ? {} : { regime: book.regime }),
      });
      if (decided.ok) {
        byOutcome[decided.determination.outcome] = (byOutcome[decided.determination.outcome] ?? 0) + 1;
        results.push({ line: stored.lineNo, orderId: decided.line.orderId, outcome: decided.determination.outcome, determinationId: decided.record.id, determination: decided.record.outputs, errors: [] });
      } else {
        errors += 1;
        results.push({ line: stored.lineNo, orderId: decided.error.orderId, outcome: 'error', determinationId: null, determination: null, errors: decided.error.issues.map((i) => ({ ...i })) });
      }
    }
    return c.json({ order: { id: order.id, reference: order.reference }, summary: { lines: order.lines.length, decided: order.lines.length - errors, errors, byOutcome, screened: screening !== null }, results }, 200);
  });
}
