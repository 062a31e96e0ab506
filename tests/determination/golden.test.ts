import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/core/calendar/iso-date.ts';
import { RULE_SET_VERSION } from '../../src/core/determination/rule-set.ts';
import type { PartyScreening } from '../../src/core/determination/types.ts';
import type { ListCode, ScreeningMatch } from '../../src/core/screening/types.ts';
import { handBuilt, run, type Scenario } from './scenario-support.ts';

const H100 = 'nvidia-h100-sxm5-80gb';
const A100 = 'nvidia-a100-sxm4-80gb';

function hit(list: ListCode, review: 'unreviewed' | 'confirmed' | 'cleared', policy?: string): PartyScreening {
  const match: ScreeningMatch = {
    list,
    sourceId: `${list}-1`,
    name: 'Example End User Ltd',
    matchedName: 'Example End User Ltd',
    score: 0.97,
    explanation: { matchedOn: 'primary', tokens: [], parts: { name: 0.97 }, notes: [] },
    entry: {
      list,
      sourceId: `${list}-1`,
      name: 'Example End User Ltd',
      aliases: [],
      type: 'entity',
      countries: ['CN'],
      addresses: [],
      programs: [],
      ...(policy === undefined ? {} : { licenseRequirement: 'For all items subject to the EAR', licensePolicy: policy, federalRegisterNotice: '88 FR 71991' }),
    },
  };
  return { role: 'end_user', name: 'Example End User Ltd', country: 'CN', hits: [{ match, review }] };
}

const HBM = (asOf: string) => handBuilt({ item: 'hbm3e-stack', asOf: isoDate(asOf), eccn: '3A090.c', paragraph: '3A090.c', controlLevel: 'c' });
const MISSING = (asOf: string) => handBuilt({ item: 'nvidia-h100-sxm5-80gb', asOf: isoDate(asOf), insufficientData: ['die_area_mm2: die area needed to compute performance density'] });

