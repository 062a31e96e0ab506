import { isoDate } from '../../calendar/iso-date.ts';
import type {
  ClassificationRuleVersion,
  Condition,
  Exclusion,
  LicenseExceptionEligibility,
  ParameterParagraph,
} from '../../classification/rule-model.ts';
import { FR_2022_21658, FR_2023_23055, FR_2024_07004, FR_2024_28270 } from './citations.ts';
import { SYSTEMS_2022, SYSTEMS_2023 } from './eccn-4a090.ts';
import { Z_PARAGRAPHS_2022, Z_PARAGRAPHS_2023 } from './z-paragraphs.ts';

/**
 * ECCN 3A090 (Part 774 Supp. No. 1) as dated data: one entry per rule version, each complete in
 * itself. The version in force on a date is the last one whose effective date is on or before it;
 * before 2022-10-07 no version applies and nothing is 3A090.
 */

const tpp = (op: Condition['op'], value: number): Condition => ({ quantity: 'tpp', op, value });
const pd = (op: Condition['op'], value: number): Condition => ({ quantity: 'pd', op, value });

// 2022 (R1): both the processing and the I/O parameter must be met.
const PARAGRAPHS_2022: readonly ParameterParagraph[] = [
  {
    paragraph: '3A090.a',
    eccn: '3A090.a',
    level: 'legacy-2022',
    appliesTo: 'logic',
    conditions: [tpp('>=', 4800), { quantity: 'io', op: '>=', value: 600 }],
    text: 'ICs with digital processing units whose bit length × TOPS, aggregated over all units, is 4800 or more, AND an aggregate bidirectional transfer rate of 600 GB/s or more to or from ICs other than volatile memory (2022 text).',
    citation: FR_2022_21658('ECCN 3A090.a (October 2022 text), 15 CFR Part 774 Supp. No. 1'),
  },
];

const PARAGRAPHS_2023: readonly ParameterParagraph[] = [
  {
    paragraph: '3A090.a.1',
    eccn: '3A090.a',
    level: 'a',
    appliesTo: 'logic',
    conditions: [tpp('>=', 4800)],
    text: 'TPP of 4800 or more.',
    citation: FR_2023_23055('ECCN 3A090.a.1, 15 CFR Part 774 Supp. No. 1'),
  },
  {
    paragraph: '3A090.a.2',
    eccn: '3A090.a',
    level: 'a',
    appliesTo: 'logic',
    conditions: [tpp('>=', 1600), pd('>=', 5.92)],
    text: 'TPP of 1600 or more and performance density of 5.92 or more.',
    citation: FR_2023_23055('ECCN 3A090.a.2, 15 CFR Part 774 Supp. No. 1'),
  },
  {
    paragraph: '3A090.b.1',
    eccn: '3A090.b',
    level: 'b',
    appliesTo: 'logic',
    conditions: [tpp('>=', 2400), tpp('<', 4800), pd('>=', 1.6), pd('<', 5.92)],
    text: 'TPP of 2400 or more and less than 4800, with performance density of 1.6 or more and less than 5.92.',
    citation: FR_2023_23055('ECCN 3A090.b.1, 15 CFR Part 774 Supp. No. 1'),
  },
  {
    paragraph: '3A090.b.2',
    eccn: '3A090.b',
    level: 'b',
    appliesTo: 'logic',
    conditions: [tpp('>=', 1600), pd('>=', 3.2), pd('<', 5.92)],
    text: 'TPP of 1600 or more with performance density of 3.2 or more and less than 5.92.',
    citation: FR_2023_23055('ECCN 3A090.b.2, 15 CFR Part 774 Supp. No. 1'),
  },
];

const PARAGRAPH_C: ParameterParagraph = {
  paragraph: '3A090.c',
  eccn: '3A090.c',
  level: 'c',
  appliesTo: 'memory',
  conditions: [{ quantity: 'mbd', op: '>', value: 2 }],
  text: 'High-bandwidth memory (standalone stacks, JEDEC or not) with memory bandwidth density above 2 GB/s/mm². HBM co-packaged with a logic IC whose primary function is processing is judged under .a/.b instead.',
  citation: FR_2024_28270('ECCN 3A090.c and Technical Note 1 to 3A090.c, 15 CFR Part 774 Supp. No. 1'),
};

const NOTE_2: Exclusion = {
  id: 'note-2-non-datacenter',
  paragraph: 'Note 2 to 3A090.a and 3A090.b',
  onlyWhenNotDatacenter: true,
  conditions: [tpp('<', 4800)],
  text: 'Items neither designed nor marketed for use in datacenters with TPP below 4800 are outside 3A090 (and, per Note 4, make nothing 4A090 or .z).',
  citation: FR_2023_23055('Note 2 to 3A090.a and 3A090.b, 15 CFR Part 774 Supp. No. 1'),
};

