import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';
import { HQ_ENFORCEMENT_GUIDANCE, R1_2022_IFR, R2_MACAU, R3_2023_IFR, R6_AI_DIFFUSION } from '../federal-register-sources.ts';
import { isD5OrMacau } from '../part-742/section-742.6-a6-destination-scope.ts';

/**
 * § 744.23 end-use and end-user controls used by the determination:
 *  (a)(1) "supercomputer" end use, versioned by destination (PRC in 2022, then Macau/D:5);
 *  (a)(3) the headquarters rule for advanced-computing items (2023-11-17; the .a part moved to
 *  § 742.6(a)(6)(iii)(A) by AI Diffusion and confirmed enforced by BIS guidance of 2026-05-31).
 * (c): no licence exception overcomes these, except NAC/ACA for the (a)(3) HQ-based requirement.
 */
export interface SupercomputerVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly citation: Citation;
  readonly destinations: 'prc' | 'prc-macau' | 'd5-macau';
  readonly uncertain?: string;
}

export const SUPERCOMPUTER_VERSIONS: readonly SupercomputerVersion[] = [
  { id: '744.23a1-2022-10-07', effective: R1_2022_IFR.effective, citation: { ...R1_2022_IFR, ear: '15 CFR 744.23(a)(1) (2022 text: PRC)' }, destinations: 'prc' },
  {
    id: '744.23a1-2023-01-18',
    effective: R2_MACAU.effective,
    citation: { ...R2_MACAU, ear: '15 CFR 744.23(a)(1) (Macau added)' },
    destinations: 'prc-macau',
    uncertain: 'that the January 2023 Macau rule also reached § 744.23(a)(1) is inferred from its title',
  },
  { id: '744.23a1-2023-11-17', effective: R3_2023_IFR.effective, citation: { ...R3_2023_IFR, ear: '15 CFR 744.23(a)(1) (Macau or D:5)' }, destinations: 'd5-macau' },
];

export const SUPERCOMPUTER_DEFINITION =
  '"supercomputer" (15 CFR 772.1): a computing system with at least 100 double-precision PFLOPS or 200 single-precision PFLOPS within 41,600 ft³';

/**
 * Item scope: ICs in 3A001, 3A991, 4A994, 5A002, 5A004, 5A992 and computers in 4A003, 4A004, 4A994, 5A002, 5A004, 5A992.
 * Every catalog accelerator falls in one of these families (3A991.p needs only 8 TOPS), and 3A090 items are caught by
 * § 742.6 anyway, so the rule is applied to every accelerator; the reason text says so.
 */
export const SUPERCOMPUTER_ITEM_SCOPE_NOTE =
  'item scope (3A001/3A991/4A994/5A002/5A004/5A992 ICs and computers) is read as covering every catalog accelerator';

export function supercomputerRule(destination: CountryCode, date: IsoDate): { readonly version: SupercomputerVersion; readonly uncertain: readonly string[] } | null {
  let v: SupercomputerVersion | null = null;
  for (const s of SUPERCOMPUTER_VERSIONS) if (s.effective <= date && (v === null || s.effective >= v.effective)) v = s;
  if (v === null) return null;
  const c = earDestination(destination);
  const uncertain: string[] = v.uncertain === undefined ? [] : [v.uncertain];
  let applies: boolean;
  if (v.destinations === 'prc') applies = c === 'CN';
  else if (v.destinations === 'prc-macau') applies = c === 'CN' || c === 'MO';
  else {
    const d5 = isD5OrMacau(c, date);
    if (d5.uncertain !== null) uncertain.push(d5.uncertain);
    applies = d5.value;
  }
  return applies ? { version: v, uncertain } : null;
}

export interface HqRuleVersion {
  readonly id: string;
  readonly effective: IsoDate;
  readonly citation: Citation;
  readonly paragraphForA: string;
  readonly enforcementNote?: string;
}

export const HQ_RULE_VERSIONS: readonly HqRuleVersion[] = [
  {
    id: 'hq-744.23a3-2023-11-17',
    effective: R3_2023_IFR.effective,
    citation: { ...R3_2023_IFR, ear: '15 CFR 744.23(a)(3) (entity headquartered in, or ultimate parent in, D:5 or Macau)' },
    paragraphForA: '15 CFR 744.23(a)(3)',
  },
  {
    id: 'hq-742.6a6iiiA-2025-01-13',
    effective: R6_AI_DIFFUSION.effective,
    citation: { ...R6_AI_DIFFUSION, ear: '15 CFR 742.6(a)(6)(iii)(A) (.a items), 744.23(a)(3)(i)(A) (.b items)' },
    paragraphForA: '15 CFR 742.6(a)(6)(iii)(A)',
    enforcementNote:
      'between the May 2025 AI Diffusion non-enforcement announcement and the BIS guidance of 2026-05-31, whether the HQ-based requirement (moved into the AI Diffusion text) was enforced was not stated; it is treated as enforced throughout',
  },
  {
    id: 'hq-742.6a6iiiA-2026-05-31-enforced',
    effective: isoDate('2026-05-31'),
    citation: { ...HQ_ENFORCEMENT_GUIDANCE },
    paragraphForA: '15 CFR 742.6(a)(6)(iii)(A)',
  },
];

export function hqRuleVersion(date: IsoDate): HqRuleVersion | null {
  let v: HqRuleVersion | null = null;
  for (const h of HQ_RULE_VERSIONS) if (h.effective <= date && (v === null || h.effective >= v.effective)) v = h;
  return v;
}