const SCENARIOS: readonly Scenario[] = [
  // Rule versions: 2022 (TPP AND I/O), Macau 2023-01, 2023-11-17 bands, NAC/ACA split 2024-04-04
  { fact: '2022 rule: A100 (TPP 4992, NVLink 600 GB/s) to China needs a licence', item: A100, date: '2022-11-01', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['742.6-destination-scope'], enforcement: ['unverified'] } },
  { fact: '2022 rule: A800 (NVLink 400 GB/s) misses the I/O limb, no licence', item: 'nvidia-a800-sxm4-80gb', date: '2022-11-01', to: 'CN', expect: { outcome: 'no-license-required', reasons: ['not-advanced-computing'] } },
  { fact: '2023 rule: A800 captured from 2023-11-17', item: 'nvidia-a800-sxm4-80gb', date: '2023-11-17', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: '2023 rule: the day before 2023-11-17 the A800 still ships', item: 'nvidia-a800-sxm4-80gb', date: '2023-11-16', to: 'CN', expect: { outcome: 'no-license-required' } },
  { fact: '2022 rule: H800 not controlled in mid-2023', item: 'nvidia-h800-sxm5-80gb', date: '2023-06-01', to: 'CN', expect: { outcome: 'no-license-required' } },
  { fact: '2023 rule: H800 controlled after 2023-11-17', item: 'nvidia-h800-sxm5-80gb', date: '2024-01-10', to: 'CN', expect: { outcome: 'license-required', reasons: ['742.6-destination-scope'] } },
  { fact: 'Macau not in the 2022 scope before 2023-01-18', item: A100, date: '2022-12-01', to: 'MO', expect: { outcome: 'no-license-required', reasons: ['742.6-outside-scope'] } },
  { fact: 'Macau added by 88 FR 2821 (effective date flagged unknown)', item: A100, date: '2023-02-01', to: 'MO', expect: { outcome: 'license-required', enforcement: ['date-unknown'] } },
  { fact: '2022 scope was China only: Vietnam free before 2023-11-17', item: A100, date: '2023-06-01', to: 'VN', expect: { outcome: 'no-license-required' } },
  { fact: '2023 scope adds D:1 (Vietnam), presumption of approval', item: A100, date: '2023-12-01', to: 'VN', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Hong Kong is China under the 2022 rule too', item: A100, date: '2022-11-01', to: 'HK', expect: { outcome: 'license-required', reasons: ['hong-kong-as-china'] } },
  { fact: 'Russia: Part 746 sanctions require a licence for any accelerator in 2022', item: H100, date: '2022-11-01', to: 'RU', expect: { outcome: 'license-required', policy: 'policy-of-denial', reasons: ['embargo-746'] } },
  { fact: 'Aug 2022 is-informed letter: A100 to China before the IFR', item: A100, date: '2022-09-01', to: 'CN', expect: { outcome: 'license-required', reasons: ['overlay-is-informed'], enforcement: ['is-informed'] } },
  { fact: 'Aug 2022 letter reached China and Russia only', item: A100, date: '2022-09-01', to: 'DE', expect: { outcome: 'no-license-required', reasons: ['overlay-outside-scope'] } },
  { fact: 'Aug 2022 letter does not reach earlier orders', item: A100, date: '2022-08-01', to: 'CN', expect: { outcome: 'no-license-required', reasons: ['overlay-not-yet-in-force'] } },
  { fact: 'L40S (no NVLink) free under the 2022 rule', item: 'nvidia-l40s', date: '2023-11-16', to: 'CN', expect: { outcome: 'no-license-required' } },
  { fact: 'L40S captured 2023-11-17 (3A090.a.1, datacenter: no NAC)', item: 'nvidia-l40s', date: '2023-11-17', to: 'CN', expect: { outcome: 'license-required', exceptions: [] } },
  { fact: 'RTX 4090 free under the 2022 rule (PCIe only)', item: 'nvidia-rtx-4090', date: '2023-11-10', to: 'CN', expect: { outcome: 'no-license-required' } },
  { fact: 'RTX 4090 (consumer, TPP ≥ 4800) to China: NAC with 25-day notice', item: 'nvidia-rtx-4090', date: '2023-12-01', to: 'CN', expect: { outcome: 'license-exception', licenseRequired: true, exceptions: ['NAC'], notifyDays: 25 } },
  { fact: 'before 2024-04-04 NAC covered D:1 destinations too, without notification', item: 'nvidia-rtx-4090', date: '2023-12-01', to: 'VN', hq: 'VN', expect: { outcome: 'license-exception', exceptions: ['NAC'], notifyDays: null, enforcement: ['unverified'] } },
  { fact: 'from 2024-04-04 ACA (no notice) covers D:1/D:4', item: 'nvidia-rtx-4090', date: '2024-04-04', to: 'VN', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'from 2024-04-04 NAC still covers D:5', item: 'nvidia-rtx-4090', date: '2024-04-04', to: 'CN', expect: { outcome: 'license-exception', exceptions: ['NAC'], policy: 'case-by-case' } },
  { fact: 'RTX 4090D: consumer part under TPP 4800 is outside 3A090 (Note 2)', item: 'nvidia-rtx-4090d', date: '2024-06-01', to: 'CN', expect: { outcome: 'no-license-required', reasons: ['not-advanced-computing'] } },
  { fact: 'RTX 4090 to Germany: outside the destination scope', item: 'nvidia-rtx-4090', date: '2024-06-01', to: 'DE', hq: 'DE', expect: { outcome: 'no-license-required' } },
  { fact: 'HQ rule with a NAC-eligible item: NAC to a China-headquartered buyer in Malaysia', item: 'nvidia-rtx-4090', date: '2024-06-01', to: 'MY', hq: 'CN', expect: { outcome: 'license-exception', exceptions: ['NAC'], reasons: ['hq-d5-macau'] } },
  { fact: 'A40 (3A090.b.2, datacenter) to China: NAC', item: 'nvidia-a40', date: '2024-06-01', to: 'CN', expect: { outcome: 'license-exception', exceptions: ['NAC'] } },
  { fact: 'A40 (3A090.b) to Saudi Arabia (D:4): ACA', item: 'nvidia-a40', date: '2024-06-01', to: 'SA', hq: 'SA', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'UAE named in the .b rule from July 2026: L40 (3A090.b.1) to a UAE buyer goes under ACA', item: 'nvidia-l40', date: '2026-08-01', to: 'AE', hq: 'AE', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'UAE in D:4 in 2025: L40 (3A090.b) under ACA', item: 'nvidia-l40', date: '2025-06-01', to: 'AE', hq: 'AE', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'Supp. No. 8 approved UAE end user (Microsoft) needs no licence', item: 'nvidia-l40', date: '2026-08-01', to: 'AE', endUser: 'Microsoft Gulf FZ LLC', hq: 'US', expect: { outcome: 'no-license-required', reasons: ['uae-supp8-approved'], warningIncludes: 'Supp. No. 8' } },

  // Country-group edges, datacenter 3A090.a (H100) on 2024-06-01
  { fact: 'Israel: D:4 but A:6, excluded', item: H100, date: '2024-06-01', to: 'IL', hq: 'IL', expect: { outcome: 'no-license-required', reasons: ['742.6-outside-scope'] } },
  { fact: 'Cyprus: D:5 (2023 baseline) but A:6, excluded as a destination', item: H100, date: '2024-06-01', to: 'CY', hq: 'GR', expect: { outcome: 'no-license-required', reasons: ['742.6-outside-scope'] } },
  { fact: 'Cyprus-headquartered buyer: the D:5 listing decides the HQ rule and its date is unknown', item: H100, date: '2024-06-01', to: 'CY', hq: 'CY', expect: { outcome: 'license-required', reasons: ['hq-d5-macau'], enforcement: ['date-unknown'] } },
  { fact: 'UAE in D:4 before July 2026: licence, presumption of approval', item: H100, date: '2024-06-01', to: 'AE', hq: 'AE', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Saudi Arabia (D:4) included', item: H100, date: '2024-06-01', to: 'SA', hq: 'SA', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Vietnam (D:1) included', item: H100, date: '2024-06-01', to: 'VN', hq: 'VN', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Kazakhstan (D:1) included', item: H100, date: '2024-06-01', to: 'KZ', hq: 'KZ', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Hong Kong treated as China: presumption of denial', item: H100, date: '2024-06-01', to: 'HK', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['hong-kong-as-china'] } },
  { fact: 'Macau: presumption of denial', item: H100, date: '2024-06-01', to: 'MO', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'China: presumption of denial', item: H100, date: '2024-06-01', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial', exceptions: [] } },
  { fact: 'Taiwan: A:6 and D:3 only, outside the scope', item: H100, date: '2024-06-01', to: 'TW', hq: 'TW', expect: { outcome: 'no-license-required' } },
  { fact: 'Singapore: A:6, outside the scope', item: H100, date: '2024-06-01', to: 'SG', hq: 'SG', expect: { outcome: 'no-license-required' } },
  { fact: 'Malaysia: in no D group', item: H100, date: '2024-06-01', to: 'MY', hq: 'MY', expect: { outcome: 'no-license-required' } },
  { fact: 'Thailand: in no D group', item: H100, date: '2024-06-01', to: 'TH', hq: 'TH', expect: { outcome: 'no-license-required' } },
  { fact: 'India: A:5', item: H100, date: '2024-06-01', to: 'IN', hq: 'IN', expect: { outcome: 'no-license-required' } },
  { fact: 'Egypt (D:4) included', item: H100, date: '2024-06-01', to: 'EG', hq: 'EG', expect: { outcome: 'license-required' } },
  { fact: 'Pakistan (D:4) included', item: H100, date: '2024-06-01', to: 'PK', hq: 'PK', expect: { outcome: 'license-required' } },
  { fact: 'Afghanistan (D:5 only) included, presumption of denial', item: H100, date: '2024-06-01', to: 'AF', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'Iran: D:5 scope plus the Part 746 embargo', item: H100, date: '2024-06-01', to: 'IR', expect: { outcome: 'license-required', policy: 'policy-of-denial', reasons: ['embargo-746', '742.6-destination-scope'] } },
  { fact: 'North Korea: embargo', item: 'nvidia-l20', date: '2024-06-01', to: 'KP', expect: { outcome: 'license-required', reasons: ['embargo-746'] } },
  { fact: 'Cuba: embargo even for an item outside 3A090', item: 'nvidia-rtx-4090d', date: '2024-06-01', to: 'CU', expect: { outcome: 'license-required', reasons: ['embargo-746'] } },
  { fact: 'Cambodia in D:5 in mid-2025: presumption of denial', item: H100, date: '2025-06-01', to: 'KH', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'Cambodia left D:5 on 2026-02-03: still D:1, presumption of approval', item: H100, date: '2026-03-01', to: 'KH', hq: 'KH', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'Cambodia between the State (Nov 2025) and BIS (Feb 2026) removals: flagged uncertain', item: H100, date: '2025-12-01', to: 'KH', expect: { outcome: 'license-required', enforcement: ['date-unknown'] } },
  { fact: 'UAE after the July 2026 rule: conservative licence for 3A090.a, flagged', item: H100, date: '2026-08-01', to: 'AE', hq: 'AE', expect: { outcome: 'license-required', enforcement: ['conservative-reading'] } },
  { fact: 'UAE rule effective date unknown: answer in the window flagged', item: H100, date: '2026-07-12', to: 'AE', hq: 'AE', expect: { outcome: 'license-required', enforcement: ['date-unknown'] } },
  { fact: 'Nicaragua in D:1/D:5 from an unknown date: licence, flagged', item: H100, date: '2024-06-01', to: 'NI', expect: { outcome: 'license-required', enforcement: ['date-unknown'] } },
  { fact: 'Brazil: in no D group', item: H100, date: '2024-06-01', to: 'BR', hq: 'BR', expect: { outcome: 'no-license-required' } },
  { fact: 'United Kingdom: A:5', item: H100, date: '2024-06-01', to: 'GB', hq: 'GB', expect: { outcome: 'no-license-required' } },
  { fact: 'shipped and used inside the US: not an export', item: H100, date: '2024-06-01', to: 'US', hq: 'US', expect: { outcome: 'no-license-required', reasons: ['not-an-export'] } },

  // Headquarters rule
  { fact: 'HQ rule: China-headquartered buyer in Germany needs a licence (case-by-case, 2023 summary)', item: H100, date: '2024-06-01', to: 'DE', hq: 'CN', expect: { outcome: 'license-required', policy: 'case-by-case', reasons: ['hq-d5-macau'] } },
  { fact: 'HQ rule not in force before 2023-11-17', item: H100, date: '2023-11-16', to: 'DE', hq: 'CN', expect: { outcome: 'no-license-required', noReasons: ['hq-d5-macau'] } },
  { fact: 'HQ rule in 2026: presumption of denial everywhere, change date flagged', item: H100, date: '2026-06-15', to: 'DE', hq: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial', enforcement: ['unverified'] } },
  { fact: 'HQ rule covers Macau-headquartered buyers', item: H100, date: '2024-06-01', to: 'DE', hq: 'MO', expect: { outcome: 'license-required', reasons: ['hq-d5-macau'] } },
  { fact: 'HQ rule: Hong Kong headquarters counts as China', item: H100, date: '2024-06-01', to: 'DE', hq: 'HK', expect: { outcome: 'license-required', reasons: ['hq-d5-macau'] } },
  { fact: 'HQ rule in a D:1 destination: presumption of denial', item: H100, date: '2024-06-01', to: 'VN', hq: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'US-headquartered buyer in Japan: no licence', item: H100, date: '2024-06-01', to: 'JP', hq: 'US', expect: { outcome: 'no-license-required' } },
  { fact: 'missing HQ country is reported, never assumed clean', item: H100, date: '2024-06-01', to: 'MY', expect: { outcome: 'no-license-required', warningIncludes: 'end_user_hq_country not given' } },
  { fact: 'transshipment: Singapore consignee, Chinese end user — China governs', item: H100, date: '2024-06-01', to: 'SG', endUserCountry: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['ultimate-destination', '742.6-destination-scope'] } },
  { fact: 'HQ rule enforcement between May 2025 and the 2026-05-31 guidance is flagged', item: H100, date: '2025-09-01', to: 'DE', hq: 'CN', expect: { outcome: 'license-required', enforcement: ['unverified'] } },

  // NAC vs ACA, exceptions barred
  { fact: 'ACA covers in-country transfers within D:5', item: 'nvidia-rtx-4090', date: '2024-06-01', from: 'CN', to: 'CN', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'ACA to Kazakhstan (D:1) in 2025', item: 'nvidia-rtx-4090', date: '2025-06-01', to: 'KZ', hq: 'KZ', expect: { outcome: 'license-exception', exceptions: ['ACA'] } },
  { fact: 'supercomputer end use bars NAC (§ 744.23(c))', item: 'nvidia-rtx-4090', date: '2024-06-01', to: 'CN', use: 'supercomputer', expect: { outcome: 'license-required', exceptions: [], reasons: ['supercomputer-end-use', 'exception-barred'] } },
  { fact: 'Part 746 embargo bars NAC (§ 740.8(b))', item: 'nvidia-rtx-4090', date: '2024-06-01', to: 'RU', expect: { outcome: 'license-required', exceptions: [], reasons: ['embargo-746', 'exception-barred'] } },
  { fact: 'workstation RTX 6000 Ada (non-datacenter 3A090.a) to China: NAC', item: 'nvidia-rtx-6000-ada', date: '2024-06-01', to: 'CN', expect: { outcome: 'license-exception', exceptions: ['NAC'] } },
  { fact: 'L4 is 3A090.a.2 through performance density: datacenter, no NAC', item: 'nvidia-l4', date: '2024-06-01', to: 'CN', expect: { outcome: 'license-required', exceptions: [], policy: 'presumption-of-denial' } },
  { fact: 'RTX 5090 (consumer, TPP ≥ 4800) to China: NAC', item: 'nvidia-rtx-5090', date: '2025-06-01', to: 'CN', expect: { outcome: 'license-exception', exceptions: ['NAC'] } },
  { fact: 'RTX 5090D (consumer, TPP < 4800): outside 3A090', item: 'nvidia-rtx-5090d', date: '2025-06-01', to: 'CN', expect: { outcome: 'no-license-required' } },

  // H20 / MI308 overlays
  { fact: 'H20 the day before the 2025-04-09 letter: no licence', item: 'nvidia-h20', date: '2025-04-08', to: 'CN', expect: { outcome: 'no-license-required', reasons: ['overlay-not-yet-in-force'] } },
  { fact: 'H20 from 2025-04-09: licence by is-informed letter, not the ECCN', item: 'nvidia-h20', date: '2025-04-09', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['overlay-is-informed', 'not-advanced-computing'], enforcement: ['is-informed'] } },
  { fact: 'H20 letter names Hong Kong', item: 'nvidia-h20', date: '2025-05-01', to: 'HK', expect: { outcome: 'license-required', reasons: ['overlay-is-informed'] } },
  { fact: 'H20 letter names Macau', item: 'nvidia-h20', date: '2025-05-01', to: 'MO', expect: { outcome: 'license-required', reasons: ['overlay-is-informed'] } },
  { fact: 'H20 letter reaches China-headquartered buyers abroad', item: 'nvidia-h20', date: '2025-05-01', to: 'JP', hq: 'CN', expect: { outcome: 'license-required', reasons: ['overlay-is-informed'] } },
  { fact: 'H20 to a German buyer: outside the letter', item: 'nvidia-h20', date: '2025-05-01', to: 'DE', hq: 'DE', expect: { outcome: 'no-license-required', reasons: ['overlay-outside-scope'] } },
  { fact: 'H20 licensing resumed mid-2025 with the press-reported 15% share', item: 'nvidia-h20', date: '2025-09-01', to: 'CN', expect: { outcome: 'license-required', policy: 'case-by-case', conditionIncludes: '15%', enforcement: ['press', 'is-informed'] } },
  { fact: 'MI308 letter decides the line even though the classification lacks data', item: 'amd-mi308x', date: '2025-05-01', to: 'CN', expect: { outcome: 'license-required', reasons: ['overlay-is-informed', 'insufficient-data'] } },
  { fact: 'MI308 to Germany: data missing but immaterial (no rule would reach it even as 3A090.a)', item: 'amd-mi308x', date: '2025-05-01', to: 'DE', hq: 'DE', expect: { outcome: 'no-license-required', reasons: ['insufficient-data-immaterial'] } },
  { fact: 'MI308 to Vietnam: missing data decides whether a D:1 licence is needed, so hold', item: 'amd-mi308x', date: '2025-05-01', to: 'VN', hq: 'VN', expect: { outcome: 'hold', reasons: ['insufficient-data'] } },
  { fact: 'H20 in 2023: designed for the 2023 rule, ships', item: 'nvidia-h20', date: '2023-12-01', to: 'CN', expect: { outcome: 'no-license-required' } },
  { fact: 'L20 not caught by the H20 bandwidth-equivalence clause', item: 'nvidia-l20', date: '2025-05-01', to: 'CN', expect: { outcome: 'no-license-required', noReasons: ['overlay-is-informed'] } },

  // Supercomputer and military end uses
  { fact: 'supercomputer end use in China catches an item outside 3A090 (H20)', item: 'nvidia-h20', date: '2024-06-01', to: 'CN', use: 'supercomputer', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['supercomputer-end-use'] } },
  { fact: '2022 supercomputer rule: PRC', item: 'nvidia-l20', date: '2023-06-01', to: 'CN', use: 'supercomputer', expect: { outcome: 'license-required', reasons: ['supercomputer-end-use'] } },
  { fact: '2022 supercomputer rule did not name Macau before 2023-01-18', item: 'nvidia-l20', date: '2022-12-01', to: 'MO', use: 'supercomputer', expect: { outcome: 'no-license-required', reasons: ['supercomputer-outside-scope'] } },
  { fact: 'supercomputer in Germany: § 744.23(a)(1) covers Macau/D:5 only', item: 'nvidia-l20', date: '2024-06-01', to: 'DE', hq: 'DE', use: 'supercomputer', expect: { outcome: 'no-license-required', reasons: ['supercomputer-outside-scope'] } },
  { fact: 'military end use in China (§ 744.21)', item: 'nvidia-l20', date: '2024-06-01', to: 'CN', use: 'military', expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['military-end-use'] } },
  { fact: 'military end use in Germany: § 744.21 silent, warned', item: 'nvidia-l20', date: '2024-06-01', to: 'DE', hq: 'DE', use: 'military', expect: { outcome: 'no-license-required', warningIncludes: '§ 744.21 does not cover' } },
  { fact: 'military end use takes the H200 out of the 2026 band', item: 'nvidia-h200-sxm', date: '2026-03-01', to: 'CN', use: 'military', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },

  // January 2026 band
  { fact: '2026 band: H200 exported from the US to China, case-by-case with conditions', item: 'nvidia-h200-sxm', date: '2026-02-10', to: 'CN', expect: { outcome: 'license-required', policy: 'case-by-case', conditionIncludes: 'third-party testing' } },
  { fact: 'the day before the band: H200 presumption of denial', item: 'nvidia-h200-sxm', date: '2026-01-14', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'B200 is above the band: presumption of denial', item: 'nvidia-b200', date: '2026-02-10', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'band covers exports from the US only: a reexport from Taiwan stays denial', item: 'nvidia-h200-sxm', date: '2026-02-10', from: 'TW', to: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'band covers end users located in China: a China-headquartered buyer in Germany stays denial', item: 'nvidia-h200-sxm', date: '2026-02-10', to: 'DE', hq: 'CN', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'H200 25% arrangement reported as a licence condition', item: 'nvidia-h200-sxm', date: '2026-02-10', to: 'CN', expect: { outcome: 'license-required', conditionIncludes: '25%', enforcement: ['press'] } },

  // AI training policy statement (May 2025)
  { fact: 'AI training for a China party after 2025-05-13: flagged, not passed', item: 'nvidia-l20', date: '2025-06-01', to: 'CN', use: 'ai-training', expect: { outcome: 'hold', reasons: ['ai-training-d5-policy-statement'], enforcement: ['guidance'] } },
  { fact: 'AI training before the May 2025 statement: no flag', item: 'nvidia-l20', date: '2025-05-01', to: 'CN', use: 'ai-training', expect: { outcome: 'no-license-required' } },
  { fact: 'AI training for a German party: no flag', item: 'nvidia-l20', date: '2025-06-01', to: 'DE', hq: 'DE', use: 'ai-training', expect: { outcome: 'no-license-required' } },
  { fact: 'AI training by a China-headquartered buyer abroad, already licensed: stays licence-required', item: H100, date: '2025-09-01', to: 'DE', hq: 'CN', use: 'ai-training', expect: { outcome: 'license-required', reasons: ['hq-d5-macau', 'ai-training-d5-policy-statement'] } },

  // AI Diffusion: codified, not enforced
  { fact: 'enforced regime: H100 to India ships, with a note on the codified text', item: H100, date: '2025-06-01', to: 'IN', hq: 'IN', expect: { outcome: 'no-license-required', enforcement: ['codified-not-enforced'] } },
  { fact: 'codified regime: Tier 2 line within the LPP allowance', item: H100, date: '2025-06-01', to: 'IN', hq: 'IN', regime: 'codified', expect: { outcome: 'license-exception', exceptions: ['LPP'], enforcement: ['codified-not-enforced'] } },
  { fact: 'codified regime: Tier 2 line above 26.9M TPP needs a licence', item: H100, date: '2025-06-01', to: 'IN', hq: 'IN', quantity: 2000, regime: 'codified', expect: { outcome: 'license-required', policy: 'presumption-of-approval' } },
  { fact: 'codified regime: Tier 1 (Germany) under AIA', item: H100, date: '2025-06-01', to: 'DE', hq: 'DE', regime: 'codified', expect: { outcome: 'license-exception', exceptions: ['AIA'] } },
  { fact: 'codified regime: Tier 3 (China) presumption of denial', item: H100, date: '2025-06-01', to: 'CN', regime: 'codified', expect: { outcome: 'license-required', policy: 'presumption-of-denial' } },
  { fact: 'codified regime: before the 2025-05-15 compliance date nothing changes', item: H100, date: '2025-05-14', to: 'IN', hq: 'IN', regime: 'codified', expect: { outcome: 'no-license-required' } },
  { fact: 'codified regime reaches .a items only: L40 (3A090.b) to India ships', item: 'nvidia-l40', date: '2025-06-01', to: 'IN', hq: 'IN', regime: 'codified', expect: { outcome: 'no-license-required' } },

  // Intermediaries: what is and is not a US requirement
  { fact: 'Malaysia after July 2025: no US licence, but the Malaysian permit and the unpublished draft rule are shown', item: H100, date: '2025-08-01', to: 'MY', hq: 'MY', expect: { outcome: 'no-license-required', warningIncludes: 'Strategic Trade Permit', enforcement: ['press'] } },
  { fact: 'Thailand after July 2025: the press-reported draft is shown, no requirement applied', item: H100, date: '2025-08-01', to: 'TH', hq: 'TH', expect: { outcome: 'no-license-required', warningIncludes: 'draft US rule' } },

  // Holds, screening, HBM, GP10
  { fact: 'unknown item: hold', item: 'mystery-accelerator-x1', date: '2025-06-01', to: 'GB', hq: 'GB', expect: { outcome: 'hold', reasons: ['unknown-item'] } },
  { fact: 'missing die area that matters (D:4 destination): hold', item: H100, date: '2025-06-01', to: 'SA', hq: 'SA', classification: MISSING('2025-06-01'), expect: { outcome: 'hold', reasons: ['insufficient-data'] } },
  { fact: 'missing die area for a China-headquartered buyer abroad matters (HQ rule): hold', item: H100, date: '2024-06-01', to: 'DE', hq: 'CN', classification: MISSING('2024-06-01'), expect: { outcome: 'hold', reasons: ['insufficient-data'] } },
  { fact: 'no screening list loaded: determination stands, warning says parties not screened', item: H100, date: '2024-06-01', to: 'DE', hq: 'DE', expect: { outcome: 'no-license-required', warningIncludes: 'parties not screened' } },
  { fact: 'unreviewed screening hit: hold', item: H100, date: '2024-06-01', to: 'DE', hq: 'DE', screening: [hit('bis-entity', 'unreviewed', 'Presumption of denial')], expect: { outcome: 'hold', reasons: ['screening-unreviewed-hit'] } },
  { fact: 'confirmed Entity List hit applies the entry requirement and policy, no exceptions', item: 'nvidia-rtx-4090', date: '2024-06-01', to: 'DE', hq: 'DE', screening: [hit('bis-entity', 'confirmed', 'Presumption of denial')], expect: { outcome: 'license-required', policy: 'presumption-of-denial', reasons: ['screening-entity-list'], exceptions: [] } },
  { fact: 'confirmed Denied Persons hit blocks the shipment', item: 'nvidia-l20', date: '2024-06-01', to: 'DE', hq: 'DE', screening: [hit('bis-denied', 'confirmed')], expect: { outcome: 'hold', blocked: true, reasons: ['screening-denied-person'] } },
  { fact: 'cleared hit: recorded, line decided on its merits', item: 'nvidia-l20', date: '2024-06-01', to: 'DE', hq: 'DE', screening: [hit('bis-entity', 'cleared')], expect: { outcome: 'no-license-required', reasons: ['screening-cleared'] } },
  { fact: 'HBM (3A090.c) to China after 2024-12-02', item: 'hbm3e-stack', date: '2025-01-15', to: 'CN', classification: HBM('2025-01-15'), expect: { outcome: 'license-required', reasons: ['742.6-destination-scope'], enforcement: ['date-unknown'] } },
  { fact: 'HBM scope is Macau/D:5 only: Vietnam outside', item: 'hbm3e-stack', date: '2025-01-15', to: 'VN', hq: 'VN', classification: HBM('2025-01-15'), expect: { outcome: 'no-license-required' } },
  { fact: 'HBM to a China-headquartered buyer abroad (§ 744.23(a)(3)(i)(B))', item: 'hbm3e-stack', date: '2025-01-15', to: 'DE', hq: 'CN', classification: HBM('2025-01-15'), expect: { outcome: 'license-required', reasons: ['hq-d5-macau'] } },
  { fact: 'Ascend 910B after the May 2025 GP10 guidance: hold for legal review', item: 'huawei-ascend-910b', date: '2025-06-01', to: 'MY', hq: 'MY', expect: { outcome: 'hold', reasons: ['gp10-prc-advanced-ic'], enforcement: ['guidance'] } },
  { fact: 'Ascend 910B before the GP10 guidance: no GP10 hold', item: 'huawei-ascend-910b', date: '2025-05-12', to: 'MY', hq: 'MY', expect: { outcome: 'no-license-required', noReasons: ['gp10-prc-advanced-ic'] } },
];

