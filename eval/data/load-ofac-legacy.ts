/**
 * The harness's own reader for OFAC's legacy CSV quartet (sdn.csv, alt.csv, add.csv):
 * primary names, aliases and address text. "-0-" is OFAC's empty marker.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ListEntry, PartyType } from '../../src/core/screening/types.ts';

const value = (s: string | undefined): string => {
  const t = (s ?? '').trim();
  return t === '-0-' ? '' : t;
};

function rows(path: string): string[][] {
  if (!existsSync(path)) return [];
  return parse(readFileSync(path), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
}

function partyType(sdnType: string): PartyType {
  switch (sdnType.toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return 'entity';
  }
}

export function loadOfacLegacy(folder: string): ListEntry[] {
  const aliases = new Map<string, string[]>();
  for (const r of rows(join(folder, 'alt.csv'))) {
    const id = value(r[0]);
    const name = value(r[3]);
    if (id === '' || name === '') continue;
    const list = aliases.get(id) ?? [];
    list.push(name);
    aliases.set(id, list);
  }
  const addresses = new Map<string, string[]>();
  for (const r of rows(join(folder, 'add.csv'))) {
    const id = value(r[0]);
    const text = [value(r[2]), value(r[3]), value(r[4])].filter((s) => s !== '').join(', ');
    if (id === '' || text === '') continue;
    const list = addresses.get(id) ?? [];
    list.push(text);
    addresses.set(id, list);
  }
  return rows(join(folder, 'sdn.csv'))
    .filter((r) => value(r[0]) !== '' && value(r[1]) !== '')
    .map((r) => {
      const id = value(r[0]);
      return {
        list: 'ofac-sdn',
        sourceId: id,
        name: value(r[1]),
        aliases: aliases.get(id) ?? [],
        type: partyType(value(r[2])),
        countries: [],
        addresses: (addresses.get(id) ?? []).map((text) => ({ text })),
        programs: value(r[3]) === '' ? [] : [value(r[3])],
      } satisfies ListEntry;
    });
}
