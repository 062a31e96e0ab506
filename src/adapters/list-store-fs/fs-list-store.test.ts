import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../core/screening/types.ts';
import { listStoreContract } from '../../ports/list-store.contract.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { FsListStore } from './fs-list-store.ts';

listStoreContract('filesystem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clearance-lists-'));
  return { store: new FsListStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

const entry = (sourceId: string, name: string): ListEntry => ({
  list: 'bis-entity', sourceId, name, aliases: [], type: 'entity', countries: ['CN'], addresses: [], programs: [],
});

function csl(sha: string, entries: Iterable<ListEntry>): ListImport {
  return {
    source: 'trade-csl', format: 'csl-csv', publishedAt: null, publishedAtBasis: null, origin: 'consolidated.csv',
    files: [{ name: 'consolidated.csv', sha256: sha.padEnd(64, '0'), bytes: 1, rows: 1 }], entries, warnings: [],
  };
}

describe('FsListStore crash safety', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const fresh = async (): Promise<string> => {
    const d = await mkdtemp(join(tmpdir(), 'clearance-lists-'));
    dirs.push(d);
    return d;
  };

  it('ignores and clears a half-written import left by a crashed process', async () => {
    const dir = await fresh();
    const store = new FsListStore(dir);
    const good = await store.importVersion(csl('aa', [entry('1', 'Alpha Co'), entry('2', 'Beta Co')]), { now: new Date('2026-11-01T00:00:00Z') });
    // what a crash mid-import leaves: a staging dir with a partial entries file, plus a stray pointer temp file
    const staging = join(dir, 'lists', 'staging', 'crashed.1234');
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, 'entries.jsonl'), '{"list":"bis-entity","sourceId":"9","na');
    await writeFile(join(dir, 'lists', 'active.json.tmp'), '{"sources":{"trade-');

    const reopened = new FsListStore(dir);
    expect((await reopened.activeVersions()).map((v) => v.id)).toEqual([good.version.id]);
    expect((await reopened.active()).entries.map((e) => e.name)).toEqual(['Alpha Co', 'Beta Co']);

    await reopened.importVersion(csl('bb', [entry('1', 'Alpha Co'), entry('2', 'Beta Co'), entry('3', 'Gamma Co')]), { now: new Date('2026-11-02T00:00:00Z') });
    expect(await readdir(join(dir, 'lists', 'staging'))).toEqual([]);
    expect((await reopened.active()).entries).toHaveLength(3);
  });

  it('keeps the previous version when the entry stream dies midway, and leaves no staging behind', async () => {
    const dir = await fresh();
    const store = new FsListStore(dir);
    const good = await store.importVersion(csl('aa', [entry('1', 'Alpha Co')]), { now: new Date('2026-11-01T00:00:00Z') });
    function* dying(): Generator<ListEntry> {
      yield entry('1', 'Alpha Co');
      throw new Error('EIO: simulated disk failure');
    }
    await expect(store.importVersion(csl('cc', dying()), { now: new Date('2026-11-02T00:00:00Z') })).rejects.toMatchObject({ code: 'list_integrity' });
    expect((await store.activeVersions())[0]?.id).toBe(good.version.id);
    expect(await readdir(join(dir, 'lists', 'versions'))).toEqual([good.version.id]);
    expect((await store.active()).entries[0]?.name).toBe('Alpha Co');
  });

  it('detects a damaged entries file instead of serving a partial list', async () => {
    const dir = await fresh();
    const store = new FsListStore(dir);
    const v = await store.importVersion(csl('aa', [entry('1', 'Alpha Co'), entry('2', 'Beta Co')]), { now: new Date('2026-11-01T00:00:00Z') });
    const file = join(dir, 'lists', 'versions', v.version.id, 'entries.jsonl');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.split('\n')[0] + '\n');
    await expect(store.active()).rejects.toMatchObject({ code: 'list_integrity' });
  });
});

describe('FsListStore after a real crash', () => {
  it('keeps the previous version active and readable when the importing process is killed mid-write, and the next import takes over the lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-lists-crash-'));
    try {
      const store = new FsListStore(dir);
      const good = await store.importVersion(csl('aa', [entry('1', 'Alpha Co'), entry('2', 'Beta Co')]), { now: new Date('2026-11-01T00:00:00Z') });
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-child.fixture.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('writing')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      expect(await readdir(join(dir, 'lists'))).toContain('.lock'); // left behind by the dead process
      const reopened = new FsListStore(dir);
      expect((await reopened.activeVersions()).map((v) => v.id)).toEqual([good.version.id]);
      expect((await reopened.active()).entries.map((e) => e.name)).toEqual(['Alpha Co', 'Beta Co']);
      expect(await reopened.listVersions()).toHaveLength(1);

      const next = await reopened.importVersion(csl('bb', [entry('1', 'Alpha Co'), entry('2', 'Beta Co'), entry('3', 'Gamma Co')]), { now: new Date('2026-11-06T00:00:00Z') });
      expect(next.kind).toBe('imported');
      expect(await readdir(join(dir, 'lists', 'staging'))).toEqual([]);
      expect((await reopened.active()).entries).toHaveLength(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
