import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { parseOfacSet } from './ofac-legacy.ts';
import type { RawFile } from './raw-file.ts';

const shared = (dir: string, name: string): RawFile => ({ name, bytes: readFileSync(sharedPath('data', 'lists', dir, name)) });
const text = (name: string, body: string): RawFile => ({ name, bytes: new TextEncoder().encode(body) });
const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
};

describe('OFAC legacy CSV, synthetic', () => {
  const sdn = text(
    'sdn.csv',
    '10,"EXAMPLE TRADING CO., LTD.",-0- ,"SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'EXTRA\'; Linked To: SOME BA"\r\n' +
      '11,"DOE, John",individual,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1960; nationality Iran."\r\n\u001a',
  );
  const alt = text('alt.csv', '10,1,"aka","EXAMPLE TRADE",-0- \r\n99,2,"aka","ORPHAN ALIAS",-0- \r\n\u001a');
  const add = text('add.csv', '10,5,"1 Road","Dubai","United Arab Emirates",-0- \r\n11,6,-0- ,-0- ,"Korea, North",-0- \r\n\u001a');
  const comments = text('sdn_comments.csv', '10,"NK."\r\n\u001a');

  it('joins aliases, addresses, remark continuations and weak AKAs onto their entries', () => {
    const parsed = parseOfacSet({ set: 'sdn', primary: sdn, aliases: alt, addresses: add, comments });
    const [company, person] = [...parsed.entries];
    expect(company).toMatchObject({
      list: 'ofac-sdn', sourceId: '10', name: 'EXAMPLE TRADING CO., LTD.', type: 'entity', programs: ['SDGT', 'IRGC'],
      aliases: ['EXAMPLE TRADE', 'EXTRA'], countries: ['AE'], remarks: "a.k.a. 'EXTRA'; Linked To: SOME BANK.",
    });
    expect(person).toMatchObject({ type: 'individual', name: 'DOE, John', countries: ['KP', 'IR'], birthYears: [1960] });
    expect(company?.birthYears).toBeUndefined();
    expect(parsed.warnings.join(' ')).toMatch(/1 aliases rows name an ent_num/);
    expect(parsed.files.map((f) => [f.name, f.rows])).toEqual([['sdn.csv', 2], ['sdn_comments.csv', 1], ['alt.csv', 2], ['add.csv', 2]]);
  });

  it('rejects a file whose closing 0x1A byte is missing (cut at a line boundary)', () => {
    const cut = text('sdn.csv', new TextDecoder().decode(sdn.bytes).replace('\u001a', ''));
    expect(() => parseOfacSet({ set: 'sdn', primary: cut })).toThrow(expect.objectContaining({ code: 'list_integrity', field: 'sdn.csv' }));
    expect(parseOfacSet({ set: 'sdn', primary: cut }, { allowMissingTrailer: true }).files[0]?.rows).toBe(2);
  });

  it('rejects a file cut mid-record (unclosed quote) even without the trailer check', () => {
    const body = new TextDecoder().decode(sdn.bytes);
    const cut = text('sdn.csv', body.slice(0, body.indexOf('DOB 1960')));
    expect(() => parseOfacSet({ set: 'sdn', primary: cut }, { allowMissingTrailer: true })).toThrow(expect.objectContaining({ code: 'list_integrity' }));
  });

  it('rejects a record with the wrong number of fields', () => {
    const short = text('sdn.csv', '10,"X CO",-0- ,"SDGT"\r\n\u001a');
    expect(() => parseOfacSet({ set: 'sdn', primary: short })).toThrow(/fields/);
  });
});

describe.skipIf(missingShared('data', 'lists', 'ofac_sdn_full_set_2021-07') !== null)('OFAC SDN full set, July 2021 (shared data)', () => {
  it('reads all four files with the published row counts', () => {
    const dir = 'ofac_sdn_full_set_2021-07';
    const parsed = parseOfacSet({
      set: 'sdn', primary: shared(dir, 'sdn.csv'), addresses: shared(dir, 'add.csv'), aliases: shared(dir, 'alt.csv'), comments: shared(dir, 'sdn_comments.csv'),
    });
    const entries = [...parsed.entries];
    expect(entries).toHaveLength(8976);
    expect(countBy(entries, (e) => e.type)).toEqual({ individual: 4620, vessel: 406, aircraft: 277, entity: 3673 });
    expect(Object.fromEntries(parsed.files.map((f) => [f.name, f.rows]))).toEqual({ 'sdn.csv': 8976, 'add.csv': 13837, 'alt.csv': 11910, 'sdn_comments.csv': 5 });
    expect(parsed.warnings.filter((w) => /ent_num/.test(w))).toEqual([]);
    expect(entries.reduce((n, e) => n + e.addresses.length, 0)).toBeGreaterThan(8976);
    const bnc = entries.find((e) => e.sourceId === '306');
    expect(bnc?.aliases).toEqual(expect.arrayContaining(['NATIONAL BANK OF CUBA', 'BNC']));
  });
});

