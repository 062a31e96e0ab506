import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';
import type { ReviewPolicy } from '../part-742/section-742.6-b10-review-policy.ts';

/**
 * § 744.21 military end use / military end user: Supp. No. 2 to Part 744 items (which include the 3A991/4A994/5A992
 * families accelerators fall in) for the listed countries. Country additions are dated where known; otherwise
 * flagged. Belarus and Russia cover all items subject to the EAR.
 */
export interface MilitaryCountry {
  readonly country: CountryCode;
  readonly from: IsoDate;
  readonly policy: ReviewPolicy;
  readonly citation: Citation;
  readonly uncertain?: string;
}

const RULE_2020: Citation = {
  federalRegister: '85 FR 23459',
  document: 'FR Doc 2020-07241',
  ear: '15 CFR 744.21 (PRC, Russia, Venezuela)',
  effective: isoDate('2020-06-29'),
  kind: 'final-rule',
};
const LATER: (ear: string, from: string) => Citation = (ear, from) => ({
  federalRegister: 'eCFR 2026-09-24 text of 15 CFR 744.21 (adding rule not retrieved)',
  ear,
  effective: isoDate(from),
  kind: 'final-rule',
});

export const MILITARY_COUNTRIES: readonly MilitaryCountry[] = [
  { country: 'CN', from: isoDate('2020-06-29'), policy: 'presumption-of-denial', citation: RULE_2020 },
  { country: 'VE', from: isoDate('2020-06-29'), policy: 'presumption-of-denial', citation: RULE_2020 },
  { country: 'RU', from: isoDate('2020-06-29'), policy: 'policy-of-denial', citation: RULE_2020 },
  {
    country: 'BY', from: isoDate('2022-03-02'), policy: 'policy-of-denial', citation: LATER('15 CFR 744.21 (Belarus)', '2022-03-02'),
    uncertain: 'date Belarus was added to § 744.21 not verified (modelled as 2022-03-02, the Belarus sanctions rule)',
  },
  {
    country: 'MM', from: isoDate('2021-03-08'), policy: 'presumption-of-denial', citation: LATER('15 CFR 744.21 (Burma)', '2021-03-08'),
    uncertain: 'date Burma was added to § 744.21 not verified',
  },
  {
    country: 'KH', from: isoDate('2021-12-09'), policy: 'presumption-of-denial', citation: LATER('15 CFR 744.21 (Cambodia)', '2021-12-09'),
    uncertain: 'date Cambodia was added to § 744.21 not verified',
  },
  {
    country: 'NI', from: isoDate('2022-01-01'), policy: 'presumption-of-denial', citation: LATER('15 CFR 744.21 (Nicaragua)', '2022-01-01'),
    uncertain: 'date Nicaragua was added to § 744.21 not known (present in the 2026 eCFR; treated as covered throughout, the conservative reading)',
  },
];

export function militaryEndUseRule(destination: CountryCode, date: IsoDate): MilitaryCountry | null {
  const c = earDestination(destination);
  return MILITARY_COUNTRIES.find((m) => m.country === c && m.from <= date) ?? null;
}
