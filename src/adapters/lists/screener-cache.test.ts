import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadListEntries } from '../../../eval/data/load-lists.ts';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { buildScreener, nameContextOf, nameKindOf } from '../../core/screening/build-screener.ts';
import { nameForms } from '../../core/screening/normalise/index.ts';
import type { ListEntry, ScreeningQuery } from '../../core/screening/types.ts';
import type { ListVersion } from '../../ports/list-store.ts';
import { decodeForms } from './forms-codec.ts';
import { buildCachedScreener } from './screener-cache.ts';

const entry = (sourceId: string, name: string, more: Partial<ListEntry> = {}): ListEntry => ({
  list: 'bis-entity',
  sourceId,
  name,
  aliases: [],
  type: 'entity',
  countries: [],
  addresses: [],
  programs: [],
  ...more,
});

// Real-shaped entries: the spellings, scripts and aliases the lists carry.
const ENTRIES: readonly ListEntry[] = [
  entry('e1', 'Huawei Technologies Co., Ltd.', { aliases: ['Huawei Technology', '华为技术有限公司'], countries: ['CN'] }),
  entry('e2', 'Chengdu Huawei Technologies Co., Ltd.', { countries: ['CN'] }),
  entry('e3', 'GAZPROMBANK', { list: 'ofac-sdn', aliases: ['Gazprom Bank', 'GPB (JSC)', 'Bank GPB (Joint Stock Company)'], countries: ['RU'] }),
  entry('e4', 'KIM, Jong Un', { list: 'ofac-sdn', type: 'individual', aliases: ['金正恩'], countries: ['KP'], birthYears: [1984] }),
  entry('e5', 'AL-TIKRITI, Barzan Ibrahim Hasan', { list: 'ofac-sdn', type: 'individual', aliases: ['برزان إبراهيم الحسن التكريتي'], countries: ['IQ'] }),
  entry('e6', 'Open Joint Stock Company "Almaz-Antey" Air and Space Defence Corporation', { list: 'ofac-ssi', aliases: ['ОАО Концерн ВКО Алмаз-Антей'], countries: ['RU'] }),
  entry('e7', 'Charles Carper', { list: 'state-dtc', type: 'unknown', countries: ['US'] }),
  entry('e8', 'TACO LLC', { type: 'unknown', countries: ['AE'] }),
  entry('e9', 'Shenzhen Hengrong Textile Co Ltd', { list: 'ofac-sdn', aliases: ['  ', 'Shenzhen Hengrong Textile Co Ltd'] }),
  entry('e10', 'People\'s Liberation Army', { list: 'bis-meu', aliases: ['PLA'], countries: ['CN'] }),
];

const QUERIES: readonly ScreeningQuery[] = [
  { name: 'Huawei Technologies Co., Ltd.', country: 'CN' },
  { name: 'НUАWЕI ТЕСНNOLOGIES СО., LTD.' },
  { name: 'Hua Wei Technologies Company Limited' },
  { name: 'Gazprom Bank' },
  { name: '金正恩', country: 'KP' },
  { name: 'Kim Jong-un', birthYear: 1984 },
  { name: 'Barzan Ibrahim al-Tikriti' },
  { name: 'Almaz Antey' },
  { name: 'Charles Carter' },
  { name: 'TAO LLC' },
  { name: 'PLA' },
  { name: 'Blue Harbor Logistics LLC' },
];

const version = (id: string): ListVersion => ({
  id,
  source: 'trade-csl',
  format: 'csl-csv',
  publishedAt: '2026-07-31',
  publishedAtBasis: null,
  importedAt: '2026-12-04T00:00:00Z',
  origin: 'consolidated.csv',
  sha256: id.padEnd(64, '0'),
  files: [],
  entryCount: ENTRIES.length,
  countsByList: {},
  warnings: [],
});

const screenAll = (screener: { screen(q: ScreeningQuery): unknown }, queries: readonly ScreeningQuery[]): unknown[] => queries.map((q) => screener.screen(q));

