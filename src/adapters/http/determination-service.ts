import { isoDateOf, type IsoDate } from '../../core/calendar/iso-date.ts';
import { ClassificationCache } from '../../core/determination/classification-context.ts';
import { parseOrderLine, type LineError } from '../../core/determination/parse-order-line.ts';
import type { Determination, HitReview, OrderLine, PartyScreening, Regime } from '../../core/determination/types.ts';
import { listVersionsUsed } from '../../ports/list-store.ts';
import type { AlertStatus, DeterminationRecord, JsonValue, Store } from '../../ports/store.ts';
import { ORDER_LINE_SUBJECT } from '../jobs/order-book-check.ts';
import { decideLine, partyScreenings, screenLineParties, type RecordedReview } from '../jobs/order-line.ts';
import type { ActiveScreening } from './deps.ts';
import { toJsonObject } from './json.ts';
import { raiseAlerts, subjectKeyOf } from './screening-record.ts';

/** An order line as sent: the order-book column names with text (or number) values. */
export type RawLine = Readonly<Record<string, JsonValue>>;

export interface DecideOptions {
  readonly asOf?: IsoDate;
  readonly regime?: Regime;
  /** Who asked, recorded with the determination. */
  readonly actor: string;
  /** Makes the stored determination idempotent (retries return the first answer). */
  readonly idempotencyKey?: string;
  /** The stored order line it decides, when the line belongs to a stored order. */
  readonly subjectId?: string;
  readonly order?: { readonly id: string; readonly reference: string };
}

export type Decided =
  | { readonly ok: true; readonly line: OrderLine; readonly determination: Determination; readonly record: DeterminationRecord }
  | { readonly ok: false; readonly error: LineError };

const REVIEW_OF: Readonly<Record<AlertStatus, HitReview>> = {
  open: 'unreviewed',
  'pending-review': 'unreviewed',
  escalated: 'unreviewed',
  cleared: 'cleared',
  confirmed: 'confirmed',
};

/** Order-book text cells (numbers and booleans spelled as JSON writes them), column names lower-cased. */
export function textRecord(raw: RawLine): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) out[key.trim().toLowerCase()] = value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

/**
 * Decides order lines through the same steps as the order-book job (screen the parties and raise alerts,
 * decide, record), so an officer's clearance of a hit counts and every answer is stored in the form the
 * replay reads: the raw line, as-of date, regime, list versions and the reviews standing at the time.
 */
export class LineDecider {
  readonly #classifications = new ClassificationCache();
  readonly #store: Store;
  readonly #screening: ActiveScreening | null;
  readonly #today: IsoDate;

  constructor(store: Store, screening: ActiveScreening | null, now: Date) {
    this.#store = store;
    this.#screening = screening;
    this.#today = isoDateOf(now);
  }

  /** The latest order date accepted: a year ahead, because rules beyond that are unknown. */
  get latestDate(): IsoDate {
    const d = new Date(`${this.#today}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    return isoDateOf(d);
  }

  async decide(raw: RawLine, lineNumber: number, options: DecideOptions): Promise<Decided> {
    const record = textRecord(raw);
    const parsed = parseOrderLine(record, lineNumber, { latestDate: this.latestDate });
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const line = parsed.value;
    const active = this.#screening;
    const reviews: RecordedReview[] = [];
    let screened: PartyScreening[] | null = null;
    if (active !== null) {
      const parties = screenLineParties(line, active.screener);
      for (const party of parties) {
        const subjectKey = subjectKeyOf(party.query);
        // Kept as a party so that a later list update re-screens it.
        await this.#store.parties.upsert({ name: party.query.name, country: party.country, externalRef: subjectKey });
        for (const r of await raiseAlerts(this.#store, active, party.query, party.matches, subjectKey)) {
          reviews.push({ role: party.role, list: r.match.list, sourceId: r.match.sourceId, review: REVIEW_OF[r.alert.status] });
        }
      }
      screened = partyScreenings(parties, reviews);
    }
    const asOf = options.asOf ?? null;
    const regime = options.regime ?? 'enforced';
    const determination = decideLine({ line, asOf, regime, screening: screened }, this.#classifications);
    const stored = await this.#store.determinations.record({
      subjectKind: ORDER_LINE_SUBJECT,
      ...(options.subjectId === undefined ? {} : { subjectId: options.subjectId }),
      inputs: {
        record,
        lineNumber,
        orderId: options.order?.id ?? null,
        orderReference: options.order?.reference ?? null,
        asOf,
        regime,
        screened: active !== null,
        reviews: reviews.map((r) => toJsonObject(r)),
      },
      outputs: toJsonObject(determination),
      ruleSetVersion: determination.ruleSetVersion,
      listVersions: active === null ? {} : listVersionsUsed(active.versions),
      asOf: asOf ?? line.orderDate,
      actor: options.actor,
      ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    });
    return { ok: true, line, determination, record: stored };
  }
}
