import type { IsoDate } from '../calendar/iso-date.ts';
import type { CountryCode } from '../countries/country.ts';
import type { ScreeningMatch } from '../screening/types.ts';
import type { ReviewPolicy } from '../rules/part-742/section-742.6-b10-review-policy.ts';

export type { ReviewPolicy } from '../rules/part-742/section-742.6-b10-review-policy.ts';
export type { ItemFacts } from '../rules/overlays/product-overlays.ts';

export const END_USES = ['commercial', 'research', 'supercomputer', 'military', 'ai-training', 'cloud-iaas'] as const;
export type EndUse = (typeof END_USES)[number];

export const OUTCOMES = ['no-license-required', 'license-exception', 'license-required', 'hold'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One line of an order book, validated. */
export interface OrderLine {
  readonly orderId: string;
  /** 1-based line number in the source file (header is line 1), for messages. */
  readonly lineNumber: number;
  readonly orderDate: IsoDate;
  /** Catalog id. */
  readonly item: string;
  readonly quantity: number;
  readonly unitPriceUsd: number | null;
  readonly shipFromCountry: CountryCode;
  readonly shipToCountry: CountryCode;
  readonly endUser: string;
  readonly endUserCountry: CountryCode;
  /** Where the end user's ultimate parent is headquartered; null when not given. */
  readonly endUserHqCountry: CountryCode | null;
  readonly endUse: EndUse | null;
  readonly consignee: string | null;
  /** Unknown columns, passed through untouched. */
  readonly extra: Readonly<Record<string, string>>;
}

export type PartyRole = 'end_user' | 'consignee' | 'other';

/** A reviewer's decision on a screening hit; the CLI has none, so its hits are all `unreviewed`. */
export type HitReview = 'unreviewed' | 'confirmed' | 'cleared';

export interface PartyScreening {
  readonly role: PartyRole;
  readonly name: string;
  readonly country: CountryCode | null;
  readonly hits: readonly { readonly match: ScreeningMatch; readonly review: HitReview }[];
  /** e.g. "lists loaded 2026-11-20" */
  readonly listsAsOf?: string;
}

export interface Reason {
  /** Stable, e.g. "742.6-destination-scope". Tests and downstream tools key on it. */
  readonly code: string;
  readonly citation: string;
  readonly message: string;
}

export interface ExceptionAvailable {
  readonly code: 'NAC' | 'ACA' | 'AIA' | 'LPP';
  readonly citation: string;
  readonly conditions: readonly string[];
  readonly notifyDaysBefore?: number;
}

/** A note on an answer that rests on press reports, unverified facts, unknown dates or unenforced text. */
export interface EnforcementNote {
  readonly basis: 'press' | 'is-informed' | 'guidance' | 'unverified' | 'date-unknown' | 'codified-not-enforced' | 'conservative-reading';
  readonly message: string;
}

export type Regime = 'enforced' | 'codified';

export interface Determination {
  readonly orderId: string;
  readonly lineNumber: number;
  readonly item: string;
  readonly asOf: IsoDate;
  readonly regime: Regime;
  readonly outcome: Outcome;
  /** True whenever the EAR (or an overlay) imposes a requirement, even if an exception is available. */
  readonly licenseRequired: boolean;
  readonly exceptions: readonly ExceptionAvailable[];
  readonly reviewPolicy: ReviewPolicy | null;
  readonly eccn: string | null;
  readonly paragraph: string | null;
  readonly reasons: readonly Reason[];
  readonly warnings: readonly string[];
  readonly enforcement: readonly EnforcementNote[];
  /** Licence conditions reported for this product and destination (e.g. revenue shares). */
  readonly conditions: readonly string[];
  /** Set when shipping is prohibited outright (a confirmed Denied Persons match). */
  readonly blocked: boolean;
  /** Rule-set version and the classification rule version used, so a stored answer can be replayed. */
  readonly ruleSetVersion: string;
  readonly classificationRuleVersion: string | null;
}
