import type { IsoDate } from '../calendar/iso-date.ts';

/**
 * The contract between classification and everything built on it (determination, exposure, API, UI).
 * Fields may be added; existing ones keep their names and meanings.
 */

/** Numeric precisions a datasheet quotes; the bit length used for TPP is the widest multiply input. */
export const PRECISIONS = ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'fp6', 'int8', 'fp4', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

export type Market = 'datacenter' | 'consumer' | 'workstation';

/** What a rule citation points at. */
export interface Citation {
  /** e.g. "88 FR 73458" */
  readonly federalRegister: string;
  /** e.g. "FR Doc 2023-23055" */
  readonly document?: string;
  /** e.g. "ECCN 3A090.a.2, 15 CFR Part 774 Supp. No. 1" */
  readonly ear: string;
  readonly effective: IsoDate;
  readonly kind: 'final-rule' | 'interim-final-rule' | 'correction' | 'guidance' | 'is-informed' | 'press' | 'proposal';
  readonly url?: string;
}

/** One test the engine applied, with its inputs, threshold and margin, so an officer can check it by hand. */
export interface AppliedTest {
  readonly id: string; // stable, e.g. "tpp>=4800"
  readonly paragraph: string | null; // e.g. "3A090.a.1"
  readonly description: string;
  readonly inputs: Readonly<Record<string, number | string | boolean | null>>;
  readonly threshold: string; // e.g. "TPP >= 4800"
  readonly passed: boolean | null; // null when it could not be evaluated (missing data)
  /** e.g. "TPP 2368 is 32 below 2400 (1.3 %)" */
  readonly margin: string | null;
  readonly citation: Citation;
}

export interface PolicyAttribute {
  readonly id: string; // e.g. "2026-case-by-case-band"
  readonly description: string;
  readonly applies: boolean | null;
  /** Whether the item's figures fall inside the band's thresholds, whether or not the item is in scope. */
  readonly withinBand?: boolean | null;
  readonly citation: Citation;
}

export interface LaterChange {
  readonly effective: IsoDate;
  readonly ruleId: string;
  readonly eccn: string | null;
  readonly paragraph: string | null;
  readonly summary: string;
}

export type LicenseException = 'NAC' | 'ACA' | 'HBM';

export interface ClassificationResult {
  readonly item: string;
  readonly asOf: IsoDate;
  readonly ruleVersion: { readonly id: string; readonly effective: IsoDate; readonly citation: Citation } | null;
  readonly tpp: number | null;
  readonly performanceDensity: number | null;
  /** e.g. "3A090.a", "3A090.b", "3A090.c", "4A090.a", "5A992.z"; null when outside every advanced-computing entry. */
  readonly eccn: string | null;
  /** e.g. "3A090.a.2"; null when not controlled. */
  readonly paragraph: string | null;
  /** The advanced-computing level the item meets, whatever ECCN it lands in (".z" items keep it). */
  readonly controlLevel: 'a' | 'b' | 'c' | 'legacy-2022' | null;
  readonly datacenter: boolean;
  readonly licenseExceptionsEligible: readonly LicenseException[];
  readonly policy: readonly PolicyAttribute[];
  readonly tests: readonly AppliedTest[];
  /** e.g. ["die_area_mm2: die area needed to compute performance density"]; empty when none. */
  readonly insufficientData: readonly string[];
  readonly laterChanges: readonly LaterChange[];
  /** Added fields (optional in the contract so hand-built fixtures stay valid; `classify` always fills them). */
  /** controlled / not-controlled, or undetermined when a missing datum decides it (see insufficientData). */
  readonly status?: ClassificationStatus;
  /** One line an officer can read: the outcome and its deciding margin(s). */
  readonly summary?: string;
  /** The precision whose dense rate × bit length gives the TPP, with the figures used. */
  readonly tppBasis?: { readonly precision: Precision; readonly denseTops: number; readonly bitLength: number } | null;
  /** When undetermined: the paragraphs still possible given the known data. */
  readonly possibleParagraphs?: readonly string[];
  /** Uncertain points that bear on this result (rule readings, estimated inputs); data that can be corrected. */
  readonly uncertainties?: readonly string[];
  /** When outside the advanced-computing entries: the AT-only entry the item meets (e.g. "3A991.p", "4A994.l"), else null. */
  readonly atOnlyEccn?: string | null;
  /** The margins that decide the outcome: the met paragraph's, or when not controlled the nearest lines
   * (H20: ["3A090.b.1: TPP 2368 is 32 below 2400 (1.3 %)", "3A090.b.2: PD 2.91 is 0.29 below 3.2 (9.1 %)"]). */
  readonly bindingMargins?: readonly string[];
}

export type ClassificationStatus = 'controlled' | 'not-controlled' | 'undetermined';
