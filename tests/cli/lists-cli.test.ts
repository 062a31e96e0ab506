import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSL_COLUMNS } from '../../src/adapters/lists/csl.ts';
import { runCli as cli } from '../support/run-cli.ts';
import { missingShared, sharedPath } from '../support/shared-data.ts';

const row = (v: Partial<Record<(typeof CSL_COLUMNS)[number], string>>): string => CSL_COLUMNS.map((c) => `"${v[c] ?? ''}"`).join(',');
const EL = 'Entity List (EL) - Bureau of Industry and Security';
function cslCsv(extra: readonly string[] = []): string {
  const rows = [
    row({ _id: 'el-1', source: EL, name: 'Shenzhen Example Microelectronics Co., Ltd.', alt_names: 'Example Micro', addresses: 'No. 8 Road, Shenzhen, CN', license_requirement: 'For all items subject to the EAR.', license_policy: 'Presumption of denial.', federal_register_notice: '89 FR 12345' }),
    row({ _id: 'el-2', source: EL, name: 'Moscow Example Avionics Institute', addresses: 'Moscow, RU', license_requirement: 'For all items subject to the EAR.', license_policy: 'Policy of denial.' }),
    row({ _id: 'meu-1', source: 'Military End User (MEU) List - Bureau of Industry and Security', name: 'Example Aero Engine Research Institute', addresses: 'Xian, CN' }),
    row({ _id: 'x-1', source: 'Specially Designated Nationals (SDN) - Treasury Department', entity_number: '17016', type: 'Entity', name: 'GAZPROMBANK JOINT STOCK COMPANY', addresses: 'Moscow, RU', programs: 'RUSSIA-EO14024' }),
    ...extra,
  ];
  return [CSL_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

let dataDir = '';
let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'clearance-cli-lists-'));
  dataDir = join(work, 'data');
  vi.stubEnv('CLEARANCE_DATA_DIR', dataDir);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function file(name: string, body: string): string {
  const path = join(work, name);
  writeFileSync(path, body);
  return path;
}