describe('golden determination scenarios', () => {
  it('has at least 80 scenarios, each naming a distinct fact', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(SCENARIOS.map((s) => s.fact)).size).toBe(SCENARIOS.length);
  });

  for (const s of SCENARIOS) {
    it(`${s.fact} [${s.item} → ${s.endUserCountry ?? s.to} on ${s.date}]`, () => {
      const d = run(s);
      const e = s.expect;
      const codes = d.reasons.map((r) => r.code);
      expect(d.outcome, JSON.stringify(d.reasons, null, 1)).toBe(e.outcome);
      if (e.licenseRequired !== undefined) expect(d.licenseRequired).toBe(e.licenseRequired);
      if (e.exceptions !== undefined) expect(d.exceptions.map((x) => x.code)).toEqual(e.exceptions);
      if (e.policy !== undefined) expect(d.reviewPolicy).toBe(e.policy);
      for (const c of e.reasons ?? []) expect(codes).toContain(c);
      for (const c of e.noReasons ?? []) expect(codes).not.toContain(c);
      for (const b of e.enforcement ?? []) expect(d.enforcement.map((n) => n.basis)).toContain(b);
      if (e.conditionIncludes !== undefined) expect(d.conditions.join(' ')).toContain(e.conditionIncludes);
      if (e.warningIncludes !== undefined) expect(d.warnings.join(' ')).toContain(e.warningIncludes);
      if (e.blocked !== undefined) expect(d.blocked).toBe(e.blocked);
      if (e.notifyDays !== undefined) expect(d.exceptions[0]?.notifyDaysBefore ?? null).toBe(e.notifyDays);
      // Every answer can be replayed and defended: a rule-set version and a citation on every reason.
      expect(d.ruleSetVersion).toBe(RULE_SET_VERSION);
      for (const r of d.reasons) expect(r.citation.length).toBeGreaterThan(0);
      if (d.outcome === 'license-exception') expect(d.licenseRequired).toBe(true);
      if (d.outcome === 'no-license-required') expect(d.licenseRequired).toBe(false);
    });
  }
});