const dirs: string[] = [];
const dataDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'clearance-screener-cache-'));
  dirs.push(dir);
  return dir;
};
const cacheFiles = async (dir: string): Promise<string[]> => (await readdir(join(dir, 'cache'))).map((n) => join(dir, 'cache', n));

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('screener cache', () => {
  const expected = screenAll(buildScreener(ENTRIES), QUERIES);
  const v1 = [version('20261204T000000Z-trade-csl-aaaaaaaa')];

  it('writes the forms once, then reads them, with the same answers as no cache', async () => {
    const dir = await dataDir();
    const first = await buildCachedScreener(dir, v1, ENTRIES);
    expect(first.cache).toBe('written');
    expect(screenAll(first.screener, QUERIES)).toEqual(expected);
    const second = await buildCachedScreener(dir, v1, ENTRIES);
    expect(second.cache).toBe('hit');
    expect(screenAll(second.screener, QUERIES)).toEqual(expected);
    expect(second.screener.nameCount).toBe(first.screener.nameCount);
    expect(await cacheFiles(dir)).toHaveLength(1);
  });

  it('rebuilds a corrupt, truncated, empty or foreign file, answering correctly', async () => {
    const dir = await dataDir();
    await buildCachedScreener(dir, v1, ENTRIES);
    const [file] = await cacheFiles(dir);
    if (file === undefined) throw new Error('no cache file written');
    const good = await readFile(file);
    const flipped = Buffer.from(good);
    // A changed letter inside the body that still parses as JSON: only the checksum can tell.
    const at = flipped.indexOf('huawei', good.indexOf(0x0a));
    flipped[at] = 'x'.charCodeAt(0);
    const damage: Array<(path: string) => Promise<void>> = [
      (p) => writeFile(p, flipped),
      (p) => truncate(p, Math.floor(good.length / 2)),
      (p) => truncate(p, good.indexOf(0x0a) + 1),
      (p) => writeFile(p, ''),
      (p) => writeFile(p, 'not a cache file at all'),
      (p) => writeFile(p, Buffer.concat([good, Buffer.from('[]')])),
    ];
    for (const harm of damage) {
      await harm(file);
      const rebuilt = await buildCachedScreener(dir, v1, ENTRIES);
      expect(rebuilt.cache).toBe('written');
      expect(screenAll(rebuilt.screener, QUERIES)).toEqual(expected);
      expect(await readFile(file)).toEqual(good);
    }
  });

  it('does not serve forms made for other lists, other entries or another key', async () => {
    const dir = await dataDir();
    await buildCachedScreener(dir, v1, ENTRIES);
    const [oldFile] = await cacheFiles(dir);
    const v2 = [version('20261205T000000Z-trade-csl-bbbbbbbb')];
    const next = await buildCachedScreener(dir, v2, ENTRIES);
    expect(next.cache).toBe('written');
    const files = await cacheFiles(dir);
    // Only the newest file is kept.
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(oldFile);

    // Same version ids, but an entry changed: the key covers the entries' names too.
    const changed = ENTRIES.map((e) => (e.sourceId === 'e8' ? { ...e, name: 'TACO TRADING LLC' } : e));
    const rebuilt = await buildCachedScreener(dir, v2, changed);
    expect(rebuilt.cache).toBe('written');
    expect(screenAll(rebuilt.screener, QUERIES)).toEqual(screenAll(buildScreener(changed), QUERIES));

    // A valid file of another key under this key's name (header key mismatch).
    const [changedFile] = await cacheFiles(dir);
    await buildCachedScreener(dir, v2, ENTRIES);
    const [v2File] = await cacheFiles(dir);
    if (changedFile === undefined || v2File === undefined) throw new Error('no cache file written');
    const foreign = await readFile(v2File);
    await writeFile(changedFile, foreign);
    const mismatched = await buildCachedScreener(dir, v2, changed);
    expect(mismatched.cache).toBe('written');
    expect(screenAll(mismatched.screener, QUERIES)).toEqual(screenAll(buildScreener(changed), QUERIES));
  });

  it('still screens when the data directory cannot hold a cache', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'cache'), 'a file where the cache directory should be');
    const built = await buildCachedScreener(dir, v1, ENTRIES);
    expect(built.cache).toBe('off');
    expect(screenAll(built.screener, QUERIES)).toEqual(expected);
  });
});

const cslParts = ['data', 'lists', 'csl_2026-07-31', 'consolidated.csv'];
const cslMissing = missingShared(...cslParts);

describe.skipIf(cslMissing !== null)(cslMissing ?? 'screener cache on part of the real CSL of 2026-07-31', () => {
  let entries: ListEntry[] = [];
  beforeAll(async () => {
    // Every 10th entry: all lists and scripts of the file, at a tenth of the build time.
    entries = (await loadListEntries(sharedPath(...cslParts))).filter((_, i) => i % 10 === 0);
  });

  it('answers as the screener without cache for listed names, their variants and clean names', async () => {
    const queries: ScreeningQuery[] = entries.filter((_, i) => i % 25 === 0).flatMap((e) => [{ name: e.name }, { name: e.name.toUpperCase().replace(/\s+/g, ' ').slice(0, -1) }]);
    queries.push({ name: 'Blue Harbor Logistics LLC' }, { name: 'Nordwind Bäckerei GmbH' });
    const expected = screenAll(buildScreener(entries), queries);
    const dir = await dataDir();
    const versions = [version('20261204T000000Z-trade-csl-cccccccc')];
    expect((await buildCachedScreener(dir, versions, entries)).cache).toBe('written');
    const cached = await buildCachedScreener(dir, versions, entries);
    expect(cached.cache).toBe('hit');
    expect(screenAll(cached.screener, queries)).toEqual(expected);

    // And the file holds, name for name, what the normaliser computes.
    const [file] = await cacheFiles(dir);
    if (file === undefined) throw new Error('no cache file written');
    const bytes = await readFile(file);
    const stored = decodeForms(JSON.parse(bytes.subarray(bytes.indexOf(0x0a) + 1).toString('utf8')));
    expect(stored.length).toBeGreaterThan(entries.length);
    for (const name of stored) {
      const e = entries[name.entry] as ListEntry;
      expect(name.forms, name.text).toEqual(nameForms(name.text, nameKindOf(e.type), nameContextOf(e)));
    }
  });
});
