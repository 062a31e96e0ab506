import type { ReviewPolicy } from '../rules/part-742/section-742.6-b10-review-policy.ts';
import type { ListCode, ScreeningMatch } from '../screening/types.ts';
import type { PartyScreening, Reason } from './types.ts';

/**
 * How screening results enter a determination (issue 4's rules): an unreviewed hit holds the line; a confirmed
 * Entity List hit applies that entry's licence requirement and review policy; a confirmed Denied Persons or
 * OFAC SDN hit blocks; a cleared hit is recorded.
 */
export interface ScreeningFindings {
  readonly holds: readonly Reason[];
  readonly requirements: readonly { readonly reason: Reason; readonly policy: ReviewPolicy | null }[];
  readonly info: readonly Reason[];
  readonly blocked: boolean;
}

const LIST_CITATION: Partial<Record<ListCode, string>> = {
  'bis-entity': '15 CFR 744.11; Supp. No. 4 to Part 744 (Entity List)',
  'bis-denied': '15 CFR 764.3; General Prohibition 4, 15 CFR 736.2(b)(4) (Denied Persons List)',
  'bis-unverified': '15 CFR 744.15; Supp. No. 6 to Part 744 (Unverified List)',
  'bis-meu': '15 CFR 744.21; Supp. No. 7 to Part 744 (Military End-User List)',
  'ofac-sdn': '31 CFR Chapter V (OFAC Specially Designated Nationals)',
};

const BLOCKING: readonly ListCode[] = ['bis-denied', 'ofac-sdn'];

export function policyFromEntry(text: string | undefined): ReviewPolicy | null {
  if (text === undefined) return null;
  const t = text.toLowerCase();
  if (t.includes('presumption of denial')) return 'presumption-of-denial';
  if (t.includes('policy of denial')) return 'policy-of-denial';
  if (t.includes('case-by-case') || t.includes('case by case')) return 'case-by-case';
  if (t.includes('approval')) return 'presumption-of-approval';
  return null;
}

function describe(p: PartyScreening, m: ScreeningMatch): string {
  return `${p.role.replace('_', ' ')} "${p.name}" matches ${m.list} entry "${m.name}" (matched "${m.matchedName}", score ${m.score.toFixed(2)}, id ${m.sourceId})`;
}

export function screeningFindings(parties: readonly PartyScreening[]): ScreeningFindings {
  const holds: Reason[] = [];
  const requirements: { reason: Reason; policy: ReviewPolicy | null }[] = [];
  const info: Reason[] = [];
  let blocked = false;
  for (const p of parties) {
    for (const { match: m, review } of p.hits) {
      const citation = LIST_CITATION[m.list] ?? `screening list ${m.list}`;
      if (review === 'cleared') {
        info.push({ code: 'screening-cleared', citation, message: `${describe(p, m)}: reviewed and cleared as a false positive` });
      } else if (review === 'unreviewed') {
        holds.push({ code: 'screening-unreviewed-hit', citation, message: `${describe(p, m)}: not yet reviewed; hold until a reviewer confirms or clears it` });
      } else if (BLOCKING.includes(m.list)) {
        blocked = true;
        holds.push({ code: m.list === 'bis-denied' ? 'screening-denied-person' : 'screening-ofac-sdn', citation, message: `${describe(p, m)}: confirmed; the transaction is prohibited — do not ship` });
      } else if (m.list === 'bis-entity' || m.list === 'bis-meu') {
        const requirement = m.entry.licenseRequirement ?? (m.list === 'bis-meu' ? 'items in Supp. No. 2 to Part 744' : 'as stated in the entry');
        requirements.push({
          reason: {
            code: m.list === 'bis-entity' ? 'screening-entity-list' : 'screening-meu-list',
            citation: m.entry.federalRegisterNotice === undefined ? citation : `${citation}; ${m.entry.federalRegisterNotice}`,
            message: `${describe(p, m)}: confirmed; licence requirement "${requirement}", review policy "${m.entry.licensePolicy ?? 'see entry'}"; no licence exceptions`,
          },
          policy: policyFromEntry(m.entry.licensePolicy) ?? 'presumption-of-denial',
        });
      } else {
        holds.push({ code: 'screening-confirmed-other', citation, message: `${describe(p, m)}: confirmed; ${m.list} is not assessed automatically — refer to compliance` });
      }
    }
  }
  return { holds, requirements, info, blocked };
}