const nacAca = (exception: 'NAC' | 'ACA', cite: (ear: string) => ReturnType<typeof FR_2023_23055>): LicenseExceptionEligibility[] => [
  // Non-datacenter .a items with TPP ≥ 4800 only; datacenter .a items are never eligible.
  { exception, levels: ['a'], datacenter: false, conditions: [tpp('>=', 4800)], citation: cite('ECCN 3A090 List Based License Exceptions; 15 CFR 740.8') },
  { exception, levels: ['b'], datacenter: true, conditions: [], citation: cite('ECCN 3A090 List Based License Exceptions; 15 CFR 740.8') },
];

const HBM_EXCEPTION: LicenseExceptionEligibility = {
  exception: 'HBM',
  levels: ['c'],
  datacenter: null,
  conditions: [{ quantity: 'mbd', op: '<', value: 3.3 }],
  citation: FR_2024_28270('License Exception HBM, 15 CFR 740.25'),
};

export const ECCN_3A090_VERSIONS: readonly ClassificationRuleVersion[] = [
  {
    id: '3a090-2022-10-07',
    effective: isoDate('2022-10-07'),
    title: '3A090 as created in October 2022: TPP ≥ 4800 and non-memory I/O ≥ 600 GB/s',
    citation: FR_2022_21658('ECCN 3A090, 15 CFR Part 774 Supp. No. 1'),
    paragraphs: PARAGRAPHS_2022,
    exclusions: [],
    licenseExceptions: [],
    systems: SYSTEMS_2022,
    zParagraphs: Z_PARAGRAPHS_2022,
    uncertain: [
      'Sub-paragraph numbering of the 2022 text: the processing limb is reported as a.1–a.4 (digital, primitive, analog, combined units); the engine reports "3A090.a".',
      'The I/O figure is the catalog chip-to-chip link rate (interconnect_bw_gbs). When no link is listed, the host PCIe link rate is used instead; the 2022 text counts all non-memory I/O.',
    ],
  },
  {
    id: '3a090-2023-11-17',
    effective: isoDate('2023-11-17'),
    title: '3A090 as revised in October 2023: TPP and performance-density bands, Note 2 data-center test, License Exception NAC',
    citation: FR_2023_23055('ECCN 3A090, 15 CFR Part 774 Supp. No. 1'),
    paragraphs: PARAGRAPHS_2023,
    exclusions: [NOTE_2],
    licenseExceptions: nacAca('NAC', FR_2023_23055),
    systems: SYSTEMS_2023,
    zParagraphs: Z_PARAGRAPHS_2023,
    uncertain: ['"Designed or marketed for use in datacenters" has no numeric test; the engine uses the catalog market column (datacenter ⇒ true) unless the caller overrides it.'],
  },
  {
    id: '3a090-2024-04-04',
    effective: isoDate('2024-04-04'),
    title: '3A090 after the April 2024 corrections: License Exception ACA split from NAC',
    citation: FR_2024_07004('ECCN 3A090 List Based License Exceptions; 15 CFR 740.8'),
    paragraphs: PARAGRAPHS_2023,
    exclusions: [NOTE_2],
    licenseExceptions: [...nacAca('NAC', FR_2024_07004), ...nacAca('ACA', FR_2024_07004)],
    systems: SYSTEMS_2023,
    zParagraphs: Z_PARAGRAPHS_2023,
    uncertain: ['"Designed or marketed for use in datacenters" has no numeric test; the engine uses the catalog market column (datacenter ⇒ true) unless the caller overrides it.'],
  },
  {
    id: '3a090-2024-12-02',
    effective: isoDate('2024-12-02'),
    title: '3A090 with paragraph .c (high-bandwidth memory) and License Exception HBM',
    citation: FR_2024_28270('ECCN 3A090.c, 15 CFR Part 774 Supp. No. 1'),
    paragraphs: [...PARAGRAPHS_2023, PARAGRAPH_C],
    exclusions: [NOTE_2],
    licenseExceptions: [...nacAca('NAC', FR_2024_07004), ...nacAca('ACA', FR_2024_07004), HBM_EXCEPTION],
    systems: SYSTEMS_2023,
    zParagraphs: Z_PARAGRAPHS_2023,
    uncertain: [
      '"Designed or marketed for use in datacenters" has no numeric test; the engine uses the catalog market column (datacenter ⇒ true) unless the caller overrides it.',
      '3A090.c applies from 2024-12-02; the HBM amendments carry a compliance date of 2024-12-31 (secondary source).',
      'License Exception HBM has further conditions (exporter headquarters, reported as US or A:5) not evaluated here.',
    ],
  },
];

/** The 3A090 version in force on a date, or null before 2022-10-07. */
export function eccn3a090VersionAt(asOf: string): ClassificationRuleVersion | null {
  let found: ClassificationRuleVersion | null = null;
  for (const version of ECCN_3A090_VERSIONS) if (version.effective <= asOf) found = version;
  return found;
}