describe('clearance lists', () => {
  it('status says clearly when nothing is loaded', async () => {
    const r = await cli('lists', 'status');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No screening lists loaded/);
  });

  it('imports a CSL file, reports counts and hash, and shows it in status (text and JSON)', async () => {
    const r = await cli('lists', 'import', file('consolidated.csv', cslCsv()), '--published', '2026-07-31');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/trade-csl: imported version \S+-trade-csl-[0-9a-f]{8}/);
    expect(r.stdout).toMatch(/4 entries \(bis-entity 2, bis-meu 1, ofac-sdn 1\); published 2026-07-31/);
    expect(r.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    const status = await cli('lists', 'status', '--json');
    const parsed = JSON.parse(status.stdout) as { active: { source: string; entryCount: number; publishedAt: string; files: { rows: number }[] }[] };
    expect(parsed.active.map((v) => [v.source, v.entryCount, v.publishedAt, v.files[0]?.rows])).toEqual([['trade-csl', 4, '2026-07-31', 4]]);
  });

  it('refuses a truncated file, exits 1, and leaves the active version in place', async () => {
    await cli('lists', 'import', file('consolidated.csv', cslCsv()));
    const before = await cli('lists', 'status', '--json');
    const full = cslCsv([row({ _id: 'el-3', source: EL, name: 'Another Example Trading Limited' })]);
    const cut = file('cut.csv', full.slice(0, full.length - 30));
    const r = await cli('lists', 'import', cut);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/list_integrity.*truncated/);
    expect((await cli('lists', 'status', '--json')).stdout).toBe(before.stdout);
  });

  it('reports identical files as unchanged, keeps every version, and diffs two of them', async () => {
    await cli('lists', 'import', file('consolidated.csv', cslCsv()));
    expect((await cli('lists', 'import', join(work, 'consolidated.csv'))).stdout).toMatch(/unchanged/);
    const next = cslCsv([row({ _id: 'el-3', source: EL, name: 'Another Example Trading Limited', addresses: 'Hong Kong, HK' })]).replace('Policy of denial.', 'Presumption of denial.');
    await cli('lists', 'import', file('consolidated.csv', next));
    const versions = await cli('lists', 'versions');
    expect(versions.stdout.match(/trade-csl-/g)).toHaveLength(2);
    const diff = await cli('lists', 'diff', 'trade-csl~1', 'trade-csl');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/added 1, removed 0, changed 1, unchanged 3/);
    expect(diff.stdout).toMatch(/\+ \[bis-entity\] Another Example Trading Limited \(el-3\)/);
    expect(diff.stdout).toMatch(/~ \[bis-entity\] Moscow Example Avionics Institute \(el-2\): licensePolicy/);
    const json = JSON.parse((await cli('lists', 'diff', 'trade-csl~1', 'trade-csl', '--json')).stdout) as { counts: Record<string, number> };
    expect(json.counts).toEqual({ added: 1, removed: 0, changed: 1, unchanged: 3 });
    expect((await cli('lists', 'diff', 'nope', 'trade-csl')).code).toBe(1);
  });

  it('imports a folder holding an OFAC set, a DPL file and an internal list as three versions', async () => {
    const dir = join(work, 'official');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sdn.csv'), '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a');
    writeFileSync(join(dir, 'alt.csv'), '36,12,"aka","AERO-CARIBBEAN",-0- \r\n\u001a');
    writeFileSync(join(dir, 'dpl.txt'), '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"\n"JOHN EXAMPLE"\t"1 MAIN ST"\t"EL PASO"\t"TX"\t"US"\t"79905"\t"08/24/2022"\t"01/14/2026"\t"Y"\t"2022-08-29"\t"ADDED"\t"87 F.R. 52741"\n');
    writeFileSync(join(dir, 'watch.csv'), 'id,name,countries,reason\nW-1,Bright Future Trading FZE,AE,diversion red flags\n');
    writeFileSync(join(dir, 'README.md'), '# not a list');
    const r = await cli('lists', 'import', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ofac-sdn: imported/);
    expect(r.stdout).toMatch(/bis-dpl: imported/);
    expect(r.stdout).toMatch(/internal: imported/);
    expect(r.stdout).toMatch(/ignored README.md/);
    expect(readdirSync(join(dataDir, 'lists', 'versions'))).toHaveLength(3);
  });

  it('gives a usage error for an unknown format or a missing path', async () => {
    expect((await cli('lists', 'import', join(work, 'nothing-here'))).code).toBe(2);
    const bad = await cli('lists', 'import', file('x.csv', 'id,name\n1,A\n'), '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/accepted: ofac-sdn-csv/);
  });
});

describe('clearance lists update', () => {
  let server: Server;
  let base = '';
  let body = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url !== '/consolidated.csv') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)) }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('updates from a mirror, then fails cleanly (exit 1) when a source is unreachable, keeping the current version', async () => {
    body = cslCsv();
    const ok = await cli('lists', 'update', '--source', 'trade-csl', '--mirror', base);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/trade-csl: imported version/);
    const down = await cli('lists', 'update', '--source', 'trade-csl', '--mirror', 'http://127.0.0.1:9');
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/trade-csl: NOT updated \[network_unavailable\]/);
    expect(down.stdout).toMatch(/the current version \S+ stays active/);
    expect(down.stdout).toMatch(/clearance lists import PATH/);
    const status = JSON.parse((await cli('lists', 'status', '--json')).stdout) as { active: unknown[] };
    expect(status.active).toHaveLength(1);
  });

  it('rejects an unknown source name', async () => {
    const r = await cli('lists', 'update', '--source', 'eu-fsf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/accepted: trade-csl, ofac-sdn, ofac-consolidated, bis-dpl/);
  });
});

