/**
 * The harness's own reader for the trade.gov Consolidated Screening List CSV, so the
 * evaluation does not depend on the ingestion adapters. Only the fields the matcher uses.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ListCode, ListEntry, PartyType } from '../../src/core/screening/types.ts';

const SOURCE_CODES: ReadonlyArray<readonly [string, ListCode]> = [
  ['(EL)', 'bis-entity'],
  ['(SDN)', 'ofac-sdn'],
  ['(DPL)', 'bis-denied'],
  ['(UVL)', 'bis-unverified'],
  ['(MEU)', 'bis-meu'],
  ['(DTC)', 'state-dtc'],
  ['(SSI)', 'ofac-ssi'],
  ['(ISN)', 'state-isn'],
  ['(NS-MBS', 'ofac-nsmbs'],
  ['(CMIC)', 'ofac-cmic'],
  ['(CAP)', 'ofac-cap'],
  ['(PLC)', 'ofac-plc'],
  ['(FSE)', 'ofac-fse'],
];

function listCode(source: string): ListCode {
  for (const [marker, code] of SOURCE_CODES) if (source.includes(marker)) return code;
  return 'internal';
}

function partyType(type: string): PartyType {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'entity':
      return 'entity';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return 'unknown';
  }
}

const splitList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function loadCsl(path: string): ListEntry[] {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  return rows.map((row, i) => {
    const countries = splitList(row['addresses']).filter((c) => /^[A-Z]{2}$/.test(c));
    const entry: ListEntry = {
      list: listCode(row['source'] ?? ''),
      sourceId: (row['entity_number'] ?? '') !== '' ? (row['entity_number'] as string) : (row['_id'] ?? `row-${i}`),
      name: row['name'] ?? '',
      aliases: splitList(row['alt_names']),
      type: partyType(row['type'] ?? ''),
      countries: [...new Set(countries)],
      addresses: countries.map((c) => ({ text: c, country: c })),
      programs: splitList(row['programs']),
    };
    return entry;
  });
}
