import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation, ClassificationResult } from '../../classification/types.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';
import { R1_2022_IFR, R2_MACAU, R3_2023_IFR, R5_HBM, R12_UAE } from '../federal-register-sources.ts';
import { inGroup, type CountryGroup } from '../part-740/supplement-1-country-groups.ts';

export type ControlLevel = NonNullable<ClassificationResult['controlLevel']>;

/**
 * § 742.6(a)(6) RS licence requirements for advanced-computing items, by destination, as dated versions.
 * Each version names the control levels it covers and its destination formula; a new rule is a new entry.
 */
export interface DestinationScopeVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly levels: readonly ControlLevel[];
  readonly paragraph: string;
  readonly citation: Citation;
  /** Listed destinations (ISO codes, Hong Kong read as China). */
  readonly countries: readonly CountryCode[];
  /** Destinations in any of these groups ... */
  readonly groups: readonly CountryGroup[];
  /** ... except those also in any of these. */
  readonly excludeGroups: readonly CountryGroup[];
  /** Known doubt about this version (dates or text not retrieved), reported with every answer it gives. */
  readonly uncertain?: string;
  /** Additions whose reading is conservative and unconfirmed, reported with the answer when they decide it. */
  readonly conservativeAdditions?: { readonly countries: readonly CountryCode[]; readonly note: string };
}

const D_SCOPE = { groups: ['D:1', 'D:4', 'D:5'], excludeGroups: ['A:5', 'A:6'] } as const;

export const DESTINATION_SCOPE_VERSIONS: readonly DestinationScopeVersion[] = [
  {
    id: '742.6-rs-2022-10-07',
    effective: isoDate('2022-10-07'),
    levels: ['legacy-2022', 'a', 'b'],
    paragraph: '15 CFR 742.6(a)(6)(iii) (2022 text)',
    citation: R1_2022_IFR,
    countries: ['CN'],
    groups: [],
    excludeGroups: [],
  },
  {
    id: '742.6-rs-2023-01-18-macau',
    effective: isoDate('2023-01-18'),
    levels: ['legacy-2022', 'a', 'b'],
    paragraph: '15 CFR 742.6(a)(6)(iii) (Macau added)',
    citation: R2_MACAU,
    countries: ['CN', 'MO'],
    groups: [],
    excludeGroups: [],
    uncertain: 'the Macau rule (88 FR 2821) is modelled as effective on publication, 2023-01-18; its effective date was not retrieved',
  },
  {
    id: '742.6-rs-2023-11-17',
    effective: isoDate('2023-11-17'),
    levels: ['a', 'b', 'legacy-2022'],
    paragraph: '15 CFR 742.6(a)(6)(iii) (D:1, D:4, D:5 not in A:5/A:6, plus Macau)',
    citation: R3_2023_IFR,
    countries: ['MO'],
    ...D_SCOPE,
  },
  {
    id: '742.6-rs-2024-12-02-hbm',
    effective: isoDate('2024-12-02'),
    levels: ['c'],
    paragraph: '15 CFR 742.6(a)(6)(i)(B) (3A090.c HBM to Macau or D:5)',
    citation: R5_HBM,
    countries: ['MO'],
    groups: ['D:5'],
    excludeGroups: [],
    uncertain: 'compliance date for the HBM amendments was 2024-12-31 (secondary source); whether D:1/D:4 are also in scope was not verified',
  },
  {
    id: '742.6-rs-2026-07-14-uae-b',
    effective: isoDate('2026-07-14'),
    levels: ['b'],
    paragraph: '15 CFR 742.6(a)(6)(iii)(B) (UAE named, plus D:1, D:4, D:5 not in A:5/A:6)',
    citation: R12_UAE,
    countries: ['MO', 'AE'],
    ...D_SCOPE,
  },
  {
    id: '742.6-rs-2026-07-14-uae-a-conservative',
    effective: isoDate('2026-07-14'),
    levels: ['a', 'legacy-2022'],
    paragraph: '15 CFR 742.6(a)(6)(iii)(A) as enforced (D:1, D:4, D:5 not in A:5/A:6, plus Macau; UAE read conservatively)',
    citation: R12_UAE,
    countries: ['MO'],
    ...D_SCOPE,
    conservativeAdditions: {
      countries: ['AE'],
      note: 'UAE for 3A090.a under the enforced scope is an open question: the UAE left D:4 but the July 2026 rule kept it in the .b rule and created Supp. No. 8 approvals; read conservatively as needing a licence unless the consignee and all end users are approved in Supp. No. 8 (confirm with counsel or BIS)',
    },
  },
];