describe('clearance screen', () => {
  beforeEach(async () => {
    await cli('lists', 'import', file('consolidated.csv', cslCsv()));
  });

  it('finds a listed company by a legal-form variant and explains the match', async () => {
    const r = await cli('screen', 'Shenzhen Example Microelectronics Company Limited', '--country', 'CN', '--json');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim()) as { id: string; name: string; matches: { list: string; sourceId: string; name: string; matchedName: string; score: number; explanation: { tokens: unknown[] } }[] };
    expect(line.name).toBe('Shenzhen Example Microelectronics Company Limited');
    const top = line.matches[0];
    expect(top).toMatchObject({ list: 'bis-entity', sourceId: 'el-1', name: 'Shenzhen Example Microelectronics Co., Ltd.' });
    expect(top?.score).toBeGreaterThanOrEqual(0.8);
    expect(top?.explanation.tokens.length).toBeGreaterThan(0);
  });

  it('prints "No match." for a clean name', async () => {
    const r = await cli('screen', 'Quiet Harbour Bakery');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No match\./);
  });

  it('screens a parties CSV and prints one JSON line per party', async () => {
    const parties = file('parties.csv', 'id,name,country,address\nP1,Gazprom Bank,RU,\nP2,Quiet Harbour Bakery,GB,"1 High St, Leeds"\nP3,Example Micro,CN,\n');
    const r = await cli('screen', '--file', parties, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; matches: { list: string; sourceId: string }[] });
    expect(lines.map((l) => l.id)).toEqual(['P1', 'P2', 'P3']);
    expect(lines[0]?.matches[0]).toMatchObject({ list: 'ofac-sdn', sourceId: '17016' });
    expect(lines[1]?.matches).toEqual([]);
    expect(lines[2]?.matches[0]).toMatchObject({ list: 'bis-entity', sourceId: 'el-1' });
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('rejects a bad parties file before screening anything, naming each line', async () => {
    const parties = file('bad.csv', 'id,name,country\nP1,,RU\nP1,Someone,Narnia\n');
    const r = await cli('screen', '--file', parties);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:2: name is empty/);
    expect(r.stderr).toMatch(/bad\.csv:3: id "P1" appears twice/);
    expect(r.stderr).toMatch(/bad\.csv:3: country "Narnia" is not a country code/);
    expect(r.stdout).toBe('');
  });

  /** The score `screen NAME --json` gives the listed entry `sourceId`, with extra options. */
  const scoreOf = async (name: string, sourceId: string, ...extra: string[]): Promise<number> => {
    const r = await cli('screen', name, '--threshold', '0', '--json', ...extra);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout.trim()) as { matches: { sourceId: string; score: number }[] }).matches.find((m) => m.sourceId === sourceId)?.score ?? 0;
  };

  it('takes a year of birth (--dob, or a dob column) as evidence that lowers a match on another person', async () => {
    await cli('lists', 'import', file('consolidated.csv', cslCsv([row({ _id: 'sdn-p', source: 'Specially Designated Nationals (SDN) - Treasury Department', entity_number: '30001', type: 'Individual', name: 'SMIRNOV, Dmitry Ivanovich', dates_of_birth: '1968-05-01', addresses: 'Moscow, RU' })])));
    const score = (...extra: string[]): Promise<number> => scoreOf('Dmitry Smirnov', '30001', ...extra);
    const plain = await score();
    expect(await score('--dob', '1968')).toBeGreaterThan(plain);
    expect(await score('--dob', '1990-01-02')).toBeLessThan(plain - 0.1);
    const bad = await cli('screen', 'X', '--dob', '02/01/1990');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dob/);
    const parties = file('dob.csv', 'id,name,dob\nP1,Dmitry Ivanovich Smirnov,1990\nP2,Someone,yesterday\n');
    const r = await cli('screen', '--file', parties);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dob\.csv:3: dob "yesterday" is not a date of birth/);
  });

  it('takes the party type (--type, or a type column): a person against a listed company scores lower', async () => {
    await cli('lists', 'import', file('consolidated.csv', cslCsv([row({ _id: 'sdn-e', source: 'Specially Designated Nationals (SDN) - Treasury Department', entity_number: '10003', type: 'Entity', name: 'GOMEZ MARIN LTDA.', addresses: 'Bogota, CO' })])));
    const score = (...extra: string[]): Promise<number> => scoreOf('Maria Gomez Marin', '10003', ...extra);
    const plain = await score();
    expect(await score('--type', 'entity')).toBe(plain);
    expect(await score('--type', 'individual')).toBeCloseTo(plain - 0.15, 3);
    const bad = await cli('screen', 'X', '--type', 'person');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/type: "person" is not a party type \(accepted: one of individual, entity, vessel, aircraft\)/);
    const parties = file('types.csv', 'id,name,type\nP1,Maria Gomez Marin,individual\nP2,Someone,company\n');
    const r = await cli('screen', '--file', parties);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/types\.csv:3: type "company" is not a party type/);
  });

  it('rejects a bad threshold and a bad country with exit 2', async () => {
    expect((await cli('screen', 'X', '--threshold', '1.5')).code).toBe(2);
    expect((await cli('screen', 'X', '--country', 'Narnia')).code).toBe(2);
    expect((await cli('screen')).code).toBe(2);
  });

  it('answers the same from the forms cache, and keeps one cache file across imports', async () => {
    const cacheDir = join(dataDir, 'cache');
    const query = ['screen', 'Shenzhen Example Microelectronics Company Limited', '--country', 'CN', '--json'] as const;
    const matchesOf = (stdout: string) => (JSON.parse(stdout.trim()) as { matches: { sourceId: string }[] }).matches;
    const first = await cli(...query);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = await cli(...query);
    expect(second.stdout).toBe(first.stdout);
    expect(matchesOf(first.stdout).length).toBeGreaterThan(0);
    await cli('lists', 'import', file('consolidated.csv', cslCsv([row({ _id: 'el-3', source: EL, name: 'Example Photonics Co., Ltd.', addresses: 'Wuhan, CN' })])));
    const third = await cli('screen', 'Example Photonics Company Limited', '--json');
    expect(matchesOf(third.stdout)[0]).toMatchObject({ sourceId: 'el-3' });
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^screener-forms-[0-9a-f]+\.json$/);
  });

  it('says how to load lists when none are loaded', async () => {
    vi.stubEnv('CLEARANCE_DATA_DIR', join(work, 'empty'));
    const r = await cli('screen', 'Anything');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no screening lists are loaded.*clearance lists import PATH/);
  });
});

