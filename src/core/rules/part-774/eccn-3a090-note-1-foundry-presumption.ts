import { isoDate } from '../../calendar/iso-date.ts';
import type { FoundryPresumptionVersion } from '../../classification/rule-model.ts';

/**
 * Note 1 to 3A090.a (added by the January 2025 foundry due-diligence rule, corrected February 2025):
 * a front-end fabricator or OSAT exporting an "applicable advanced logic IC" must presume it is
 * 3A090.a and designed for datacenters, unless an approved or authorized IC designer attests
 * TPP/PD below 3A090.a, or a qualifying fabricator/OSAT attests the transistor count below the
 * bounds here. The presumption binds only fabricators and OSATs.
 */
export const FOUNDRY_PRESUMPTION_VERSIONS: readonly FoundryPresumptionVersion[] = [
  {
    id: '3a090-note1-2025-01-16',
    effective: isoDate('2025-01-16'),
    applicableNodeNmAtOrBelow: 16,
    transistorLimits: [
      { fromYear: 2025, toYear: null, belowBillion: 30, requiresNoHbm: false },
      { fromYear: 2027, toYear: 2027, belowBillion: 35, requiresNoHbm: true },
      { fromYear: 2029, toYear: null, belowBillion: 40, requiresNoHbm: true },
    ],
    text: 'Front-end fabricators and OSATs must presume an applicable advanced logic IC (16/14 nm node or below, or non-planar transistors) is 3A090.a and designed for datacenters, unless rebutted by an approved/authorized IC designer attestation or a transistor-count attestation.',
    citation: {
      federalRegister: '90 FR 5298',
      document: 'FR Doc 2025-00711',
      ear: 'Note 1 to 3A090.a and Technical Note 1 to 3A090.a, 15 CFR Part 774 Supp. No. 1 (corrected by 90 FR 9604)',
      effective: isoDate('2025-01-16'),
      kind: 'interim-final-rule',
      url: 'https://www.govinfo.gov/content/pkg/FR-2025-01-16/html/2025-00711.htm',
    },
    uncertain: [
      'The transistor-count bounds by year (30 billion; 35 billion without HBM for shipments completed in 2027; 40 billion without HBM from 2029; 2028 not named) are read from the 2026 eCFR text; sources disagree on the 2026–2028 bands.',
      'The process node is read from the catalog process_node text; an IC whose node cannot be read is presumed applicable (the rule requires the presumption when it cannot be confirmed). Non-planar ICs above 16 nm (e.g. 22 nm FinFET) are not detected.',
      'The attestations themselves (and who may give them: approved Supp. No. 6 designers, authorized designers until 2026-12-31, approved Supp. No. 7 OSATs) are taken from the caller.',
    ],
  },
];

export function foundryPresumptionAt(asOf: string): FoundryPresumptionVersion | null {
  let found: FoundryPresumptionVersion | null = null;
  for (const version of FOUNDRY_PRESUMPTION_VERSIONS) if (version.effective <= asOf) found = version;
  return found;
}
