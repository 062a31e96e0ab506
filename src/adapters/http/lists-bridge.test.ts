import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../core/screening/types.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { FsListStore } from '../list-store-fs/fs-list-store.ts';
import { watchDiskLists, type BridgeOutcome } from './lists-bridge.ts';

const entry = (sourceId: string, name: string): ListEntry => ({
  list: 'bis-entity', sourceId, name, aliases: [], type: 'entity', countries: ['CN'], addresses: [], programs: [],
});

function csl(sha: string, entries: readonly ListEntry[]): ListImport {
  return {
    source: 'trade-csl', format: 'csl-csv', publishedAt: null, publishedAtBasis: null, origin: 'consolidated.csv',
    files: [{ name: 'consolidated.csv', sha256: sha.padEnd(64, '0'), bytes: 1, rows: entries.length }], entries, warnings: [],
  };
}

describe('the running service picks up lists imported by the CLI', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const fresh = async (): Promise<string> => {
    const d = await mkdtemp(join(tmpdir(), 'clearance-bridge-'));
    dirs.push(d);
    return d;
  };

  it('copies each new disk version once, and tells the service so it re-screens', async () => {
    const disk = new FsListStore(await fresh());
    const service = new FsListStore(await fresh());
    const copied: BridgeOutcome[] = [];
    const lines: string[] = [];
    let clock = new Date('2026-12-01T00:00:00Z');
    const watch = watchDiskLists({
      from: async () => disk,
      to: service,
      everyMs: 60_000,
      now: () => clock,
      log: (line) => lines.push(line),
      onCopied: async (outcome) => {
        copied.push(outcome);
      },
    });
    try {
      expect((await watch.check()).imported).toEqual([]);
      await disk.importVersion(csl('aa', [entry('1', 'Alpha Co')]), { now: new Date('2026-12-01T10:00:00Z') });
      clock = new Date('2026-12-01T10:00:30Z');
      const first = await watch.check();
      expect(first.imported).toEqual(['trade-csl (1 entries)']);
      expect((await service.activeVersions()).map((v) => v.id)).toEqual(first.versions);
      expect(await watch.check()).toMatchObject({ imported: [], skipped: [] });

      await disk.importVersion(csl('bb', [entry('1', 'Alpha Co'), entry('2', 'Beta Co')]), { now: new Date('2026-12-02T10:00:00Z') });
      clock = new Date('2026-12-02T10:00:30Z');
      await watch.check();
      expect((await service.active()).entries.map((e) => e.name)).toEqual(['Alpha Co', 'Beta Co']);
      expect(copied.map((c) => c.imported.length)).toEqual([1, 1]);
      expect(lines).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('a failing check is logged and the next one tries again; checks never overlap', async () => {
    const lines: string[] = [];
    let calls = 0;
    const watch = watchDiskLists({
      from: async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk unreadable');
        return null;
      },
      to: new FsListStore(await fresh()),
      everyMs: 60_000,
      now: () => new Date(),
      log: (line) => lines.push(line),
      onCopied: async () => undefined,
    });
    try {
      const [a, b] = [watch.check(), watch.check()];
      expect(a).toBe(b);
      expect(await a).toMatchObject({ imported: [] });
      expect(lines).toEqual(['lists: checking the data directory failed: disk unreadable']);
      expect(await watch.check()).toMatchObject({ imported: [] });
      expect(calls).toBe(2);
    } finally {
      watch.stop();
    }
  });
});