export interface ScopeAnswer {
  readonly inScope: boolean;
  readonly version: DestinationScopeVersion | null;
  /** Why: which groups put it in or out. */
  readonly basis: string;
  readonly uncertain: readonly string[];
  /** True when the answer rests on a conservative, unconfirmed addition. */
  readonly conservative: boolean;
}

export function scopeVersion(level: ControlLevel, date: IsoDate): DestinationScopeVersion | null {
  let found: DestinationScopeVersion | null = null;
  for (const v of DESTINATION_SCOPE_VERSIONS) {
    if (v.levels.includes(level) && v.effective <= date && (found === null || v.effective >= found.effective)) found = v;
  }
  return found;
}

const scopeMemo = new Map<string, ScopeAnswer>();

/** Whether § 742.6(a)(6) requires a licence for an item of this level to this destination on this date (memoised: pure in its inputs). */
export function destinationInScope(level: ControlLevel, destination: CountryCode, date: IsoDate): ScopeAnswer {
  const key = `${level}|${destination}|${date}`;
  let answer = scopeMemo.get(key);
  if (answer === undefined) {
    answer = computeScope(level, destination, date);
    if (scopeMemo.size > 200_000) scopeMemo.clear();
    scopeMemo.set(key, answer);
  }
  return answer;
}

function computeScope(level: ControlLevel, destination: CountryCode, date: IsoDate): ScopeAnswer {
  const version = scopeVersion(level, date);
  if (version === null) return { inScope: false, version: null, basis: 'no advanced-computing destination rule in force on this date', uncertain: [], conservative: false };
  const country = earDestination(destination);
  const uncertain: string[] = version.uncertain === undefined ? [] : [version.uncertain];
  if (version.countries.includes(country)) {
    return { inScope: true, version, basis: `${country} is listed in ${version.paragraph}`, uncertain, conservative: false };
  }
  const inGroups: CountryGroup[] = [];
  const excluding: CountryGroup[] = [];
  for (const g of version.groups) {
    const a = inGroup(country, g, date);
    if (a.uncertain !== null) uncertain.push(a.uncertain);
    if (a.member) inGroups.push(g);
  }
  for (const g of version.excludeGroups) {
    const a = inGroup(country, g, date);
    if (a.uncertain !== null && inGroups.length > 0) uncertain.push(a.uncertain);
    if (a.member) excluding.push(g);
  }
  if (inGroups.length > 0 && excluding.length === 0) {
    return { inScope: true, version, basis: `${country} is in ${inGroups.join(', ')} and not in ${version.excludeGroups.join('/')}`, uncertain, conservative: false };
  }
  const extra = version.conservativeAdditions;
  if (extra !== undefined && extra.countries.includes(country)) {
    return { inScope: true, version, basis: `${country}: ${extra.note}`, uncertain: [...uncertain, extra.note], conservative: true };
  }
  const basis =
    inGroups.length > 0
      ? `${country} is in ${inGroups.join(', ')} but also in ${excluding.join(', ')}, which the rule excludes`
      : `${country} is in none of ${[...version.countries, ...version.groups].join(', ')}`;
  return { inScope: false, version, basis, uncertain: [...new Set(uncertain)], conservative: false };
}

/** D:5 or Macau: the set the headquarters rule, NAC and the review policy key on. */
const d5Memo = new Map<string, { readonly value: boolean; readonly uncertain: string | null }>();

export function isD5OrMacau(country: CountryCode, date: IsoDate): { readonly value: boolean; readonly uncertain: string | null } {
  const key = `${country}|${date}`;
  let answer = d5Memo.get(key);
  if (answer === undefined) {
    const c = earDestination(country);
    const a = c === 'MO' ? { member: true, uncertain: null } : inGroup(c, 'D:5', date);
    answer = { value: a.member, uncertain: a.uncertain };
    if (d5Memo.size > 200_000) d5Memo.clear();
    d5Memo.set(key, answer);
  }
  return answer;
}
