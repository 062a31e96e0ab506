import { isoDateOf, parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.ts';
import { RULE_SET_VERSION } from '../../core/determination/rule-set.ts';
import { parseOrderLine } from '../../core/determination/parse-order-line.ts';
import type { Regime } from '../../core/determination/types.ts';
import { ClearanceError } from '../../core/errors.ts';
import { listVersionsUsed } from '../../ports/list-store.ts';
import type { JsonObject, JsonValue } from '../../ports/store.ts';
import { toJsonObject, toJsonValue } from '../http/json.ts';
import { raiseAlerts, subjectKeyOf } from '../http/screening-record.ts';
import { CHECKPOINT_EVERY, numberField, stringField, tallyOf, type JobContext, type JobHandler } from './job-context.ts';
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
  const listVersions = screening === null ? {} : listVersionsUsed(screening.versions);

  // As for inline checks: dates more than a year ahead are refused, the rules for them being unknown.
  const latestDate = aYearAfter(ctx.now());
  const nextLine = numberField(job.checkpoint, 'nextLine', 1);
  const tally = tallyOf(job.checkpoint);
  const bump = (key: string, by = 1): void => {
    tally[key] = (tally[key] ?? 0) + by;
  };
  let done = job.done;
  const pending = order.lines.filter((l) => l.lineNo >= nextLine);
  for (const [i, stored] of pending.entries()) {
    const record = recordOf(stored.data);
    const parsed = parseOrderLine(record, stored.lineNo, { latestDate });
    if (!parsed.ok) {
      bump('invalid');
    } else {
      const line = parsed.value;
      const reviews: RecordedReview[] = [];
      let screened = null;
      if (screening !== null) {
        const parties = screenLineParties(line, screening.screener);
        for (const party of parties) {
          const subjectKey = subjectKeyOf(party.query);
          await store.parties.upsert({ name: party.query.name, country: party.country, externalRef: subjectKey });
          const raised = await raiseAlerts(store, screening, party.query, party.matches, subjectKey, job.id);
          for (const r of raised) {
            if (r.newAlert) bump('newAlerts');
            const review = r.alert.status === 'cleared' ? 'cleared' : r.alert.status === 'confirmed' ? 'confirmed' : 'unreviewed';
            reviews.push({ role: party.role, list: r.match.list, sourceId: r.match.sourceId, review });
          }
        }
        screened = partyScreenings(parties, reviews);
      }
      const decision = decideLine({ line, asOf, regime, screening: screened }, ctx.classifications);
      const inputs: JsonObject = {
        record,
        lineNumber: stored.lineNo,
        orderId: order.id,
        orderReference: order.reference,
        asOf,
        regime,
        screened: screening !== null,
        reviews: reviews.map((r) => toJsonObject(r)),
      };
      await store.determinations.record({
        subjectKind: ORDER_LINE_SUBJECT,
        subjectId: stored.id,
        inputs,
        outputs: toJsonObject(decision),
        ruleSetVersion: RULE_SET_VERSION,
        listVersions,
        asOf: asOf ?? line.orderDate,
        actor: `job:${job.id}`,
        idempotencyKey: `${job.id}:line:${stored.lineNo}`,
      });
      bump(`outcome:${decision.outcome}`);
    }
    done += 1;
    const last = i === pending.length - 1;
    if (last || (i + 1) % CHECKPOINT_EVERY === 0) {
      await store.jobs.checkpoint(job.id, { done, total: order.lines.length, checkpoint: { nextLine: stored.lineNo + 1, tally } });
      ctx.onProgress?.({ jobId: job.id, kind: job.kind, done, total: order.lines.length });
    }
  }
  return { orderId: order.id, reference: order.reference, lines: order.lines.length, tally, listVersions: toJsonValue(listVersions), ruleSetVersion: RULE_SET_VERSION };
};

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
