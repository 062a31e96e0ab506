import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import { R3_2023_IFR, R4_CORRECTIONS, R6_AI_DIFFUSION } from '../federal-register-sources.ts';

/** License Exceptions NAC (Notified Advanced Computing) and ACA (Advanced Computing Authorized), § 740.8, by version. */
export type NacAcaCode = 'NAC' | 'ACA';

export interface NacAcaVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly citation: Citation;
  /** Destinations NAC reaches: every destination the § 742.6 scope covers (2023), or only D:5/Macau and D:5/Macau-headquartered parties. */
  readonly nacReach: 'all-in-scope' | 'd5-macau-and-hq';
  /** Destinations ACA reaches; null before ACA existed. */
  readonly acaReach: null | 'd1-d4-not-d5-macau' | 'worldwide-except-d5-macau-hq';
  readonly nacConditions: readonly string[];
  readonly uncertain?: string;
}

export const NAC_NOTICE_DAYS = 25;

const NAC_BASE: readonly string[] = [
  `notify BIS in SNAP-R at least ${NAC_NOTICE_DAYS} calendar days before export ("NAC" in Block 9); ship only after a NAC confirmation number appears in STELA (AES licence code C67); BIS may answer "licence required" instead`,
  'notification data: TPP, performance density, and a datasheet showing datacenter or other design and marketing',
  'at most 6 items per notification, one ultimate consignee and one end user, no distributor as a party',
  'a written purchase order before shipping',
];

export const NAC_ACA_VERSIONS: readonly NacAcaVersion[] = [
  {
    id: '740.8-nac-2023-11-17',
    effective: R3_2023_IFR.effective,
    citation: { ...R3_2023_IFR, ear: '15 CFR 740.8 (License Exception NAC, 2023 text)' },
    nacReach: 'all-in-scope',
    acaReach: null,
    nacConditions: NAC_BASE,
    uncertain: 'the 2023 NAC terms (notification for Macau/D:5 and HQ cases only, none for D:1/D:4) are from secondary summaries (CSET, Dec 2023); the 2023 § 740.8 text was not retrieved',
  },
  {
    id: '740.8-nac-aca-2024-04-04',
    effective: isoDate('2024-04-04'),
    citation: { ...R4_CORRECTIONS, ear: '15 CFR 740.8(a) NAC, 740.8(b) ACA' },
    nacReach: 'd5-macau-and-hq',
    acaReach: 'd1-d4-not-d5-macau',
    nacConditions: NAC_BASE,
  },
  {
    id: '740.8-nac-aca-2025-01-13',
    effective: R6_AI_DIFFUSION.effective,
    citation: { ...R6_AI_DIFFUSION, ear: '15 CFR 740.8 (ACA worldwide except Macau/D:5/HQ; NAC adds memory bandwidth and cluster data)' },
    nacReach: 'd5-macau-and-hq',
    acaReach: 'worldwide-except-d5-macau-hq',
    nacConditions: [
      ...NAC_BASE,
      'also report memory bandwidth, all NAC and licence approvals to the same end user in the last 12 months, and whether the items go into a computing cluster (aggregate TPP; internal use by a US/A:5/A:6-headquartered company or use by others)',
    ],
    uncertain: 'the 2026 eCFR shows ACA covering the whole world except Macau, D:5 and D:5/Macau-headquartered parties; which rule widened it was not checked (modelled as the January 2025 AI Diffusion IFR)',
  },
];

export function nacAcaVersion(date: IsoDate): NacAcaVersion | null {
  let found: NacAcaVersion | null = null;
  for (const v of NAC_ACA_VERSIONS) if (v.effective <= date && (found === null || v.effective >= found.effective)) found = v;
  return found;
}

export interface NacAcaFacts {
  readonly date: IsoDate;
  /** The item is eligible: 3A090 except .c, 4A090 and the .z items, but not datacenter 3A090.a. */
  readonly itemEligible: boolean;
  readonly destinationD5OrMacau: boolean;
  readonly destinationInScope: boolean;
  readonly hqD5OrMacau: boolean;
  readonly inCountryTransfer: boolean;
}

export interface ExceptionOffer {
  readonly code: NacAcaCode;
  readonly citation: Citation;
  readonly conditions: readonly string[];
  /** Days before export that BIS must be notified (NAC), else absent. */
  readonly notifyDaysBefore?: number;
  readonly uncertain?: string;
}

/** Which of NAC/ACA can authorise the transaction under § 740.8's destination conditions (item conditions checked by the caller). */
export function nacAcaOffer(f: NacAcaFacts): ExceptionOffer | null {
  const v = nacAcaVersion(f.date);
  if (v === null || !f.itemEligible) return null;
  const uncertain = v.uncertain === undefined ? {} : { uncertain: v.uncertain };
  const nac: ExceptionOffer = { code: 'NAC', citation: v.citation, conditions: v.nacConditions, notifyDaysBefore: NAC_NOTICE_DAYS, ...uncertain };
  const aca: ExceptionOffer = {
    code: 'ACA',
    citation: v.citation,
    conditions: ['no notification to BIS (AES licence code C68)', 'a written purchase order before shipping'],
    ...uncertain,
  };
  if (v.acaReach === null) {
    // 2023 text: one exception, NAC; notification only for Macau/D:5 and D:5/Macau-headquartered parties.
    if (f.destinationD5OrMacau || f.hqD5OrMacau) return nac;
    if (!f.destinationInScope) return null;
    return { code: 'NAC', citation: v.citation, conditions: ['no notification for D:1/D:4 destinations under the 2023 text (later split out as ACA)', 'a written purchase order before shipping'], ...uncertain };
  }
  // ACA also covers in-country transfers within Macau/D:5.
  if (f.inCountryTransfer && f.destinationD5OrMacau && !f.hqD5OrMacau) return aca;
  if (f.destinationD5OrMacau || f.hqD5OrMacau) return nac;
  if (v.acaReach === 'worldwide-except-d5-macau-hq') return aca;
  return f.destinationInScope ? aca : null;
}
