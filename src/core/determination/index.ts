/**
 * Public API of the determination core, for the CLI, the HTTP service and jobs.
 * `decideRecord` is the one-call path from a raw order-book record to a determination.
 */
import type { Screener } from '../screening/types.ts';
import { err, ok, type Result } from '../result.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { ClassificationCache } from './classification-context.ts';
import { determine } from './determine.ts';
import { parseOrderLine, type LineError, type ParseOptions } from './parse-order-line.ts';
import type { Determination, OrderLine, PartyScreening, Regime } from './types.ts';

export { determine, type DeterminationContext } from './determine.ts';
export { parseOrderLine, ORDER_COLUMNS, REQUIRED_COLUMNS, type LineError, type ParseOptions } from './parse-order-line.ts';
export { ClassificationCache, itemFactsOf } from './classification-context.ts';
export { DeterminationMemo } from './determination-memo.ts';
export { RULE_SET_VERSION } from './rule-set.ts';
export * from './types.ts';

const sharedCache = new ClassificationCache();

/** Screens a line's end user and consignee (all hits unreviewed). */
export function screenParties(line: OrderLine, screener: Screener): PartyScreening[] {
  const parties: PartyScreening[] = [{ role: 'end_user', name: line.endUser, country: line.endUserCountry, hits: screener.screen({ name: line.endUser, country: line.endUserCountry }).map((match) => ({ match, review: 'unreviewed' as const })) }];
  if (line.consignee !== null) {
    parties.push({ role: 'consignee', name: line.consignee, country: line.shipToCountry, hits: screener.screen({ name: line.consignee, country: line.shipToCountry }).map((match) => ({ match, review: 'unreviewed' as const })) });
  }
  return parties;
}

export interface DecideOptions extends ParseOptions {
  readonly asOf?: IsoDate;
  readonly regime?: Regime;
  /** null or absent: no list loaded, and the answer says its parties were not screened. */
  readonly screener?: Screener | null;
}

/** Parse, classify (built-in catalog) and decide one record; field errors come back as a LineError. */
export function decideRecord(record: Readonly<Record<string, string | undefined>>, lineNumber: number, options: DecideOptions = {}): Result<Determination, LineError> {
  const parsed = parseOrderLine(record, lineNumber, options.latestDate === undefined ? {} : { latestDate: options.latestDate });
  if (!parsed.ok) return err(parsed.error);
  const line = parsed.value;
  const ctx = sharedCache.get(line.item, options.asOf ?? line.orderDate);
  const screener = options.screener ?? null;
  return ok(
    determine(line, {
      classification: ctx.classification,
      item: ctx.item,
      screening: screener === null ? null : screenParties(line, screener),
      ...(options.regime === undefined ? {} : { regime: options.regime }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    }),
  );
}
