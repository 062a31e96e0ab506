/**
 * The CLI's screener, with the normalised forms of the list names cached on disk under
 * `<dataDir>/cache/`: normalising the CSL's 57,000 names is most of building the screener, and a
 * one-off `clearance screen NAME` would otherwise pay it on every call.
 *
 * The file is one header line (JSON: format, key, counts, body length and SHA-256), then the body
 * (`forms-codec.ts`). It is written to a temporary file and renamed into place; it is not fsynced,
 * since the checksum catches a torn file after a crash. A file that is missing, truncated, corrupt,
 * or made for another key is ignored, and the forms are computed and the file rewritten: the cache
 * never changes an answer and never fails a command. Only the newest file is kept.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildScreener, type IndexedScreenerInfo } from '../../core/screening/build-screener.ts';
import type { ListEntry, Screener } from '../../core/screening/types.ts';
import type { ListVersion } from '../../ports/list-store.ts';
import { decodeForms, encodeForms, type NamedForms } from './forms-codec.ts';

/** Bumped when the file layout changes (the code digest below would change too; this says so on purpose). */
const FORMAT = 1;
const PREFIX = 'screener-forms-';
/** A temporary file this old was left by a process that died while writing. */
const STALE_TEMP_MS = 10 * 60_000;

/** `hit`: forms read from the cache; `written`: computed and saved; `off`: computed, not saved (no key or no writable directory). */
export type ScreenerCacheOutcome = 'hit' | 'written' | 'off';

export interface CachedScreener {
  readonly screener: Screener & IndexedScreenerInfo;
  readonly cache: ScreenerCacheOutcome;
}

interface Header {
  readonly format: number;
  readonly key: string;
  readonly names: number;
  readonly bodyBytes: number;
  readonly bodySha256: string;
}

/** Builds the screener over `entries`, taking the forms from the cache in `<dataDir>/cache/` when it holds them. */
export async function buildCachedScreener(dataDir: string, versions: readonly ListVersion[], entries: readonly ListEntry[]): Promise<CachedScreener> {
  const dir = join(dataDir, 'cache');
  const key = await screenerCacheKey(versions, entries).catch(() => null);
  if (key === null) return { screener: buildScreener(entries), cache: 'off' };
  const file = join(dir, `${PREFIX}${key.slice(0, 32)}.json`);
  let cached = await readCache(file, key);
  let computed: NamedForms[] = [];
  let used = 0;
  let diverged = false;
  const screener = buildScreener(entries, {
    // The file was made for these very entries, so its names come in build order; any other name ends its use.
    cachedForms: (entry, text) => {
      if (cached === null || diverged) return undefined;
      const record = cached[used];
      if (record === undefined || record.entry !== entry || record.text !== text) {
        diverged = true;
        return undefined;
      }
      used += 1;
      return record.forms;
    },
    onForms: (entry, text, forms) => {
      computed.push({ entry, text, forms });
    },
  });
  const hit = cached !== null && !diverged && used === cached.length;
  const names = computed;
  // The screener keeps its options; drop what only the build needed.
  cached = null;
  computed = [];
  if (hit) return { screener, cache: 'hit' };
  return { screener, cache: (await writeCache(dir, file, key, names)) ? 'written' : 'off' };
}

/**
 * SHA-256 over what decides the forms: the cache format; the code (the source files of
 * `core/screening/normalise/`, `build-screener.ts`, which picks the names and their kind, this
 * cache's own files, and `package.json` / `package-lock.json` for the package version and the
 * transliteration libraries), read at run time so that no edit can be forgotten the way a
 * hand-bumped number can (a few milliseconds); the active version ids and hashes; and the name
 * fields of the entries in order, which also covers a change in how versions are merged.
 */
export async function screenerCacheKey(versions: readonly ListVersion[], entries: readonly ListEntry[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\n${await codeDigest()}\n`);
  for (const v of versions) hash.update(`version ${v.id} ${v.sha256}\n`);
  for (const e of entries) hash.update(`${e.type}\u0001${e.countries.join(',')}\u0001${e.name}\u0001${e.aliases.join('\u0002')}\u0003`);
  return hash.digest('hex');
}

let codeDigestPromise: Promise<string> | undefined;

function codeDigest(): Promise<string> {
  codeDigestPromise ??= computeCodeDigest().catch((error: unknown) => {
    codeDigestPromise = undefined;
    throw error;
  });
  return codeDigestPromise;
}

async function computeCodeDigest(): Promise<string> {
  const normalise = new URL('../../core/screening/normalise/', import.meta.url);
  const names = (await readdir(normalise)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
  const files = [
    ...names.map((n) => new URL(n, normalise)),
    new URL('../../core/screening/build-screener.ts', import.meta.url),
    new URL('./forms-codec.ts', import.meta.url),
    new URL('./screener-cache.ts', import.meta.url),
    new URL('../../../package.json', import.meta.url),
  ];
  const contents = await Promise.all(files.map((url) => readFile(url)));
  const hash = createHash('sha256');
  files.forEach((url, i) => hash.update(`${url.pathname.split('/').slice(-2).join('/')}\n`).update(contents[i] ?? ''));
  // The lock file pins the libraries' own versions; an installation without one still gets a key.
  hash.update(await readFile(new URL('../../../package-lock.json', import.meta.url)).catch(() => 'no package-lock.json'));
  return hash.digest('hex');
}

async function readCache(file: string, key: string): Promise<NamedForms[] | null> {
  try {
    const bytes = await readFile(file);
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return null;
    const header = parseHeader(bytes.subarray(0, newline).toString('utf8'));
    const body = bytes.subarray(newline + 1);
    if (header === null || header.format !== FORMAT || header.key !== key || header.bodyBytes !== body.length) return null;
    if (createHash('sha256').update(body).digest('hex') !== header.bodySha256) return null;
    const names = decodeForms(JSON.parse(body.toString('utf8')));
    return names.length === header.names ? names : null;
  } catch {
    return null;
  }
}

function parseHeader(text: string): Header | null {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) return null;
  const { format, key, names, bodyBytes, bodySha256 } = value as Partial<Record<keyof Header, unknown>>;
  if (typeof format !== 'number' || typeof key !== 'string' || typeof names !== 'number' || typeof bodyBytes !== 'number' || typeof bodySha256 !== 'string') return null;
  return { format, key, names, bodyBytes, bodySha256 };
}

/** Writes the file by temporary file and rename, then removes older cache files; false when it could not. */
async function writeCache(dir: string, file: string, key: string, names: readonly NamedForms[]): Promise<boolean> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const body = Buffer.from(JSON.stringify(encodeForms(names)), 'utf8');
    const header: Header = { format: FORMAT, key, names: names.length, bodyBytes: body.length, bodySha256: createHash('sha256').update(body).digest('hex') };
    await mkdir(dir, { recursive: true });
    await writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
    await rename(temp, file);
  } catch {
    await unlink(temp).catch(() => undefined);
    return false;
  }
  await pruneOthers(dir, file);
  return true;
}

/** Removes cache files for other keys, and temporary files left by writers that died. */
async function pruneOthers(dir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [])) {
    const path = join(dir, name);
    if (!name.startsWith(PREFIX) || path === keep) continue;
    if (name.endsWith('.tmp')) {
      // Another process may be writing it right now.
      const age = await stat(path).then((s) => now - s.mtimeMs, () => 0);
      if (age < STALE_TEMP_MS) continue;
    }
    await unlink(path).catch(() => undefined);
  }
}
