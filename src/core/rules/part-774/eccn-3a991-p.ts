import { isoDate } from '../../calendar/iso-date.ts';
import type { AtOnlyRuleVersion } from '../../classification/rule-model.ts';
import { FR_2023_23055 } from './citations.ts';

/**
 * 3A991.p and 4A994.l (anti-terrorism controls only): ICs "not elsewhere specified" with processing
 * performance of 8 TOPS or more, or aggregate bidirectional non-memory I/O of 150 GB/s or more, and
 * the computers, assemblies and components that contain them. Reported beside the advanced-computing
 * result so that an item outside 3A090 is not mistaken for EAR99.
 */
export const ECCN_3A991_P_VERSIONS: readonly AtOnlyRuleVersion[] = [
  {
    id: '3a991p-2023-11-17',
    effective: isoDate('2023-11-17'),
    eccn: '3A991.p',
    systemEccn: '4A994.l',
    anyOf: [
      { quantity: 'tops', op: '>=', value: 8 },
      { quantity: 'io', op: '>=', value: 150 },
    ],
    text: 'ICs n.e.s. with processing performance of 8 TOPS or more (TOPS = 2 × MacTOPS, summed over all processing units), or aggregate bidirectional I/O of 150 GB/s or more to ICs other than volatile memory. AT only.',
    citation: FR_2023_23055('ECCN 3A991.p and 4A994.l, 15 CFR Part 774 Supp. No. 1'),
    uncertain:
      'Parameters from the 2026 eCFR text; that R3 (effective 2023-11-17) added 3A991.p/4A994.l is background knowledge, not confirmed by the reference texts. Other entries (e.g. 5A992.c for mass-market encryption) take precedence when they apply; pass the host ECCN.',
  },
];

export function atOnlyRuleAt(asOf: string): AtOnlyRuleVersion | null {
  let found: AtOnlyRuleVersion | null = null;
  for (const version of ECCN_3A991_P_VERSIONS) if (version.effective <= asOf) found = version;
  return found;
}
