import { isoDate } from '../calendar/iso-date.ts';
import type { Citation } from '../classification/types.ts';

/**
 * The instruments the determination rules cite (numbering R1–R12 follows rules.md §1).
 * Kept in one place so a corrected cite or date changes every rule that relies on it.
 */
export const R1_2022_IFR: Citation = {
  federalRegister: '87 FR 62186',
  document: 'FR Doc 2022-21658',
  ear: '15 CFR 742.6(a)(6), 744.23 (Oct 2022 IFR)',
  effective: isoDate('2022-10-07'),
  kind: 'interim-final-rule',
};
export const R2_MACAU: Citation = {
  federalRegister: '88 FR 2821',
  document: 'FR Doc 2023-00888',
  ear: '15 CFR 742.6(a)(6) (Macau added)',
  effective: isoDate('2023-01-18'),
  kind: 'interim-final-rule',
};
export const R3_2023_IFR: Citation = {
  federalRegister: '88 FR 73458',
  document: 'FR Doc 2023-23055',
  ear: '15 CFR 742.6(a)(6)(iii), 744.23(a)(3), 740.8 (AC/S IFR)',
  effective: isoDate('2023-11-17'),
  kind: 'interim-final-rule',
};
export const R4_CORRECTIONS: Citation = {
  federalRegister: '89 FR 23876',
  document: 'FR Doc 2024-07004',
  ear: '15 CFR 740.8 (NAC/ACA split), 742.6(b)(10)',
  effective: isoDate('2024-04-04'),
  kind: 'interim-final-rule',
};
export const R5_HBM: Citation = {
  federalRegister: '89 FR 96790',
  document: 'FR Doc 2024-28270',
  ear: '15 CFR 742.6(a)(6)(i)(B) (3A090.c HBM)',
  effective: isoDate('2024-12-02'),
  kind: 'interim-final-rule',
};
export const R6_AI_DIFFUSION: Citation = {
  federalRegister: '90 FR 4544',
  document: 'FR Doc 2025-00636',
  ear: '15 CFR 742.6(a)(6)(iii)(A), 740.27 (AIA), 740.29 (LPP), 742.6(b)(10)(iii)(B)-(C)',
  effective: isoDate('2025-01-13'),
  kind: 'interim-final-rule',
};
export const AI_DIFFUSION_NON_ENFORCEMENT: Citation = {
  federalRegister: 'BIS press release 2025-05-13 (no FR rescission); GAO B-337935 (2026-05-12)',
  ear: '15 CFR 742.6(a)(6)(iii)(A) as amended by 90 FR 4544',
  effective: isoDate('2025-05-13'),
  kind: 'guidance',
  url: 'https://www.gao.gov/products/b-337935',
};
export const HQ_ENFORCEMENT_GUIDANCE: Citation = {
  federalRegister: 'BIS guidance 2026-05-31',
  ear: '15 CFR 742.6(a)(6)(iii)(A) (headquarters-based requirement, enforced)',
  effective: isoDate('2026-05-31'),
  kind: 'guidance',
  url: 'https://www.bis.gov/media/documents/bis-guidance-may-31-2026.pdf',
};
export const MAY_2025_GUIDANCE: Citation = {
  federalRegister: 'BIS guidance and policy statement 2025-05-13',
  ear: 'AI-model training for D:5/Macau-headquartered parties; GP10 (15 CFR 736.2(b)(10)); diversion red flags',
  effective: isoDate('2025-05-13'),
  kind: 'guidance',
};
export const R9_2026_BAND: Citation = {
  federalRegister: '91 FR 1684',
  document: 'FR Doc 2026-00789',
  ear: '15 CFR 742.6(b)(10)(iii)(A)(1); Supp. No. 2 to Part 748 para. (dd)',
  effective: isoDate('2026-01-15'),
  kind: 'final-rule',
};
export const R12_UAE: Citation = {
  federalRegister: '91 FR 43038 (Supp. No. 8 to Part 740); FR Doc 2026-14132',
  ear: '15 CFR 742.6(a)(6)(iii)(B) (UAE named), Supp. No. 8 to Part 740',
  effective: isoDate('2026-07-14'),
  kind: 'final-rule',
};

const formatted = new WeakMap<Citation, string>();

/** One line of citation text; memoised per citation object because every determination formats several. */
export function formatCitation(c: Citation): string {
  let text = formatted.get(c);
  if (text === undefined) {
    const doc = c.document === undefined ? '' : `, ${c.document}`;
    text = `${c.ear}; ${c.federalRegister}${doc}; effective ${c.effective} (${c.kind})`;
    formatted.set(c, text);
  }
  return text;
}

const withParagraph = new Map<string, string>();

/** A citation led by the specific EAR paragraph applied (the instrument's own `ear` text is broader). */
export function citeParagraph(paragraph: string, c: Citation): string {
  const key = `${paragraph}\u0000${c.federalRegister}\u0000${c.effective}`;
  let text = withParagraph.get(key);
  if (text === undefined) {
    const doc = c.document === undefined ? '' : `, ${c.document}`;
    text = `${paragraph}; ${c.federalRegister}${doc}; effective ${c.effective} (${c.kind})`;
    withParagraph.set(key, text);
  }
  return text;
}
