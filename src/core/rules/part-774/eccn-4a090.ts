import type { SystemRule } from '../../classification/rule-model.ts';
import { FR_2022_21658, FR_2023_23055 } from './citations.ts';

/** ECCN 4A090: computers, "electronic assemblies" and "components" containing ICs that meet 3A090. */

export const SYSTEMS_2022: SystemRule = {
  byLevel: { 'legacy-2022': { eccn: '4A090', paragraph: '4A090' } },
  citation: FR_2022_21658('ECCN 4A090 (October 2022 text), 15 CFR Part 774 Supp. No. 1'),
  uncertain: 'The 2022 sub-paragraph numbering of 4A090 was not retrieved; the engine reports "4A090".',
};

export const SYSTEMS_2023: SystemRule = {
  // 4A090 has no HBM paragraph: a system whose only advanced item is HBM is not 4A090.
  byLevel: {
    a: { eccn: '4A090.a', paragraph: '4A090.a' },
    b: { eccn: '4A090.b', paragraph: '4A090.b' },
  },
  citation: FR_2023_23055('ECCN 4A090.a and 4A090.b, 15 CFR Part 774 Supp. No. 1'),
  uncertain: null,
};
