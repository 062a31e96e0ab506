import { isoDate } from '../../calendar/iso-date.ts';
import type { PolicyBandVersion } from '../../classification/rule-model.ts';

/**
 * § 742.6(b)(10)(iii)(A)(1), added by the January 2026 rule: exports from the United States to end
 * users in China or Macau of advanced-computing commodities with TPP < 21,000 and total DRAM
 * bandwidth < 6,500 GB/s are reviewed case by case (instead of presumption of denial), subject to
 * the certifications of Supp. No. 2 to Part 748 ¶(dd). A licence-review policy: it does not change
 * the classification. Reported as a policy attribute on the classification result.
 */
export const POLICY_BAND_VERSIONS: readonly PolicyBandVersion[] = [
  {
    id: '2026-case-by-case-band',
    effective: isoDate('2026-01-15'),
    description:
      'Case-by-case licence review for exports from the US to end users in China or Macau (TPP < 21,000 and total DRAM bandwidth < 6,500 GB/s), if the Supp. No. 2 to Part 748 ¶(dd) certifications are met; otherwise presumption of denial.',
    levels: ['a', 'b'],
    conditions: [
      { quantity: 'tpp', op: '<', value: 21000 },
      { quantity: 'dram', op: '<', value: 6500 },
    ],
    citation: {
      federalRegister: '91 FR 1684',
      document: 'FR Doc 2026-00789',
      ear: '15 CFR 742.6(b)(10)(iii)(A)(1); Supp. No. 2 to Part 748 ¶(dd)',
      effective: isoDate('2026-01-15'),
      kind: 'final-rule',
      url: 'https://www.govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00789.htm',
    },
    uncertain:
      'The band covers the items in § 742.6(a)(6)(iii), read here as 3A090.a/.b, 4A090.a/.b and their .z items; the rule summary names .a-class commodities (H200, MI325X). "Total DRAM bandwidth" is taken as the catalog memory_bw_gbs.',
  },
];

export function policyBandsInForce(asOf: string): PolicyBandVersion[] {
  return POLICY_BAND_VERSIONS.filter((band) => band.effective <= asOf);
}
