/**
 * How each source names its lists → our ListCode. The CSL names its source lists in a `source`
 * column ("Entity List (EL) - Bureau of Industry and Security"); OFAC's consolidated non-SDN files
 * only carry program tags, which identify the list.
 */
import type { ListCode } from '../../core/screening/types.ts';

/** The abbreviation in parentheses of each CSL source name. */
const CSL_ABBREVIATIONS: Readonly<Record<string, ListCode>> = {
  EL: 'bis-entity',
  DPL: 'bis-denied',
  UVL: 'bis-unverified',
  MEU: 'bis-meu',
  SDN: 'ofac-sdn',
  SSI: 'ofac-ssi',
  FSE: 'ofac-fse',
  PLC: 'ofac-plc',
  CAP: 'ofac-cap',
  'NS-MBS': 'ofac-nsmbs',
  'NS-MBS LIST': 'ofac-nsmbs',
  CMIC: 'ofac-cmic',
  ISN: 'state-isn',
  DTC: 'state-dtc',
};

/** Full names that appear without an abbreviation in some CSL editions. */
const CSL_NAMES: readonly (readonly [RegExp, ListCode])[] = [
  [/^entity list/i, 'bis-entity'],
  [/^denied persons/i, 'bis-denied'],
  [/^unverified list/i, 'bis-unverified'],
  [/^military end.user/i, 'bis-meu'],
  [/^specially designated nationals/i, 'ofac-sdn'],
  [/^sectoral sanctions/i, 'ofac-ssi'],
  [/^foreign sanctions evaders/i, 'ofac-fse'],
  [/^palestinian legislative council/i, 'ofac-plc'],
  [/^(capta|correspondent account)/i, 'ofac-cap'],
  [/menu-based sanctions/i, 'ofac-nsmbs'],
  [/chinese military-industrial/i, 'ofac-cmic'],
  [/^nonproliferation sanctions/i, 'state-isn'],
  [/^(itar|aeca) debarred/i, 'state-dtc'],
];

/** The ListCode of a CSL `source` value; undefined for a source we do not know (the import then fails loudly). */
export function listCodeForCslSource(source: string): ListCode | undefined {
  const abbreviation = /\(([^)]+)\)/.exec(source)?.[1]?.trim().toUpperCase();
  if (abbreviation !== undefined) {
    const code = CSL_ABBREVIATIONS[abbreviation];
    if (code !== undefined) return code;
  }
  for (const [pattern, code] of CSL_NAMES) if (pattern.test(source.trim())) return code;
  return undefined;
}

/** Program tags of OFAC's Menu-Based Sanctions list, as the consolidated files write them. */
const NS_MBS_PROGRAMS = new Set(['RUSSIA-EO14024', 'CAATSA - RUSSIA', 'BURMA-EO14014', 'ILLICIT-DRUGS-EO14059', 'HKAA']);

/**
 * The ListCode of a row of OFAC's consolidated (non-SDN) files, from its program tags.
 * Order matters: a PLC member may also carry SDGT; an SSI entity may also carry RUSSIA-EO14024.
 */
export function listCodeForOfacConsolidated(programs: readonly string[]): ListCode {
  const has = (p: string | RegExp): boolean => programs.some((x) => (typeof p === 'string' ? x === p : p.test(x)));
  if (has('NS-PLC')) return 'ofac-plc';
  if (has(/^CMIC/)) return 'ofac-cmic';
  if (has('561-Related') || has(/^CAPTA/)) return 'ofac-cap';
  if (has(/^FSE-/)) return 'ofac-fse';
  if (has('UKRAINE-EO13662')) return 'ofac-ssi';
  if (programs.some((p) => NS_MBS_PROGRAMS.has(p))) return 'ofac-nsmbs';
  return 'ofac-nonsdn';
}
