import { isoDateOf, parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.ts';
import { RULE_SET_VERSION } from '../../core/determination/rule-set.ts';
import { parseOrderLine } from '../../core/determination/parse-order-line.ts';
import type { OrderLine, Regime } from '../../core/determination/types.ts';
import { ClearanceError } from '../../core/errors.ts';
import { listVersionsUsed } from '../../ports/list-store.ts';
import type { DeterminationInput, JsonObject, JsonValue, ListVersionsUsed, OrderLineRecord, OrderRecord } from '../../ports/store.ts';
import { toJsonObject, toJsonValue } from '../http/json.ts';
import { raiseAlerts, subjectKeyOf } from '../http/screening-record.ts';
import { CHECKPOINT_EVERY, numberField, stringField, tallyOf, type JobContext, type JobHandler } from './job-context.ts';
import type { ScreeningSnapshot } from './screening.ts';
import { decideLine, partyScreenings, screenLineParties, type RecordedReview } from './order-line.ts';

/** How an order-line determination's inputs are stored: enough to parse, screen and decide the line again. */
export const ORDER_LINE_SUBJECT = 'order-line';

/**
 * Checks a stored order line by line: screens its parties (raising alerts once per subject and entry version),
 * decides it, and records the determination under the key "<job>:line:<n>", so a job restarted after a crash
 * neither loses nor duplicates a determination. Checkpoints every few lines.
 */
export const orderBookCheck: JobHandler = async (ctx) => {
  const { store, job } = ctx;
  const orderId = stringField(job.params, 'orderId');
  if (orderId === null) throw new ClearanceError('invalid_input', 'order-book-check needs params.orderId', { field: 'orderId' });
  const order = await store.orders.get(orderId);
  if (order === null) throw new ClearanceError('not_found', `no order ${orderId}`, { field: 'orderId' });
  const asOf = optionalDate(stringField(job.params, 'asOf'));
  const regime: Regime = stringField(job.params, 'regime') === 'codified' ? 'codified' : 'enforced';
  const screening = await ctx.screening();
  const book: Book = { order, asOf, regime, screening, listVersions: screening === null ? {} : listVersionsUsed(screening.versions) };
  // As for inline checks: dates more than a year ahead are refused, the rules for them being unknown.
  const latestDate = aYearAfter(ctx.now());

  const nextLine = numberField(job.checkpoint, 'nextLine', 1);
  const tally = tallyOf(job.checkpoint);
  const bump = (key: string, by = 1): void => {
    tally[key] = (tally[key] ?? 0) + by;
  };
  let done = job.done;
  const remaining = order.lines.filter((l) => l.lineNo >= nextLine);
  // Determinations are written a checkpoint's worth at a time (one transaction, one turn of the audit lock);
  // a crash loses at most the unwritten ones, which the resumed job redoes.
  const pending: DeterminationInput[] = [];
  for (const [i, stored] of remaining.entries()) {
    const parsed = parseOrderLine(recordOf(stored.data), stored.lineNo, { latestDate });
    if (!parsed.ok) {
      bump('invalid');
    } else {
      try {
        const decided = await decideStoredLine(ctx, book, stored, parsed.value);
        pending.push(decided.input);
        bump(`outcome:${decided.outcome}`);
        if (decided.newAlerts > 0) bump('newAlerts', decided.newAlerts);
      } catch (error) {
        // A value the database cannot hold (a NUL character in a name): this line is left out, the book goes on.
        if (!(error instanceof ClearanceError) || error.code !== 'invalid_input') throw error;
        bump('unstorable');
      }
    }
    done += 1;
    if (i === remaining.length - 1 || (i + 1) % CHECKPOINT_EVERY === 0) {
      const refused = await writeDeterminations(ctx, pending.splice(0));
      if (refused > 0) bump('unstorable', refused);
      await store.jobs.checkpoint(job.id, { done, total: order.lines.length, checkpoint: { nextLine: stored.lineNo + 1, tally } });
      ctx.onProgress?.({ jobId: job.id, kind: job.kind, done, total: order.lines.length });
    }
  }
  return { orderId: order.id, reference: order.reference, lines: order.lines.length, tally, listVersions: toJsonValue(book.listVersions), ruleSetVersion: RULE_SET_VERSION };
};

interface Book {
  readonly order: OrderRecord;
  readonly asOf: IsoDate | null;
  readonly regime: Regime;
  readonly screening: ScreeningSnapshot | null;
  readonly listVersions: ListVersionsUsed;
}

/** Screens a line's parties (keeping them for re-screening, raising alerts once) and decides it; returns what to record. */
async function decideStoredLine(ctx: JobContext, book: Book, stored: OrderLineRecord, line: OrderLine): Promise<{ input: DeterminationInput; outcome: string; newAlerts: number }> {
  const { store, job } = ctx;
  const reviews: RecordedReview[] = [];
  let newAlerts = 0;
  let screened = null;
  if (book.screening !== null) {
    const parties = screenLineParties(line, book.screening.screener);
    for (const party of parties) {
      const subjectKey = subjectKeyOf(party.query);
      await store.parties.upsert({ name: party.query.name, country: party.country, externalRef: subjectKey });
      for (const r of await raiseAlerts(store, book.screening, party.query, party.matches, subjectKey, job.id)) {
        if (r.newAlert) newAlerts += 1;
        const review = r.alert.status === 'cleared' ? 'cleared' : r.alert.status === 'confirmed' ? 'confirmed' : 'unreviewed';
        reviews.push({ role: party.role, list: r.match.list, sourceId: r.match.sourceId, review });
      }
    }
    screened = partyScreenings(parties, reviews);
  }
  const decision = decideLine({ line, asOf: book.asOf, regime: book.regime, screening: screened }, ctx.classifications);
  const input: DeterminationInput = {
    subjectKind: ORDER_LINE_SUBJECT,
    subjectId: stored.id,
    inputs: {
      record: recordOf(stored.data),
      lineNumber: stored.lineNo,
      orderId: book.order.id,
      orderReference: book.order.reference,
      asOf: book.asOf,
      regime: book.regime,
      screened: book.screening !== null,
      reviews: reviews.map((r) => toJsonObject(r)),
    },
    outputs: toJsonObject(decision),
    ruleSetVersion: RULE_SET_VERSION,
    listVersions: book.listVersions,
    asOf: book.asOf ?? line.orderDate,
    actor: `job:${job.id}`,
    idempotencyKey: `${job.id}:line:${stored.lineNo}`,
  };
  return { input, outcome: decision.outcome, newAlerts };
}

/**
 * Writes a batch; when the database refuses a value in it (a NUL character in a cell), writes the lines one by one
 * so that only the offending lines are left out. Returns how many were left out.
 */
async function writeDeterminations(ctx: JobContext, batch: readonly DeterminationInput[]): Promise<number> {
  try {
    await ctx.store.determinations.recordMany(batch);
    return 0;
  } catch (error) {
    if (!(error instanceof ClearanceError) || error.code !== 'invalid_input') throw error;
  }
  let refused = 0;
  for (const one of batch) {
    try {
      await ctx.store.determinations.record(one);
    } catch (error) {
      if (!(error instanceof ClearanceError) || error.code !== 'invalid_input') throw error;
      refused += 1;
    }
  }
  return refused;
}

/** An order line as uploaded: every column as text (numbers and booleans spelled as JSON writes them). */
export function recordOf(data: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = textOf(v);
  return out;
}

function textOf(v: JsonValue): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function aYearAfter(now: Date): IsoDate {
  const d = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return isoDateOf(d);
}

function optionalDate(text: string | null): IsoDate | null {
  if (text === null) return null;
  const parsed = parseIsoDate(text, 'asOf');
  if (!parsed.ok) throw new ClearanceError('invalid_input', parsed.error.message, { field: 'asOf' });
  return parsed.value;
}
