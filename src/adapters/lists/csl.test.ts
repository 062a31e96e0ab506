import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { CSL_COLUMNS, parseCslCsv, parseCslJson } from './csl.ts';
import type { RawFile } from './raw-file.ts';

const text = (name: string, body: string): RawFile => ({ name, bytes: new TextEncoder().encode(body) });
const row = (values: Partial<Record<(typeof CSL_COLUMNS)[number], string>>): string =>
  CSL_COLUMNS.map((c) => `"${(values[c] ?? '').replace(/"/g, '""')}"`).join(',');
const header = CSL_COLUMNS.join(',');
const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
};

const elRow = row({
  _id: 'abc123', source: 'Entity List (EL) - Bureau of Industry and Security', name: 'Example Semiconductor Co., Ltd.',
  addresses: 'No. 1 Road, Shanghai, CN; Flat 2, Kowloon, Hong Kong', alt_names: 'Example Semi; and ES Limited',
  license_requirement: 'For all items subject to the EAR.', license_policy: 'Presumption of denial.', federal_register_notice: '89 FR 1',
  start_date: '2024-01-02',
});
const sdnRow = row({ _id: 'x1', source: 'Specially Designated Nationals (SDN) - Treasury Department', entity_number: '36', type: 'Entity', name: 'AEROCARIBBEAN AIRLINES', programs: 'CUBA', nationalities: 'CU' });

describe('CSL CSV, synthetic', () => {
  it('maps sources to lists and keeps licence fields, aliases and countries', () => {
    const parsed = parseCslCsv(text('consolidated.csv', `${header}\n${elRow}\n${sdnRow}\n`));
    const [el, sdn] = [...parsed.entries];
    expect(el).toMatchObject({
      list: 'bis-entity', sourceId: 'abc123', aliases: ['Example Semi', 'ES Limited'], countries: ['CN', 'HK'],
      licenseRequirement: 'For all items subject to the EAR.', licensePolicy: 'Presumption of denial.', federalRegisterNotice: '89 FR 1', startDate: '2024-01-02',
    });
    expect(sdn).toMatchObject({ list: 'ofac-sdn', sourceId: '36', type: 'entity', programs: ['CUBA'], countries: ['CU'] });
  });

  it('rejects a row cut short (missing columns) and a quote never closed', () => {
    const cutBetweenFields = `${header}\n${elRow}\n${sdnRow.split(',').slice(0, 10).join(',')}\n`;
    expect(() => parseCslCsv(text('consolidated.csv', cutBetweenFields))).toThrow(expect.objectContaining({ code: 'list_integrity' }));
    const cutInField = `${header}\n${elRow}\n${sdnRow.slice(0, sdnRow.indexOf('AEROCARIB') + 5)}`;
    expect(() => parseCslCsv(text('consolidated.csv', cutInField))).toThrow(/never closed/);
  });

  it('rejects a row whose required name is empty', () => {
    expect(() => parseCslCsv(text('c.csv', `${header}\n${row({ _id: '1', source: 'Entity List (EL) - Bureau of Industry and Security' })}\n`))).toThrow(/lacks name/);
  });

  it('fails loudly on a CSL source it does not know rather than dropping it', () => {
    expect(() => parseCslCsv(text('c.csv', `${header}\n${row({ _id: '1', source: 'Brand New List (BNL) - Somewhere', name: 'X' })}\n`))).toThrow(/unknown CSL source/);
  });

  it('skips a repeated header line with a warning', () => {
    const parsed = parseCslCsv(text('c.csv', `${header}\n${header}\n${elRow}\n`));
    expect([...parsed.entries]).toHaveLength(1);
    expect(parsed.warnings).toEqual(['line 2 repeats the header; skipped']);
  });
});