describe.skipIf(missingShared('data', 'lists', 'ofac_sdn_2024-05-03') !== null)('OFAC SDN, 2024-05-03 (shared data)', () => {
  it('reads 14,965 records with the published type split', () => {
    const parsed = parseOfacSet({ set: 'sdn', primary: shared('ofac_sdn_2024-05-03', 'sdn.csv') });
    const entries = [...parsed.entries];
    expect(entries).toHaveLength(14965);
    expect(countBy(entries, (e) => e.type)).toEqual({ individual: 6854, vessel: 851, aircraft: 376, entity: 6884 });
    expect(parsed.warnings).toHaveLength(2); // alt.csv and add.csv not given
  });
});

describe.skipIf(missingShared('data', 'lists', 'ofac_non_sdn_2025-12') !== null)('OFAC consolidated non-SDN, 2025-12 (shared data)', () => {
  it('reads the four cons files and maps programs to lists', () => {
    const dir = 'ofac_non_sdn_2025-12';
    const parsed = parseOfacSet({
      set: 'cons', primary: shared(dir, 'cons_prim.csv'), addresses: shared(dir, 'cons_add.csv'), aliases: shared(dir, 'cons_alt.csv'), comments: shared(dir, 'cons_comments.csv'),
    });
    const entries = [...parsed.entries];
    expect(entries).toHaveLength(442);
    expect(countBy(entries, (e) => e.type)).toEqual({ individual: 79, entity: 363 });
    expect(Object.fromEntries(parsed.files.map((f) => [f.name, f.rows]))).toEqual({ 'cons_prim.csv': 442, 'cons_alt.csv': 1073, 'cons_add.csv': 574, 'cons_comments.csv': 10 });
    // the same split the CSL of 2026 shows for these Treasury lists
    expect(countBy(entries, (e) => e.list)).toEqual({ 'ofac-plc': 78, 'ofac-ssi': 286, 'ofac-cmic': 68, 'ofac-cap': 1, 'ofac-nsmbs': 9 });
  });
});

describe('OFAC address file cut at a line boundary', () => {
  it('is caught by the one-address-row-per-record convention even when the trailer check is off', () => {
    const sdn = text('sdn.csv', '10,"A CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n11,"B CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a');
    const whole = text('add.csv', '10,1,-0- ,"Dubai","United Arab Emirates",-0- \r\n11,2,-0- ,-0- ,-0- ,-0- \r\n\u001a');
    const cut = text('add.csv', '10,1,-0- ,"Dubai","United Arab Emirates",-0- \r\n');
    expect([...parseOfacSet({ set: 'sdn', primary: sdn, addresses: whole }).entries]).toHaveLength(2);
    expect(() => parseOfacSet({ set: 'sdn', primary: sdn, addresses: cut }, { allowMissingTrailer: true })).toThrow(/ent_num 11 and above.*truncated/);
  });
});

describe.skipIf(missingShared('data', 'lists', 'ofac_sdn_aliases_addresses_2025-12') !== null || missingShared('data', 'lists', 'ofac_sdn_2024-05-03') !== null)(
  'joining the 2024 sdn.csv with the 2025 alias/address files (shared data)',
  () => {
    it('joins 17,647 of the 20,107 alias rows and reports the rest as orphans', () => {
      const later = 'ofac_sdn_aliases_addresses_2025-12';
      const parsed = parseOfacSet({
        set: 'sdn', primary: shared('ofac_sdn_2024-05-03', 'sdn.csv'), aliases: shared(later, 'alt.csv'), addresses: shared(later, 'add.csv'), comments: shared(later, 'sdn_comments.csv'),
      });
      expect(parsed.files.find((f) => f.name === 'alt.csv')?.rows).toBe(20107);
      expect(parsed.files.find((f) => f.name === 'add.csv')?.rows).toBe(24244);
      expect(parsed.warnings).toContain('2460 aliases rows name an ent_num that is not in sdn.csv (files from different dates?); they were skipped');
    });
  },
);
