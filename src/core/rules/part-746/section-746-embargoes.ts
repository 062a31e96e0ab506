import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';
import type { ReviewPolicy } from '../part-742/section-742.6-b10-review-policy.ts';

/**
 * Part 746 embargoes and sanctions that require a licence for every accelerator whatever its ECCN
 * (so they matter for items below 3A090, like consumer GPUs). Only the country-wide measures are modelled.
 */
export interface Embargo {
  readonly country: CountryCode;
  readonly from: IsoDate;
  readonly policy: ReviewPolicy;
  readonly citation: Citation;
  readonly note?: string;
}

const cite = (ear: string, from: string, fr: string): Citation => ({ federalRegister: fr, ear, effective: isoDate(from), kind: 'final-rule' });

export const EMBARGOES: readonly Embargo[] = [
  { country: 'CU', from: isoDate('2000-01-01'), policy: 'policy-of-denial', citation: cite('15 CFR 746.2 (Cuba)', '2000-01-01', 'EAR Part 746') },
  { country: 'IR', from: isoDate('2000-01-01'), policy: 'policy-of-denial', citation: cite('15 CFR 746.7 (Iran; OFAC ITSR also applies)', '2000-01-01', 'EAR Part 746'), note: 'OFAC Iranian Transactions and Sanctions Regulations also apply' },
  { country: 'KP', from: isoDate('2000-01-01'), policy: 'policy-of-denial', citation: cite('15 CFR 746.4 (North Korea)', '2000-01-01', 'EAR Part 746') },
  {
    country: 'SY', from: isoDate('2000-01-01'), policy: 'policy-of-denial', citation: cite('15 CFR 746.9 (Syria)', '2000-01-01', 'EAR Part 746'),
    note: 'US Syria policy changed in 2025 (License Exception SPP, § 740.5); the effect on these items was not verified',
  },
  { country: 'RU', from: isoDate('2022-02-24'), policy: 'policy-of-denial', citation: cite('15 CFR 746.8 (Russia)', '2022-02-24', '87 FR 12226 (background knowledge, not re-verified)') },
  { country: 'BY', from: isoDate('2022-03-02'), policy: 'policy-of-denial', citation: cite('15 CFR 746.8 (Belarus)', '2022-03-02', '87 FR 13048 (background knowledge, not re-verified)') },
];

export function embargo(destination: CountryCode, date: IsoDate): Embargo | null {
  const c = earDestination(destination);
  return EMBARGOES.find((e) => e.country === c && e.from <= date) ?? null;
}