describe('CSL JSON, synthetic', () => {
  const record = {
    id: 'j1', source: 'Military End User (MEU) List - Bureau of Industry and Security', name: 'Aviation Industry Example',
    addresses: [{ address: '1 Street', city: 'Xian', state: null, postal_code: '710000', country: 'CN' }],
    alt_names: ['AIE'], programs: [], license_requirement: 'For any item subject to the EAR listed in supplement no. 2 to part 744.',
  };
  it('reads {results:[...]} with structured addresses', () => {
    const parsed = parseCslJson(text('consolidated.json', JSON.stringify({ total: 1, results: [record] })));
    expect([...parsed.entries][0]).toMatchObject({ list: 'bis-meu', sourceId: 'j1', aliases: ['AIE'], countries: ['CN'], addresses: [{ text: '1 Street, Xian, 710000, CN', country: 'CN' }] });
    expect(parsed.format).toBe('csl-json');
  });
  it('rejects a cut-off file and a total that does not match', () => {
    const full = JSON.stringify({ total: 2, results: [record, { ...record, id: 'j2' }] });
    expect(() => parseCslJson(text('consolidated.json', full.slice(0, full.length - 40)))).toThrow(/not valid JSON/);
    expect(() => parseCslJson(text('consolidated.json', JSON.stringify({ total: 3, results: [record] })))).toThrow(/total 3/);
  });
});

describe.skipIf(missingShared('data', 'lists', 'csl_2026-07-31', 'consolidated.csv') !== null)('CSL of 2026-07-31 (shared data)', () => {
  it('reads all 25,921 records with the published split per list', () => {
    const file = { name: 'consolidated.csv', bytes: readFileSync(sharedPath('data', 'lists', 'csl_2026-07-31', 'consolidated.csv')) };
    const parsed = parseCslCsv(file);
    const entries = [...parsed.entries];
    expect(entries).toHaveLength(25921);
    expect(parsed.files[0]?.rows).toBe(25921);
    expect(countBy(entries, (e) => e.list)).toEqual({
      'ofac-sdn': 19181, 'bis-entity': 3420, 'bis-denied': 1596, 'state-dtc': 787, 'ofac-ssi': 286, 'bis-unverified': 222,
      'state-isn': 161, 'ofac-plc': 78, 'bis-meu': 70, 'ofac-cmic': 68, 'ofac-nsmbs': 51, 'ofac-cap': 1,
    });
    const el = entries.filter((e) => e.list === 'bis-entity');
    expect(el.every((e) => e.licenseRequirement !== undefined && e.licensePolicy !== undefined)).toBe(true);
    expect(el.filter((e) => e.aliases.length > 0).length).toBeGreaterThanOrEqual(1959);
    expect(new Set(entries.map((e) => `${e.list}:${e.sourceId}`)).size).toBe(25921);
  });
});

describe.skipIf(missingShared('data', 'lists', 'csl_2023-11_partial', 'csl.csv') !== null)('truncated CSL of 2023-11 (shared data)', () => {
  it('is detected as cut off', () => {
    const file = { name: 'csl.csv', bytes: readFileSync(sharedPath('data', 'lists', 'csl_2023-11_partial', 'csl.csv')) };
    expect(() => parseCslCsv(file)).toThrow(expect.objectContaining({ code: 'list_integrity', message: expect.stringMatching(/truncated/) }));
  });
});

describe.skipIf(missingShared('data', 'lists', 'csl_format_sample_2025', 'consolidated.csv') !== null)('CSL 2025 format sample (shared data)', () => {
  it('reads its 13 records, one or more per list', () => {
    const file = { name: 'consolidated.csv', bytes: readFileSync(sharedPath('data', 'lists', 'csl_format_sample_2025', 'consolidated.csv')) };
    const entries = [...parseCslCsv(file).entries];
    expect(entries).toHaveLength(13);
    expect(countBy(entries, (e) => e.list)['ofac-ssi']).toBe(3);
    expect(entries.find((e) => e.list === 'state-isn')?.aliases).toContain('Sinobright Import and Export Company');
  });
});
