import { isoDate } from '../../calendar/iso-date.ts';
import type { Citation } from '../../classification/types.ts';

/** Federal Register instruments behind ECCNs 3A090/4A090 and their .z paragraphs (Part 774 Supp. No. 1). */

/** R1: October 2022 IFR, creates 3A090/4A090 (TPP ≥ 4800 and I/O ≥ 600 GB/s). */
export const FR_2022_21658 = (ear: string): Citation => ({
  federalRegister: '87 FR 62186',
  document: 'FR Doc 2022-21658',
  ear,
  effective: isoDate('2022-10-07'),
  kind: 'interim-final-rule',
  url: 'https://www.federalregister.gov/d/2022-21658',
});

/** R3: October 2023 AC/S IFR, replaces .a with .a/.b TPP and PD bands, Note 2, License Exception NAC. */
export const FR_2023_23055 = (ear: string): Citation => ({
  federalRegister: '88 FR 73458',
  document: 'FR Doc 2023-23055',
  ear,
  effective: isoDate('2023-11-17'),
  kind: 'interim-final-rule',
  url: 'https://www.federalregister.gov/d/2023-23055',
});

/** R4: April 2024 corrections; splits License Exception ACA from NAC in § 740.8. */
export const FR_2024_07004 = (ear: string): Citation => ({
  federalRegister: '89 FR 23876',
  document: 'FR Doc 2024-07004',
  ear,
  effective: isoDate('2024-04-04'),
  kind: 'interim-final-rule',
  url: 'https://www.federalregister.gov/d/2024-07004',
});

/** R5: December 2024 FDP/HBM IFR, adds 3A090.c and License Exception HBM (compliance date 2024-12-31). */
export const FR_2024_28270 = (ear: string): Citation => ({
  federalRegister: '89 FR 96790',
  document: 'FR Doc 2024-28270',
  ear,
  effective: isoDate('2024-12-02'),
  kind: 'interim-final-rule',
  url: 'https://www.govinfo.gov/content/pkg/FR-2024-12-05/html/2024-28270.htm',
});
