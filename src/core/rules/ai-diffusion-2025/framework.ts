import { isoDate, type IsoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';
import { earDestination, type CountryCode } from '../../countries/country.ts';
import { AI_DIFFUSION_NON_ENFORCEMENT, R6_AI_DIFFUSION } from '../federal-register-sources.ts';
import { isD5OrMacau } from '../part-742/section-742.6-a6-destination-scope.ts';
import type { ReviewPolicy } from '../part-742/section-742.6-b10-review-policy.ts';

/**
 * "Framework for Artificial Intelligence Diffusion" (90 FR 4544): codified, but BIS announced on 2025-05-13 that it
 * would not enforce it, and no Federal Register rescission followed. Three states matter: codified, enforced,
 * announced-not-enforced. Default answers follow what is enforced; `regime: 'codified'` applies this text.
 */
export const AI_DIFFUSION = {
  effective: R6_AI_DIFFUSION.effective,
  compliance: isoDate('2025-05-15'),
  nonEnforcementAnnounced: isoDate('2025-05-13'),
  /** License Exception LPP: TPP per ultimate consignee per calendar year. */
  lppAllowanceTpp: 26_900_000,
  /** Tier 2 country allocation, cumulative 2025–2027, presumption of approval up to it. */
  tier2CountryAllocationTpp: 790_000_000,
  citation: R6_AI_DIFFUSION,
  nonEnforcement: AI_DIFFUSION_NON_ENFORCEMENT,
} as const;

/** Supp. No. 5(a) to Part 740 (Tier 1), confirmed by the 2026 eCFR; the US is also listed. */
export const TIER_1: readonly CountryCode[] = ['AU', 'BE', 'CA', 'DK', 'FI', 'FR', 'DE', 'IE', 'IT', 'JP', 'NL', 'NZ', 'NO', 'KR', 'ES', 'SE', 'TW', 'GB', 'US'];

export type Tier = 1 | 2 | 3;

/** Thousands separators without Intl (this runs once per line in large books). */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function tierOf(country: CountryCode, date: IsoDate): Tier {
  const c = earDestination(country);
  if (isD5OrMacau(c, date).value) return 3;
  return TIER_1.includes(c) ? 1 : 2;
}

export interface CodifiedAnswer {
  readonly tier: Tier;
  readonly citation: Citation;
  readonly exception: null | { readonly code: 'AIA' | 'LPP'; readonly conditions: readonly string[] };
  readonly policy: ReviewPolicy;
  readonly message: string;
}

/**
 * What the codified text requires for a 3A090.a-level item shipped outside the US, or null when it does not reach
 * the line (before the compliance date, or not a .a item). `lineTpp` is quantity × TPP, or null when unknown.
 */
export function codifiedRequirement(level: string | null, destination: CountryCode, hqD5OrMacau: boolean, date: IsoDate, lineTpp: number | null): CodifiedAnswer | null {
  if (level !== 'a' || date < AI_DIFFUSION.compliance || earDestination(destination) === 'US') return null;
  const tier: Tier = hqD5OrMacau ? 3 : tierOf(destination, date);
  const citation = AI_DIFFUSION.citation;
  if (tier === 3) return { tier, citation, exception: null, policy: 'presumption-of-denial', message: 'Tier 3 (D:5 or Macau, or headquartered there): presumption of denial' };
  if (tier === 1) {
    return {
      tier, citation, policy: 'presumption-of-approval',
      exception: { code: 'AIA', conditions: ['License Exception AIA (15 CFR 740.27) for Tier 1 destinations; the consignee must not be headquartered in Tier 3'] },
      message: 'Tier 1 destination: worldwide licence requirement met by License Exception AIA',
    };
  }
  const allowance = AI_DIFFUSION.lppAllowanceTpp;
  if (lineTpp !== null && lineTpp <= allowance) {
    return {
      tier, citation, policy: 'presumption-of-approval',
      exception: {
        code: 'LPP',
        conditions: [
          `License Exception LPP (15 CFR 740.29): at most ${grouped(allowance)} TPP per ultimate consignee per calendar year; this line uses ${grouped(lineTpp)} TPP, so earlier shipments to the same consignee this year must be added`,
          'notice and reporting to BIS still required',
        ],
      },
      message: 'Tier 2 destination: within the LPP allowance for this line alone',
    };
  }
  return {
    tier, citation, exception: null, policy: 'presumption-of-approval',
    message: `Tier 2 destination: licence needed (line TPP ${lineTpp === null ? 'unknown' : grouped(lineTpp)} exceeds the LPP allowance of ${grouped(allowance)}); presumption of approval until the country allocation of ${grouped(AI_DIFFUSION.tier2CountryAllocationTpp)} TPP (2025–2027) is used, then denial`,
  };
}
