/**
 * The contract between list ingestion (adapters), the matcher (core) and its users (determination, API, jobs).
 * Fields may be added; existing ones keep their names and meanings.
 */

/** Which government (or internal) list an entry comes from. */
export const LIST_CODES = [
  'bis-entity',
  'bis-denied',
  'bis-unverified',
  'bis-meu',
  'ofac-sdn',
  'ofac-ssi',
  'ofac-fse',
  'ofac-plc',
  'ofac-cap',
  'ofac-nsmbs',
  'ofac-cmic',
  'ofac-nonsdn',
  'state-isn',
  'state-dtc',
  'internal',
] as const;
export type ListCode = (typeof LIST_CODES)[number];

export type PartyType = 'entity' | 'individual' | 'vessel' | 'aircraft' | 'unknown';

export interface ListAddress {
  readonly text: string;
  /** ISO 3166-1 alpha-2 when known. */
  readonly country?: string;
}

export interface ListEntry {
  readonly list: ListCode;
  /** The list's own identifier (OFAC ent_num, CSL id, DPL line key, internal id). */
  readonly sourceId: string;
  /** Primary name as published. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: PartyType;
  /** ISO 3166-1 alpha-2 codes from addresses, nationality, citizenship. */
  readonly countries: readonly string[];
  readonly addresses: readonly ListAddress[];
  readonly programs: readonly string[];
  /** Years of birth the list gives for a person (from OFAC remarks, the CSL dates_of_birth column). */
  readonly birthYears?: readonly number[];
  readonly remarks?: string;
  /** Entity List: the entry's own licence requirement, e.g. "For all items subject to the EAR". */
  readonly licenseRequirement?: string;
  /** Entity List: the entry's licence review policy, e.g. "Presumption of denial". */
  readonly licensePolicy?: string;
  /** e.g. "88 FR 71991" */
  readonly federalRegisterNotice?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly sourceUrl?: string;
}

export interface ScreeningQuery {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly address?: string;
  /** The person's year of birth, when known. */
  readonly birthYear?: number;
  /** What the party is, when the caller knows: a person, a company, a ship. */
  readonly type?: PartyType;
}

/** How one query token lined up with one entry token. */
export interface TokenAlignment {
  readonly query: string;
  readonly entry: string | null;
  readonly kind: 'exact' | 'fuzzy' | 'phonetic' | 'joined' | 'split' | 'abbreviation' | 'weak' | 'unmatched';
  readonly similarity: number;
}

export interface MatchExplanation {
  /** Which of the entry's names matched: "primary" or "alias". */
  readonly matchedOn: 'primary' | 'alias';
  readonly tokens: readonly TokenAlignment[];
  /** The score parts that were combined, e.g. {name: 0.91, country: +0.03}. */
  readonly parts: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
}

export interface ScreeningMatch {
  readonly list: ListCode;
  readonly sourceId: string;
  /** The entry's primary name. */
  readonly name: string;
  /** The name or alias that matched. */
  readonly matchedName: string;
  /** Calibrated 0–1. */
  readonly score: number;
  readonly explanation: MatchExplanation;
  readonly entry: ListEntry;
}

export interface ScreenOptions {
  readonly threshold?: number;
  readonly limit?: number;
}

/** A built index over a set of list entries; pure and synchronous once built. */
export interface Screener {
  readonly entryCount: number;
  screen(query: ScreeningQuery, options?: ScreenOptions): readonly ScreeningMatch[];
}
