import type { IsoDate } from '../calendar/iso-date.ts';
import type { Citation, LicenseException } from './types.ts';

/**
 * The shape of advanced-computing rule data. Rule files under src/core/rules/ hold values of these
 * types; the evaluator in this folder reads them. A new rule version is a new data entry.
 */

/** tpp = total processing performance; pd = performance density (TPP/mm²); io = bidirectional
 * non-memory I/O (GB/s); mbd = memory bandwidth density (GB/s/mm²); dram = total DRAM bandwidth (GB/s);
 * tops = peak dense operations per second, any precision (2 × MacTOPS, as 3A991.p counts it). */
export type Quantity = 'tpp' | 'pd' | 'io' | 'mbd' | 'dram' | 'tops';

export interface Condition {
  readonly quantity: Quantity;
  readonly op: '>=' | '>' | '<';
  readonly value: number;
}

export type ControlLevel = 'a' | 'b' | 'c' | 'legacy-2022';

export interface ParameterParagraph {
  /** e.g. "3A090.a.2" */
  readonly paragraph: string;
  /** The ECCN entry the paragraph sits in, e.g. "3A090.a" */
  readonly eccn: string;
  readonly level: ControlLevel;
  /** Logic ICs are judged on TPP/PD (and I/O in 2022); standalone memory on bandwidth density. */
  readonly appliesTo: 'logic' | 'memory';
  /** All must hold. */
  readonly conditions: readonly Condition[];
  readonly text: string;
  readonly citation: Citation;
}

/** An exclusion such as Note 2 (items not designed or marketed for datacenters with TPP < 4800). */
export interface Exclusion {
  readonly id: string;
  readonly paragraph: string;
  readonly onlyWhenNotDatacenter: boolean;
  readonly conditions: readonly Condition[];
  readonly text: string;
  readonly citation: Citation;
}

export interface LicenseExceptionEligibility {
  readonly exception: LicenseException;
  readonly levels: readonly ControlLevel[];
  /** true: only datacenter items; false: only non-datacenter items; null: either. */
  readonly datacenter: boolean | null;
  readonly conditions: readonly Condition[];
  readonly citation: Citation;
}

export interface ZParagraphRule {
  /** ECCNs whose items move to their ".z" paragraph when they meet the 3A090/4A090 parameters. */
  readonly hosts: readonly string[];
  /** Sub-paragraph per level where the text numbers it simply, e.g. 5A992 → { a: "5A992.z.1", b: "5A992.z.2" }. */
  readonly subParagraphs: Readonly<Record<string, Readonly<Partial<Record<ControlLevel, string>>>>>;
  /** Levels that never make an item ".z" (Note 4: the .c HBM parameters). */
  readonly excludedLevels: readonly ControlLevel[];
  readonly citation: Citation;
  readonly uncertain: string | null;
}

export interface SystemRule {
  /** ECCN and paragraph for computers, assemblies and components containing an IC at that level. */
  readonly byLevel: Readonly<Partial<Record<ControlLevel, { readonly eccn: string; readonly paragraph: string }>>>;
  readonly citation: Citation;
  readonly uncertain: string | null;
}

export interface ClassificationRuleVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly title: string;
  readonly citation: Citation;
  /** In precedence order: the first satisfied paragraph at the highest level wins. */
  readonly paragraphs: readonly ParameterParagraph[];
  readonly exclusions: readonly Exclusion[];
  readonly licenseExceptions: readonly LicenseExceptionEligibility[];
  readonly systems: SystemRule;
  readonly zParagraphs: ZParagraphRule | null;
  /** Points the reference texts leave open, kept beside the data so they can be corrected. */
  readonly uncertain: readonly string[];
}

/** An anti-terrorism-only entry for ICs (and the systems containing them) outside the advanced-computing entries. */
export interface AtOnlyRuleVersion {
  readonly id: string;
  readonly effective: IsoDate;
  /** ECCN paragraph for the IC, e.g. "3A991.p". */
  readonly eccn: string;
  /** ECCN paragraph for computers, assemblies and components containing such an IC, e.g. "4A994.l". */
  readonly systemEccn: string;
  /** Any one suffices. */
  readonly anyOf: readonly Condition[];
  readonly text: string;
  readonly citation: Citation;
  readonly uncertain: string | null;
}

/** A transistor-count bound under which a fabricator/OSAT attestation rebuts the Note 1 presumption. */
export interface TransistorCountLimit {
  /** Calendar years of completed shipments the bound applies to (inclusive); null toYear = open-ended. */
  readonly fromYear: number;
  readonly toYear: number | null;
  /** The final packaged IC's aggregated approximated transistor count must be below this, in billions. */
  readonly belowBillion: number;
  readonly requiresNoHbm: boolean;
}

/** Note 1 to 3A090.a: front-end fabricators and OSATs presume advanced logic ICs are 3A090.a and datacenter. */
export interface FoundryPresumptionVersion {
  readonly id: string;
  readonly effective: IsoDate;
  /** "Applicable advanced logic IC": made at this node or below (or with non-planar transistors). */
  readonly applicableNodeNmAtOrBelow: number;
  readonly transistorLimits: readonly TransistorCountLimit[];
  readonly text: string;
  readonly citation: Citation;
  readonly uncertain: readonly string[];
}

export interface PolicyBandVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly description: string;
  /** Levels the band can apply to (it covers the commodities in § 742.6(a)(6)(iii)). */
  readonly levels: readonly ControlLevel[];
  readonly conditions: readonly Condition[];
  readonly citation: Citation;
  readonly uncertain: string | null;
}
