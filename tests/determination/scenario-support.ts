import { isoDate } from '../../src/core/calendar/iso-date.ts';
import type { ClassificationResult } from '../../src/core/classification/types.ts';
import type { CountryCode } from '../../src/core/countries/country.ts';
import { ClassificationCache } from '../../src/core/determination/classification-context.ts';
import { determine } from '../../src/core/determination/determine.ts';
import type { Determination, EndUse, OrderLine, Outcome, PartyScreening, Regime, ReviewPolicy } from '../../src/core/determination/types.ts';

/** One golden scenario: the fact it tests, the order line, and what a compliance officer expects. */
export interface Scenario {
  readonly fact: string;
  readonly item: string;
  readonly date: string;
  readonly to: CountryCode;
  /** End user's country; defaults to `to`. */
  readonly endUserCountry?: CountryCode;
  readonly hq?: CountryCode;
  readonly from?: CountryCode;
  readonly use?: EndUse;
  readonly quantity?: number;
  readonly endUser?: string;
  readonly consignee?: string;
  readonly regime?: Regime;
  readonly classification?: ClassificationResult;
  readonly screening?: readonly PartyScreening[];
  readonly expect: {
    readonly outcome: Outcome;
    readonly licenseRequired?: boolean;
    readonly exceptions?: readonly string[];
    readonly policy?: ReviewPolicy | null;
    readonly reasons?: readonly string[];
    readonly noReasons?: readonly string[];
    readonly enforcement?: readonly string[];
    readonly conditionIncludes?: string;
    readonly warningIncludes?: string;
    readonly blocked?: boolean;
    /** Days of advance notice on the first exception; null for none. */
    readonly notifyDays?: number | null;
  };
}

const cache = new ClassificationCache();

export function lineOf(s: Scenario): OrderLine {
  return {
    orderId: `T-${s.item}-${s.date}`,
    lineNumber: 2,
    orderDate: isoDate(s.date),
    item: s.item,
    quantity: s.quantity ?? 8,
    unitPriceUsd: 10_000,
    shipFromCountry: s.from ?? 'US',
    shipToCountry: s.to,
    endUser: s.endUser ?? 'Example End User Ltd',
    endUserCountry: s.endUserCountry ?? s.to,
    endUserHqCountry: s.hq ?? null,
    endUse: s.use ?? null,
    consignee: s.consignee ?? null,
    extra: {},
  };
}

export function run(s: Scenario): Determination {
  const line = lineOf(s);
  const ctx = cache.get(s.item, line.orderDate);
  return determine(line, {
    classification: s.classification ?? ctx.classification,
    item: ctx.item,
    screening: s.screening ?? null,
    ...(s.regime === undefined ? {} : { regime: s.regime }),
  });
}

/** A hand-built classification for cases the catalog cannot produce (HBM, missing data). */
export function handBuilt(over: Partial<ClassificationResult> & Pick<ClassificationResult, 'item' | 'asOf'>): ClassificationResult {
  return {
    ruleVersion: null,
    tpp: null,
    performanceDensity: null,
    eccn: null,
    paragraph: null,
    controlLevel: null,
    datacenter: true,
    licenseExceptionsEligible: [],
    policy: [],
    tests: [],
    insufficientData: [],
    laterChanges: [],
    ...over,
  };
}
