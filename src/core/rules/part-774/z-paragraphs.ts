import type { ZParagraphRule } from '../../classification/rule-model.ts';
import { FR_2022_21658, FR_2023_23055 } from './citations.ts';

/**
 * ".z" paragraphs: an item that would otherwise sit in one of these ECCNs but meets the 3A090/4A090
 * parameters is classified in that ECCN's ".z" paragraph and keeps the advanced-computing treatment
 * (e.g. a mass-market-encryption GPU, otherwise 5A992.c, meeting 3A090.a is 5A992.z.1).
 */

export const Z_PARAGRAPHS_2023: ZParagraphRule = {
  hosts: ['3A001', '4A003', '4A004', '4A005', '5A002', '5A004', '5A992', '5D002', '5D992'],
  subParagraphs: {
    '4A004': { a: '4A004.z.1', b: '4A004.z.2' },
    '4A005': { a: '4A005.z.1', b: '4A005.z.2' },
    '5A992': { a: '5A992.z.1', b: '5A992.z.2' },
    '5D992': { a: '5D992.z.1', b: '5D992.z.2' },
  },
  excludedLevels: ['c'],
  citation: FR_2023_23055('.z paragraphs of ECCNs 3A001, 4A003, 4A004, 4A005, 5A002, 5A004, 5A992, 5D002, 5D992; Note 4 to 3A090'),
  uncertain: 'Hosts 3A001, 4A003, 5A002, 5A004 and 5D002 number their .z sub-paragraphs per item type (e.g. 3A001.z.1.a); the engine reports the ".z" paragraph only.',
};

export const Z_PARAGRAPHS_2022: ZParagraphRule = {
  hosts: ['3A001', '4A003', '4A004', '4A994', '5A002', '5A004', '5A992', '5D002', '5D992'],
  subParagraphs: {},
  excludedLevels: [],
  citation: FR_2022_21658('.z paragraphs added to ECCNs 3A001, 4A003, 4A004, 4A994, 5A002, 5A004, 5A992, 5D002, 5D992'),
  uncertain: 'The 2022 list of .z host ECCNs (including 4A994) is background knowledge not confirmed by the reference texts; verify against 87 FR 62186.',
};
