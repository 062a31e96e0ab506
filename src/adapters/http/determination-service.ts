import { isoDateOf, type IsoDate } from '../../core/calendar/iso-date.ts';
import { ClassificationCache } from '../../core/determination/classification-context.ts';
import { determine } from '../../core/determination/determine.ts';
import { parseOrderLine, type LineError } from '../../core/determination/parse-order-line.ts';
import type { Determination, HitReview, OrderLine, PartyScreening, Regime } from '../../core/determination/types.ts';
import type { CountryCode } from '../../core/countries/country.ts';
import { listVersionsUsed } from '../../ports/list-store.ts';
import type { AlertStatus, DeterminationRecord, Store } from '../../ports/store.ts';
import type { ActiveScreening } from './deps.ts';
import { toJsonObject } from './json.ts';
import { raiseAlerts } from './screening-record.ts';

/** An order line as sent: the order-book column names with text (or number) values. */
export type RawLine = Readonly<Record<string, string | number | boolean | null>>;

export interface DecideOptions {
  readonly asOf?: IsoDate;
  readonly regime?: Regime;
  /** Who asked, recorded with the determination. */
  readonly actor: string;
  /** Makes the stored determination idempotent (retries return the first answer). */
  readonly idempotencyKey?: string;
  readonly subjectKind: string;
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

/** Order-book text cells; numbers and booleans as their plain text, blanks as empty. */
export function textRecord(raw: RawLine): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) out[key.trim().toLowerCase()] = value === null ? '' : String(value);
  return out;
}

/**
 * Decides order lines the way `clearance check` does (parse, classify, screen, determine), but screens
 * through the alert store so an officer's clearance or confirmation of a hit counts, and records every
 * determination with its inputs, rule-set version and list versions so it can be replayed.
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
    const asOf = options.asOf ?? line.orderDate;
    const context = this.#classifications.get(line.item, asOf);
    const screening = this.#screening === null ? null : await this.#screenParties(line);
    const determination = determine(line, {
      classification: context.classification,
      item: context.item,
      screening,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.regime === undefined ? {} : { regime: options.regime }),
    });
    const stored = await this.#store.determinations.record({
      subjectKind: options.subjectKind,
      inputs: toJsonObject({ line: record, lineNumber, asOf: options.asOf ?? null, regime: options.regime ?? null }),
      outputs: toJsonObject(determination),
      ruleSetVersion: determination.ruleSetVersion,
      listVersions: this.#screening === null ? {} : listVersionsUsed(this.#screening.versions),
      asOf: determination.asOf,
      actor: options.actor,
      ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    });
    return { ok: true, line, determination, record: stored };
  }

  async #screenParties(line: OrderLine): Promise<PartyScreening[]> {
    const parties: PartyScreening[] = [await this.#party('end_user', line.endUser, line.endUserCountry)];
    if (line.consignee !== null && line.consignee !== line.endUser) parties.push(await this.#party('consignee', line.consignee, line.shipToCountry));
    return parties;
  }

  async #party(role: PartyScreening['role'], name: string, country: CountryCode): Promise<PartyScreening> {
    const active = this.#screening;
    if (active === null) return { role, name, country, hits: [] };
    const query = { name, country };
    const screened = await raiseAlerts(this.#store, active, query, active.screener.screen(query));
    const newest = active.versions.map((v) => v.publishedAt ?? v.importedAt.slice(0, 10)).sort().at(-1);
    return {
      role,
      name,
      country,
      hits: screened.map((s) => ({ match: s.match, review: REVIEW_OF[s.alert.status] })),
      ...(newest === undefined ? {} : { listsAsOf: `lists as of ${newest}` }),
    };
  }
}
