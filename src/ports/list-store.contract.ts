/**
 * Behaviour every ListStore adapter must show. Run it from an adapter's test file:
 *
 *   listStoreContract('fs store', async () => ({ store: new FsListStore(tmp), cleanup: ... }));
 *
 * The factory must return an empty store each time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ClearanceError } from '../core/errors.ts';
import type { ListEntry } from '../core/screening/types.ts';
import type { ListImport, ListStore } from './list-store.ts';

export interface ListStoreHarness {
  readonly store: ListStore;
  readonly cleanup?: () => Promise<void>;
}

const T1 = new Date('2026-11-01T10:00:00Z');
const T2 = new Date('2026-11-02T10:00:00Z');
const T3 = new Date('2026-11-03T10:00:00Z');

function entry(list: ListEntry['list'], sourceId: string, name: string, extra: Partial<ListEntry> = {}): ListEntry {
  return { list, sourceId, name, aliases: [], type: 'entity', countries: [], addresses: [], programs: [], ...extra };
}

function sample(source: ListImport['source'], sha: string, entries: readonly ListEntry[], publishedAt: string | null = null): ListImport {
  return {
    source,
    format: source === 'trade-csl' ? 'csl-csv' : source === 'ofac-sdn' ? 'ofac-sdn-csv' : source === 'bis-dpl' ? 'bis-dpl-txt' : 'internal-csv',
    publishedAt,
    publishedAtBasis: publishedAt === null ? null : 'test',
    origin: `${source}.csv`,
    files: [{ name: `${source}.csv`, sha256: sha.padEnd(64, '0'), bytes: 100, rows: entries.length }],
    entries,
    warnings: [],
  };
}

function* failingEntries(good: readonly ListEntry[]): Generator<ListEntry> {
  yield* good;
  throw new ClearanceError('list_integrity', 'simulated parser failure midway');
}

const cslV1 = [
  entry('bis-entity', 'el-1', 'Shenzhen Example Technology Co., Ltd.', { aliases: ['Example Tech'], countries: ['CN'] }),
  entry('bis-entity', 'el-2', 'Moscow Example Institute', { countries: ['RU'], licensePolicy: 'Presumption of denial' }),
  entry('ofac-sdn', '1001', 'EXAMPLE BANK', { programs: ['RUSSIA-EO14024'] }),
];
const cslV2 = [
  entry('bis-entity', 'el-1', 'Shenzhen Example Technology Co., Ltd.', { aliases: ['Example Tech', 'SZ Example'], countries: ['CN'] }),
  entry('ofac-sdn', '1001', 'EXAMPLE BANK', { programs: ['RUSSIA-EO14024'] }),
  entry('bis-entity', 'el-3', 'Example Semiconductor Trading Limited', { countries: ['HK'] }),
];

export function listStoreContract(name: string, factory: () => Promise<ListStoreHarness>): void {
  describe(`ListStore contract: ${name}`, () => {
    let harness: ListStoreHarness | null = null;
    const open = async (): Promise<ListStore> => {
      harness = await factory();
      return harness.store;
    };
    afterEach(async () => {
      await harness?.cleanup?.();
      harness = null;
    });

    it('starts empty', async () => {
      const store = await open();
      expect(await store.active()).toEqual({ versions: [], entries: [] });
      expect(await store.listVersions()).toEqual([]);
      expect(await store.versionEntries('nope')).toBeNull();
      expect(await store.getVersion('nope')).toBeNull();
    });

    it('imports a version, records its metadata and serves its entries', async () => {
      const store = await open();
      const outcome = await store.importVersion(sample('trade-csl', 'aa', cslV1, '2026-07-31'), { now: T1 });
      expect(outcome.kind).toBe('imported');
      if (outcome.kind !== 'imported') return;
      const v = outcome.version;
      expect(outcome.replaced).toBeNull();
      expect(v.source).toBe('trade-csl');
      expect(v.publishedAt).toBe('2026-07-31');
      expect(v.importedAt).toBe(T1.toISOString());
      expect(v.entryCount).toBe(3);
      expect(v.countsByList).toEqual({ 'bis-entity': 2, 'ofac-sdn': 1 });
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(v.files).toHaveLength(1);
      const active = await store.active();
      expect(active.versions.map((x) => x.id)).toEqual([v.id]);
      expect(active.entries).toEqual(cslV1);
      expect(await store.getVersion(v.id)).toEqual(v);
    });

    it('replaces the active version of the same source and keeps the old one readable', async () => {
      const store = await open();
      const first = await store.importVersion(sample('trade-csl', 'aa', cslV1), { now: T1 });
      const second = await store.importVersion(sample('trade-csl', 'bb', cslV2), { now: T2 });
      expect(second.kind).toBe('imported');
      if (first.kind !== 'imported' || second.kind !== 'imported') return;
      expect(second.replaced?.id).toBe(first.version.id);
      expect((await store.activeVersions()).map((v) => v.id)).toEqual([second.version.id]);
      expect((await store.active()).entries).toEqual(cslV2);
      expect(await store.versionEntries(first.version.id)).toEqual(cslV1);
      expect((await store.listVersions()).map((v) => v.id)).toEqual([first.version.id, second.version.id]);
    });

    it('reports identical raw bytes as unchanged and writes nothing', async () => {
      const store = await open();
      const first = await store.importVersion(sample('trade-csl', 'aa', cslV1), { now: T1 });
      const again = await store.importVersion(sample('trade-csl', 'aa', cslV1), { now: T2 });
      expect(again.kind).toBe('unchanged');
      expect(again.version.id).toBe(first.version.id);
      expect(await store.listVersions()).toHaveLength(1);
    });

    it('keeps one active version per source and unions their entries, de-duplicating by (list, sourceId)', async () => {
      const store = await open();
      await store.importVersion(sample('trade-csl', 'aa', cslV1, '2026-07-31'), { now: T1 });
      const sdn = [entry('ofac-sdn', '1001', 'EXAMPLE BANK PJSC'), entry('ofac-sdn', '1002', 'OTHER BANK')];
      await store.importVersion(sample('ofac-sdn', 'cc', sdn, '2026-08-15'), { now: T2 });
      const dpl = [entry('bis-denied', 'dpl-1', 'JOHN EXAMPLE', { type: 'individual' })];
      await store.importVersion(sample('bis-dpl', 'dd', dpl), { now: T3 });
      const active = await store.active();
      expect(active.versions.map((v) => v.source).sort()).toEqual(['bis-dpl', 'ofac-sdn', 'trade-csl']);
      const keys = active.entries.map((e) => `${e.list}:${e.sourceId}`).sort();
      expect(keys).toEqual(['bis-denied:dpl-1', 'bis-entity:el-1', 'bis-entity:el-2', 'ofac-sdn:1001', 'ofac-sdn:1002']);
      // the later publication wins for the shared SDN entry
      expect(active.entries.find((e) => e.sourceId === '1001')?.name).toBe('EXAMPLE BANK PJSC');
    });

    it('does not let an undated version imported later override a dated one on a shared entry', async () => {
      const store = await open();
      await store.importVersion(sample('trade-csl', 'aa', cslV1, '2026-07-31'), { now: T1 });
      await store.importVersion(sample('ofac-sdn', 'cc', [entry('ofac-sdn', '1001', 'OLD EXAMPLE BANK')]), { now: T2 });
      expect((await store.active()).entries.find((e) => e.sourceId === '1001')?.name).toBe('EXAMPLE BANK');
    });

    it('leaves the previous version active when the parser fails midway', async () => {
      const store = await open();
      const first = await store.importVersion(sample('trade-csl', 'aa', cslV1), { now: T1 });
      const broken = { ...sample('trade-csl', 'ee', cslV2), entries: failingEntries(cslV2.slice(0, 2)) };
      await expect(store.importVersion(broken, { now: T2 })).rejects.toMatchObject({ code: 'list_integrity' });
      expect((await store.activeVersions()).map((v) => v.id)).toEqual([first.version.id]);
      expect((await store.active()).entries).toEqual(cslV1);
      expect(await store.listVersions()).toHaveLength(1);
    });

    it('refuses a version that looks truncated (far fewer entries, or a whole list gone) unless allowed', async () => {
      const store = await open();
      const many = Array.from({ length: 50 }, (_, i) => entry('bis-entity', `el-${i}`, `Entity number ${i}`));
      const first = await store.importVersion(sample('trade-csl', 'aa', [...many, entry('ofac-sdn', '1', 'X BANK')]), { now: T1 });
      const shrunk = sample('trade-csl', 'bb', many.slice(0, 20));
      await expect(store.importVersion(shrunk, { now: T2 })).rejects.toMatchObject({ code: 'list_integrity' });
      const sdnGone = sample('trade-csl', 'cc', many);
      await expect(store.importVersion(sdnGone, { now: T2 })).rejects.toMatchObject({ code: 'list_integrity' });
      expect((await store.activeVersions()).map((v) => v.id)).toEqual([first.version.id]);
      const forced = await store.importVersion(shrunk, { now: T3, allowShrink: true });
      expect(forced.kind).toBe('imported');
      expect((await store.active()).entries).toHaveLength(20);
    });

    it('rejects entries without a name or source id and changes nothing', async () => {
      const store = await open();
      const bad = sample('internal', 'ff', [entry('internal', 'c-1', 'Good Name'), entry('internal', '', '  ')]);
      await expect(store.importVersion(bad, { now: T1 })).rejects.toMatchObject({ code: 'list_integrity' });
      expect(await store.listVersions()).toEqual([]);
    });

    it('rejects an empty version', async () => {
      const store = await open();
      await expect(store.importVersion(sample('internal', 'ab', []), { now: T1 })).rejects.toMatchObject({ code: 'list_integrity' });
      expect(await store.listVersions()).toEqual([]);
    });
  });
}
