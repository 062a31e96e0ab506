import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation, ClassificationResult } from '../../classification/types.ts';
import { R1_2022_IFR, R3_2023_IFR, R4_CORRECTIONS, R9_2026_BAND, R12_UAE } from '../federal-register-sources.ts';

/** Licence review policies, most restrictive first. */
export const REVIEW_POLICIES = ['policy-of-denial', 'presumption-of-denial', 'case-by-case', 'presumption-of-approval'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export function stricterPolicy(a: ReviewPolicy | null, b: ReviewPolicy | null): ReviewPolicy | null {
  if (a === null) return b;
  if (b === null) return a;
  return REVIEW_POLICIES.indexOf(a) <= REVIEW_POLICIES.indexOf(b) ? a : b;
}

export interface PolicyAnswer {
  readonly policy: ReviewPolicy;
  readonly citation: Citation;
  readonly why: string;
  readonly uncertain?: string;
  /** Conditions an application must meet for this policy (the 2026 band). */
  readonly conditions?: readonly string[];
}

export interface PolicyFacts {
  readonly date: IsoDate;
  readonly level: NonNullable<ClassificationResult['controlLevel']>;
  readonly datacenter: boolean;
  /** Ultimate destination in D:5 or Macau. */
  readonly destinationD5OrMacau: boolean;
  /** End user located in China (incl. Hong Kong) or Macau: the 2026 band keys on location. */
  readonly endUserInChinaOrMacau: boolean;
  /** End user or its ultimate parent headquartered in D:5 or Macau. */
  readonly hqD5OrMacau: boolean;
  /** Ultimate destination in the § 742.6(a)(6) scope (D:1/D:4/D:5 not A:5/A:6, Macau). */
  readonly destinationInScope: boolean;
  readonly exportFromUs: boolean;
  readonly militaryEndUse: boolean;
  /** The classification's 2026 band attribute (TPP < 21,000 and DRAM bandwidth < 6,500 GB/s); null when unknown. */
  readonly inBand2026: boolean | null;
  readonly destinationIsUae: boolean;
}

export const BAND_2026_EFFECTIVE = isoDate('2026-01-15');
const R4_CASE_BY_CASE = isoDate('2024-04-04');
const HQ_DENIAL_EVERYWHERE = isoDate('2026-01-15');

export const BAND_2026_CONDITIONS: readonly string[] = [
  'product commercially available in the US when 91 FR 1684 was published',
  'exporter certifies sufficient US supply',
  'exporter certifies China production will not divert foundry capacity needed for US end users',
  'recipient shows adequate security and KYC procedures',
  'independent third-party testing in the US verifies the performance specifications',
  'aggregate TPP shipped to China/Macau for the product is at most 50% of aggregate TPP shipped to US customers',
  'no military end use',
  'restrictions on IaaS model-weight transfers and on remote access by D:5-linked parties',
];

/**
 * § 742.6(b)(10) review policy for an application, by version:
 * 2022 (reported presumption of denial), 2023-11-17 (CSET table), 2024-04-04 (case-by-case for items other
 * than datacenter 3A090.a), 2026-01-15 (China/Macau band for exports from the US; HQ cases denial everywhere).
 */
export function reviewPolicy742(f: PolicyFacts): PolicyAnswer {
  if (f.date < R3_2023_IFR.effective) {
    return {
      policy: 'presumption-of-denial',
      citation: R1_2022_IFR,
      why: 'the 2022 rule is commonly summarised as a presumption of denial for China',
      uncertain: 'the exact 2022 § 742.6(b)(10) wording was not retrieved',
    };
  }
  const nacEligibleItem = f.level === 'b' || (f.level === 'a' && !f.datacenter);
  if (f.destinationIsUae && !f.destinationD5OrMacau && !f.hqD5OrMacau) {
    return {
      policy: 'case-by-case',
      citation: R12_UAE,
      why: 'UAE under the July 2026 rule; review policy for non-approved UAE parties not retrieved',
      uncertain: 'review policy for UAE applications after the July 2026 UAE rule was not retrieved; case-by-case assumed',
    };
  }
  if (f.date >= BAND_2026_EFFECTIVE && f.exportFromUs && f.endUserInChinaOrMacau && f.level !== 'c') {
    if (f.inBand2026 === true && !f.militaryEndUse) {
      return {
        policy: 'case-by-case',
        citation: R9_2026_BAND,
        why: 'export from the US to an end user in China/Macau of a commodity with TPP < 21,000 and DRAM bandwidth < 6,500 GB/s',
        conditions: BAND_2026_CONDITIONS,
      };
    }
    if (f.inBand2026 === null) {
      return {
        policy: 'presumption-of-denial',
        citation: R9_2026_BAND,
        why: 'presumption of denial unless the item is shown to be inside the 2026 band',
        uncertain: 'whether the item is inside the 2026 band (TPP < 21,000 and DRAM bandwidth < 6,500 GB/s) is unknown',
      };
    }
  }
  if (f.destinationD5OrMacau) {
    if (nacEligibleItem && f.date >= R4_CASE_BY_CASE) {
      return {
        policy: 'case-by-case',
        citation: R4_CORRECTIONS,
        why: 'items other than datacenter 3A090.a get case-by-case review',
        uncertain: 'the April 2024 case-by-case policy is from a secondary source flagged unverified',
      };
    }
    return { policy: 'presumption-of-denial', citation: f.date >= BAND_2026_EFFECTIVE ? R9_2026_BAND : R3_2023_IFR, why: 'destination in D:5 or Macau' };
  }
  if (f.hqD5OrMacau) {
    if (f.destinationInScope) return { policy: 'presumption-of-denial', citation: R3_2023_IFR, why: 'D:1/D:4 destination, end user headquartered in D:5 or Macau' };
    if (f.date >= HQ_DENIAL_EVERYWHERE) {
      return {
        policy: 'presumption-of-denial',
        citation: R9_2026_BAND,
        why: 'entity headquartered in D:5 or Macau, wherever located',
        uncertain: 'the 2026 eCFR gives denial for D:5/Macau-headquartered entities everywhere; before that, CSET (2023) reported case-by-case outside D:1/D:4; the date of the change (Jan 2025 or Jan 2026) is not known',
      };
    }
    return { policy: 'case-by-case', citation: R3_2023_IFR, why: 'destination outside D:1/D:4/D:5 with a D:5/Macau-headquartered party (CSET 2023 summary)' };
  }
  if (nacEligibleItem && f.date >= R4_CASE_BY_CASE) {
    return { policy: 'case-by-case', citation: R4_CORRECTIONS, why: 'items other than datacenter 3A090.a', uncertain: 'the April 2024 case-by-case policy is from a secondary source flagged unverified' };
  }
  return { policy: 'presumption-of-approval', citation: R3_2023_IFR, why: 'D:1/D:4 destination, end user not headquartered in D:5 or Macau' };
}
