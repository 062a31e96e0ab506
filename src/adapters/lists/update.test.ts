import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsListStore } from '../list-store-fs/fs-list-store.ts';
import { CSL_COLUMNS } from './csl.ts';
import { httpFetcher, type Fetcher } from './fetcher.ts';
import { fromMirror, OFFICIAL_SOURCES, updateLists } from './update.ts';

const row = (values: Partial<Record<(typeof CSL_COLUMNS)[number], string>>): string => CSL_COLUMNS.map((c) => `"${values[c] ?? ''}"`).join(',');
const csl = (n: number): string =>
  [CSL_COLUMNS.join(','), ...Array.from({ length: n }, (_, i) => row({ _id: `id${i}`, source: 'Entity List (EL) - Bureau of Industry and Security', name: `Example Entity ${i} Co., Ltd.` }))].join('\n') + '\n';

const sdnFiles: Record<string, string> = {
  'sdn.csv': '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a',
  'add.csv': '36,25,-0- ,"Havana","Cuba",-0- \r\n\u001a',
  'alt.csv': '36,12,"aka","AERO-CARIBBEAN",-0- \r\n\u001a',
  'sdn_comments.csv': '\u001a',
};

/** A loopback server whose answers each test sets: a body, a cut-off body, or an error status. */
let mode: 'ok' | 'truncated' | 'error' = 'ok';
let cslBody = csl(10);
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    const body = name === 'consolidated.csv' ? cslBody : sdnFiles[name];
    if (body === undefined || mode === 'error') {
      res.writeHead(mode === 'error' ? 503 : 404).end();
      return;
    }
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-length': String(bytes.length), 'last-modified': 'Fri, 31 Jul 2026 13:15:00 GMT' });
    if (mode === 'truncated') {
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      res.socket?.destroy();
      return;
    }
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sources = () => fromMirror(OFFICIAL_SOURCES.filter((s) => s.source === 'trade-csl' || s.source === 'ofac-sdn'), base);
const fresh = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clearance-update-'));
  return { dir, store: new FsListStore(dir), done: () => rm(dir, { recursive: true, force: true }) };
};
let tick = 0;
const now = () => new Date(Date.UTC(2026, 10, 1, 0, 0, tick++));

describe('lists update against a loopback server', () => {
  it('downloads, checks and activates each source, dated by Last-Modified', async () => {
    const { store, done } = await fresh();
    mode = 'ok';
    const outcomes = await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    expect(outcomes.map((o) => [o.source, o.status])).toEqual([['trade-csl', 'updated'], ['ofac-sdn', 'updated']]);
    const active = await store.active();
    expect(active.entries).toHaveLength(11);
    expect(active.versions.map((v) => v.publishedAt)).toEqual(['2026-07-31T13:15:00.000Z', '2026-07-31T13:15:00.000Z']);
    const again = await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    expect(again.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    await done();
  });

  it('keeps the current version when a download is cut off', async () => {
    const { store, done } = await fresh();
    mode = 'ok';
    await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    const before = (await store.activeVersions()).map((v) => v.id);
    cslBody = csl(12);
    mode = 'truncated';
    const outcomes = await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    for (const o of outcomes) if (o.status === 'failed') expect(['list_integrity', 'network_unavailable']).toContain(o.error.code);
    expect((await store.activeVersions()).map((v) => v.id)).toEqual(before);
    cslBody = csl(10);
    await done();
  });

  it('keeps the current version when the server fails or cannot be reached', async () => {
    const { store, done } = await fresh();
    mode = 'ok';
    await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    const before = (await store.activeVersions()).map((v) => v.id);
    mode = 'error';
    const failed = await updateLists(store, { fetcher: httpFetcher(), now, sources: sources() });
    expect(failed.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual(['network_unavailable', 'network_unavailable']);
    const unreachable = await updateLists(store, { fetcher: httpFetcher({ timeoutMs: 5000 }), now, sources: fromMirror(sources(), 'http://127.0.0.1:9') });
    expect(unreachable.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual(['network_unavailable', 'network_unavailable']);
    expect((await store.activeVersions()).map((v) => v.id)).toEqual(before);
    mode = 'ok';
    await done();
  });

  it('refuses a whole download that is suspiciously small (a truncated list that still parses)', async () => {
    const { store, done } = await fresh();
    const fake = (count: number): Fetcher => async (url) => ({
      bytes: new TextEncoder().encode(url.endsWith('consolidated.csv') ? csl(count) : (sdnFiles[url.split('/').pop() ?? ''] ?? '')),
      lastModified: null,
    });
    const only = sources().filter((s) => s.source === 'trade-csl');
    await updateLists(store, { fetcher: fake(100), now, sources: only });
    const shrunk = await updateLists(store, { fetcher: fake(40), now, sources: only });
    expect(shrunk[0]?.status).toBe('failed');
    expect((await store.active()).entries).toHaveLength(100);
    await done();
  });
});
