import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { DPL_COLUMNS, parseDpl } from './dpl.ts';
import type { RawFile } from './raw-file.ts';

const text = (body: string): RawFile => ({ name: 'dpl.txt', bytes: new TextEncoder().encode(body) });
const line = (values: readonly string[]): string => values.map((v) => `"${v}"`).join('\t');
const head = line(DPL_COLUMNS);
const a = line(['JOHN EXAMPLE', '1 MAIN ST', 'EL PASO', 'TX', 'US', '79905', '08/24/2022', '01/14/2026', 'Y', '2022-08-29', 'F.R. NOTICE ADDED', '87 F.R. 52741 8/29/2022']);
const b = line(['JOHN EXAMPLE', '2 RIGA ST', 'RIGA', '', 'LV', '1084', '08/24/2022', '01/14/2026', 'Y', '2022-08-29', 'F.R. NOTICE ADDED', '87 F.R. 52741 8/29/2022']);

describe('BIS Denied Persons text file, synthetic', () => {
  it('groups the lines of one order into one entry with all its addresses', () => {
    const parsed = parseDpl(text(`${head}\n${a}\n${b}\n`));
    const entries = [...parsed.entries];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      list: 'bis-denied', sourceId: 'JOHN EXAMPLE@2022-08-24', countries: ['US', 'LV'], startDate: '2022-08-24', endDate: '2026-01-14',
      federalRegisterNotice: '87 F.R. 52741 8/29/2022',
    });
    expect(parsed.files[0]?.rows).toBe(2);
  });
  it('rejects a file missing its final line break (the trailer of a complete file)', () => {
    expect(() => parseDpl(text(`${head}\n${a}\n${b}`))).toThrow(expect.objectContaining({ code: 'list_integrity', message: expect.stringMatching(/truncated/) }));
  });
  it('rejects a line cut mid-field', () => {
    expect(() => parseDpl(text(`${head}\n${a}\n${b.slice(0, 40)}\n`))).toThrow(/dpl.txt:3/);
  });
  it('rejects a file with another header', () => {
    expect(() => parseDpl(text(`"Name"\t"Address"\n${a}\n`))).toThrow(/header/);
  });
});

describe.skipIf(missingShared('data', 'lists', 'bis_dpl_2023-11', 'dpl.txt') !== null)('BIS DPL of 2023-11 (shared data)', () => {
  it('reads 665 lines into one entry per denial order', () => {
    const parsed = parseDpl({ name: 'dpl.txt', bytes: readFileSync(sharedPath('data', 'lists', 'bis_dpl_2023-11', 'dpl.txt')) });
    const entries = [...parsed.entries];
    expect(parsed.files[0]?.rows).toBe(665);
    expect(entries.length).toBeLessThan(665);
    expect(entries.reduce((n, e) => n + e.addresses.length, 0)).toBe(665);
    // one address line with a blank Country, one in China
    expect(entries.find((e) => e.name === 'ZIMO SHENG')?.addresses.map((x) => x.country ?? null)).toEqual([null, 'CN']);
  });
});