describe.skipIf(missingShared('data', 'lists', 'csl_2026-07-31', 'consolidated.csv') !== null)('screening on the CSL of 2026-07-31 (shared data)', () => {
  it('finds the same Entity List entry for the listed name, its legal-form and pinyin-spacing variants and a Cyrillic look-alike; a clean name finds nothing', async () => {
    expect((await cli('lists', 'import', sharedPath('data', 'lists', 'csl_2026-07-31', 'consolidated.csv'), '--published', '2026-07-31')).code).toBe(0);
    const parties = file(
      'parties.csv',
      [
        'id,name,country',
        'listed,Hangzhou Hikvision Digital Technology Co. Ltd.,CN',
        'legal-form,Hangzhou Hikvision Digital Technology Company Limited,CN',
        // pinyin syllables written apart
        'pinyin,Hang Zhou Hik Vision Digital Technology Co Ltd,CN',
        // Cyrillic Н and а standing in for Latin letters
        'homoglyph,Hangzhou Нikvision Digitаl Technology Co. Ltd.,CN',
        'clean,Quiet Harbour Bakery Ltd,GB',
      ].join('\n') + '\n',
    );
    const r = await cli('screen', '--file', parties, '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; matches: { list: string; name: string; sourceId: string }[] });
    const entityListHits = (id: string) => lines.find((l) => l.id === id)?.matches.filter((m) => m.list === 'bis-entity').map((m) => m.sourceId) ?? [];
    const listed = entityListHits('listed');
    expect(listed).toHaveLength(1);
    for (const id of ['legal-form', 'pinyin', 'homoglyph']) expect(entityListHits(id)).toEqual(listed);
    expect(lines.find((l) => l.id === 'clean')?.matches).toEqual([]);
  });
});
