import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';

/**
 * Country groups of Supp. No. 1 to Part 740 as dated memberships.
 *
 * Two bases, both right for their dates:
 *  - BASELINE: the 2023 baseline (rules.md §3.4 / rules-summary.json), mostly background knowledge [K],
 *    consistent with CSET's "44 countries + Macau" count at 2023-11-17;
 *  - ECFR_2026: the eCFR text of 2026-07-23 and 2026-09-24, two independent parses with identical groups.
 * Where they differ and the date of the change is known, the change carries that date. Where it is not
 * known, the membership carries an `uncertain` window: any answer that depends on it inside the window
 * says so.
 */
export const COUNTRY_GROUPS = ['A:5', 'A:6', 'D:1', 'D:3', 'D:4', 'D:5', 'E:1', 'E:2'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

export interface UncertainWindow {
  /** null: from the start of the modelled period. */
  readonly from: IsoDate | null;
  readonly until: IsoDate;
  readonly note: string;
}

export interface Membership {
  readonly country: CountryCode;
  readonly group: CountryGroup;
  /** null: a member since before the advanced-computing rules (2022). */
  readonly from: IsoDate | null;
  /** Exclusive; null while still a member. */
  readonly until: IsoDate | null;
  readonly source: string;
  readonly uncertain?: UncertainWindow;
}

const BASELINE = 'Supp. No. 1 to Part 740, 2023 baseline (rules.md §3.4; CSET 44+Macau count)';
const ECFR_2026 = 'Supp. No. 1 to Part 740, eCFR 2026-07-23 and 2026-09-24 (two independent parses, identical)';
const ECFR_CONFIRMED = isoDate('2026-07-23');

const UAE_RULE_DATE = isoDate('2026-07-14');
const UAE_RULE =
  '"Enhanced Favorable Treatment for the UAE under the EAR", FR Doc 2026-14132 (published 2026-07-14; Supp. No. 8 cites 91 FR 43038, 7/10/2026)';
const UAE_WINDOW: UncertainWindow = {
  from: isoDate('2026-07-10'),
  until: isoDate('2026-07-15'),
  note: 'UAE moved from D:3/D:4 to A:5 by the July 2026 UAE rule; its effective date was not retrieved (modelled as 2026-07-14, publication; Supp. No. 8 cites 2026-07-10)',
};

const CAMBODIA_D5_END = isoDate('2026-02-03');
const CAMBODIA_WINDOW: UncertainWindow = {
  from: isoDate('2025-11-01'),
  until: CAMBODIA_D5_END,
  note: 'Cambodia left the State Department arms-embargo list (22 CFR 126.1) in November 2025 (exact day not retrieved) and BIS removed it from D:5 on 2026-02-03; the D:5 note says the State list controls, so D:5 status in between is uncertain',
};

function dateUnknownAdded(what: string): UncertainWindow {
  return { from: null, until: ECFR_CONFIRMED, note: `${what}: present in the 2026 eCFR, absent from the 2023 baseline; date of addition unknown (treated as a member throughout, the conservative reading)` };
}
function dateUnknownRemoved(what: string): UncertainWindow {
  return { from: null, until: ECFR_CONFIRMED, note: `${what}: in the 2023 baseline, absent from the 2026 eCFR; date of removal unknown (treated as a member until 2026-07-23)` };
}

const A5_STABLE: readonly CountryCode[] = [
  'AR', 'AU', 'AT', 'BE', 'BG', 'CA', 'HR', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IN', 'IE', 'IT', 'JP',
  'KR', 'LV', 'LT', 'LU', 'NL', 'NZ', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'CH', 'TR', 'GB',
];
const A6_STABLE: readonly CountryCode[] = ['AL', 'CY', 'IL', 'MT', 'MX', 'SG', 'ZA', 'TW'];
const D1_STABLE: readonly CountryCode[] = [
  'AM', 'AZ', 'BY', 'MM', 'KH', 'CN', 'GE', 'IQ', 'KZ', 'KP', 'KG', 'LA', 'LY', 'MO', 'MD', 'MN', 'RU', 'TJ', 'TM', 'UZ',
  'VE', 'VN', 'YE',
];
const D3_STABLE: readonly CountryCode[] = [
  'AF', 'AM', 'AZ', 'BH', 'BY', 'MM', 'CN', 'CU', 'EG', 'GE', 'IR', 'IQ', 'IL', 'JO', 'KZ', 'KP', 'KW', 'KG', 'LB', 'LY',
  'MO', 'MD', 'MN', 'OM', 'PK', 'QA', 'RU', 'SA', 'SY', 'TW', 'TJ', 'TM', 'UZ', 'VE', 'VN', 'YE',
];
const D4_STABLE: readonly CountryCode[] = [
  'BH', 'CN', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KP', 'KW', 'LB', 'LY', 'MO', 'OM', 'PK', 'QA', 'RU', 'SA', 'SY', 'YE',
];
const D5_STABLE: readonly CountryCode[] = [
  'AF', 'BY', 'MM', 'CF', 'CN', 'CD', 'CU', 'ER', 'HT', 'IR', 'IQ', 'KP', 'LB', 'LY', 'RU', 'SO', 'SS', 'SD', 'SY', 'VE', 'ZW',
];

function stable(group: CountryGroup, countries: readonly CountryCode[]): Membership[] {
  return countries.map((country) => ({ country, group, from: null, until: null, source: `${BASELINE}; ${ECFR_2026}` }));
}

export const MEMBERSHIPS: readonly Membership[] = [
  ...stable('A:5', A5_STABLE),
  { country: 'AE', group: 'A:5', from: UAE_RULE_DATE, until: null, source: `${UAE_RULE}; ${ECFR_2026}`, uncertain: UAE_WINDOW },
  ...stable('A:6', A6_STABLE),
  {
    country: 'BR', group: 'A:6', from: null, until: ECFR_CONFIRMED, source: `${BASELINE} (Brazil's row ambiguous)`,
    uncertain: dateUnknownRemoved('Brazil in A:6 (irrelevant to 3A090: Brazil is in no D group)'),
  },
  ...stable('D:1', D1_STABLE),
  { country: 'NI', group: 'D:1', from: null, until: null, source: ECFR_2026, uncertain: dateUnknownAdded('Nicaragua in D:1') },
  {
    country: 'IR', group: 'D:1', from: null, until: ECFR_CONFIRMED, source: BASELINE,
    uncertain: dateUnknownRemoved('Iran in D:1 (no effect on 3A090 scope: Iran is in D:4 and D:5)'),
  },
  ...stable('D:3', D3_STABLE),
  { country: 'AE', group: 'D:3', from: null, until: UAE_RULE_DATE, source: `${BASELINE}; removed by ${UAE_RULE}`, uncertain: UAE_WINDOW },
  ...stable('D:4', D4_STABLE),
  { country: 'AE', group: 'D:4', from: null, until: UAE_RULE_DATE, source: `${BASELINE}; removed by ${UAE_RULE}`, uncertain: UAE_WINDOW },
  { country: 'BY', group: 'D:4', from: null, until: null, source: ECFR_2026, uncertain: dateUnknownAdded('Belarus in D:4 (no effect on 3A090 scope: Belarus is in D:1 and D:5)') },
  { country: 'VE', group: 'D:4', from: null, until: null, source: ECFR_2026, uncertain: dateUnknownAdded('Venezuela in D:4 (no effect on 3A090 scope: Venezuela is in D:1 and D:5)') },
  ...stable('D:5', D5_STABLE),
  {
    country: 'KH', group: 'D:5', from: null, until: CAMBODIA_D5_END,
    source: `${BASELINE}; removed by BIS final rule published 2026-02-03 (FR cite not retrieved; Fenwick 2026)`, uncertain: CAMBODIA_WINDOW,
  },
  { country: 'NI', group: 'D:5', from: null, until: null, source: `${ECFR_2026}; 22 CFR 126.1 per Fenwick 2026`, uncertain: dateUnknownAdded('Nicaragua in D:5') },
  {
    country: 'CY', group: 'D:5', from: null, until: ECFR_CONFIRMED, source: BASELINE,
    uncertain: dateUnknownRemoved('Cyprus in D:5 (no effect on the destination scope, Cyprus being in A:6, but it decides the headquarters rule for Cyprus-headquartered parties)'),
  },
  ...stable('E:1', ['IR', 'KP', 'SY']),
  ...stable('E:2', ['CU']),
];

const byKey = new Map<string, Membership[]>();
for (const m of MEMBERSHIPS) {
  const key = `${m.group}|${m.country}`;
  const list = byKey.get(key) ?? [];
  list.push(m);
  byKey.set(key, list);
}

export interface GroupAnswer {
  readonly member: boolean;
  readonly source: string | null;
  /** Set when the answer on this date rests on a change whose date is unknown or unverified. */
  readonly uncertain: string | null;
}

/** Whether a country (Hong Kong read as China) is in a group on a date, with the source and any doubt. */
export function inGroup(country: CountryCode, group: CountryGroup, date: IsoDate): GroupAnswer {
  const records = byKey.get(`${group}|${earDestination(country)}`) ?? [];
  let member: Membership | null = null;
  let uncertain: string | null = null;
  for (const r of records) {
    if ((r.from === null || date >= r.from) && (r.until === null || date < r.until)) member = r;
    const w = r.uncertain;
    if (w !== undefined && (w.from === null || date >= w.from) && date < w.until) uncertain = w.note;
  }
  return { member: member !== null, source: member?.source ?? null, uncertain };
}

export function groupsOf(country: CountryCode, date: IsoDate): CountryGroup[] {
  return COUNTRY_GROUPS.filter((g) => inGroup(country, g, date).member);
}

/** Every member of a group on a date (ISO codes; Hong Kong is not listed because the EAR folds it into China). */
export function membersOf(group: CountryGroup, date: IsoDate): CountryCode[] {
  return MEMBERSHIPS.filter((m) => m.group === group && (m.from === null || date >= m.from) && (m.until === null || date < m.until))
    .map((m) => m.country)
    .sort();
}
