/**
 * Crash-safe filesystem list store under `<dataDir>/lists/`:
 *
 *   versions/<id>/version.json    metadata (hashes, counts, dates)
 *   versions/<id>/entries.jsonl   one ListEntry per line
 *   active.json                   { sources: {source: id}, history: [id...] }  — the only pointer
 *   staging/                      half-written imports; removed on the next write
 *
 * A version is written into staging, fsynced, renamed into versions/, and only then made active
 * by writing active.json.tmp, fsyncing it and renaming it over active.json. A crash at any point
 * leaves the previous active.json (and every version it names) intact.
 */
import { randomBytes } from 'node:crypto';
import { constants, type FileHandle, mkdir, open, readFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClearanceError } from '../../core/errors.ts';
import { LIST_CODES, type ListEntry } from '../../core/screening/types.ts';
import {
  type ActiveLists,
  type ImportOptions,
  type ImportOutcome,
  LIST_FORMATS,
  LIST_SOURCES,
  type ListImport,
  type ListSource,
  type ListStore,
  type ListVersion,
  replacementIssues,
} from '../../ports/list-store.ts';
import { buildVersion, combinedSha256, EntryTally, mergeActive, versionId } from '../lists/version-meta.ts';

const fileRecord = z.object({ name: z.string(), sha256: z.string(), bytes: z.number(), rows: z.number() });
const versionSchema = z.object({
  id: z.string(),
  source: z.enum(LIST_SOURCES),
  format: z.enum(LIST_FORMATS),
  publishedAt: z.string().nullable(),
  publishedAtBasis: z.string().nullable(),
  importedAt: z.string(),
  origin: z.string(),
  sha256: z.string(),
  files: z.array(fileRecord),
  entryCount: z.number(),
  countsByList: z.partialRecord(z.enum(LIST_CODES), z.number()),
  warnings: z.array(z.string()),
});
const pointerSchema = z.object({
  sources: z.partialRecord(z.enum(LIST_SOURCES), z.string()),
  history: z.array(z.string()),
});
type Pointer = z.infer<typeof pointerSchema>;

const EMPTY_POINTER: Pointer = { sources: {}, history: [] };
const WRITE_CHUNK = 1 << 20;

export class FsListStore implements ListStore {
  readonly root: string;

  /** `dataDir` is the Clearance data directory; the store keeps its files in `<dataDir>/lists`. */
  constructor(dataDir: string) {
    this.root = join(dataDir, 'lists');
  }

  async importVersion(input: ListImport, options: ImportOptions): Promise<ImportOutcome> {
    return this.withLock(async () => {
      const pointer = await this.readPointer();
      const previousId = pointer.sources[input.source];
      const previous = previousId === undefined ? null : await this.getVersion(previousId);
      if (previous !== null && previous.sha256 === combinedSha256(input.files)) return { kind: 'unchanged', version: previous };

      const id = versionId(options.now, input.source, combinedSha256(input.files));
      const staging = join(this.root, 'staging', `${id}.${randomBytes(4).toString('hex')}`);
      await rm(join(this.root, 'staging'), { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      try {
        const tally = await writeEntries(join(staging, 'entries.jsonl'), input.entries);
        const version = buildVersion(input, id, options.now, tally);
        if (previous !== null && options.allowShrink !== true) {
          const issues = replacementIssues(previous, version);
          if (issues.length > 0) {
            throw new ClearanceError('list_integrity', `refusing to replace the active ${input.source} list: ${issues.join('; ')}. Re-run with --allow-shrink if this is intended.`);
          }
        }
        await writeDurably(join(staging, 'version.json'), JSON.stringify(version, null, 2) + '\n');
        await fsyncDir(staging);
        await mkdir(join(this.root, 'versions'), { recursive: true });
        await rename(staging, join(this.root, 'versions', id));
        await fsyncDir(join(this.root, 'versions'));
        await this.writePointer({
          sources: { ...pointer.sources, [input.source]: id },
          history: [...pointer.history.filter((h) => h !== id), id],
        });
        return { kind: 'imported', version, replaced: previous };
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        if (error instanceof ClearanceError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new ClearanceError('list_integrity', `the ${input.source} import failed and nothing was changed: ${message}`, { cause: error });
      }
    });
  }

  async active(): Promise<ActiveLists> {
    const versions = await this.activeVersions();
    const parts = await Promise.all(versions.map(async (version) => ({ version, entries: await this.readEntries(version) })));
    return { versions, entries: mergeActive(parts) };
  }

  async activeVersions(): Promise<readonly ListVersion[]> {
    const pointer = await this.readPointer();
    const out: ListVersion[] = [];
    for (const source of LIST_SOURCES) {
      const id = pointer.sources[source];
      if (id === undefined) continue;
      const version = await this.getVersion(id);
      if (version === null) throw new ClearanceError('list_integrity', `active ${source} version ${id} is missing from ${this.root}`);
      out.push(version);
    }
    return out;
  }

  async listVersions(): Promise<readonly ListVersion[]> {
    const pointer = await this.readPointer();
    const out: ListVersion[] = [];
    for (const id of pointer.history) {
      const version = await this.getVersion(id);
      if (version !== null) out.push(version);
    }
    return out;
  }

  async getVersion(id: string): Promise<ListVersion | null> {
    if (!/^[\w.-]+$/.test(id)) return null;
    const text = await readOptional(join(this.root, 'versions', id, 'version.json'));
    if (text === null) return null;
    const parsed = versionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ClearanceError('list_integrity', `version ${id} has an unreadable version.json`);
    return parsed.data;
  }

  async versionEntries(id: string): Promise<readonly ListEntry[] | null> {
    const version = await this.getVersion(id);
    return version === null ? null : this.readEntries(version);
  }

  /** Which source a version id belongs to, when the store knows it. */
  async sourceOf(id: string): Promise<ListSource | null> {
    return (await this.getVersion(id))?.source ?? null;
  }

  private async readEntries(version: ListVersion): Promise<ListEntry[]> {
    const text = await readFile(join(this.root, 'versions', version.id, 'entries.jsonl'), 'utf8');
    const entries: ListEntry[] = [];
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end > start) entries.push(toEntry(JSON.parse(text.slice(start, end))));
      start = end + 1;
    }
    if (entries.length !== version.entryCount) {
      throw new ClearanceError('list_integrity', `version ${version.id} should hold ${version.entryCount} entries but its file holds ${entries.length}`);
    }
    return entries;
  }

  private async readPointer(): Promise<Pointer> {
    const text = await readOptional(join(this.root, 'active.json'));
    if (text === null) return EMPTY_POINTER;
    const parsed = pointerSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ClearanceError('list_integrity', `${join(this.root, 'active.json')} is unreadable`);
    return parsed.data;
  }

  private async writePointer(pointer: Pointer): Promise<void> {
    const tmp = join(this.root, 'active.json.tmp');
    await writeDurably(tmp, JSON.stringify(pointer, null, 2) + '\n');
    await rename(tmp, join(this.root, 'active.json'));
    await fsyncDir(this.root);
  }

  /** One writer at a time across processes; a lock left by a dead process is taken over. */
  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(this.root, { recursive: true });
    const lock = join(this.root, '.lock');
    for (let attempt = 0; ; attempt += 1) {
      try {
        const handle = await open(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
        await handle.writeFile(String(process.pid));
        await handle.close();
        break;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        const holder = Number((await readOptional(lock)) ?? '');
        if (!Number.isInteger(holder) || holder <= 0 || !processAlive(holder)) {
          await unlink(lock).catch(() => undefined);
          continue;
        }
        if (attempt > 100) throw new ClearanceError('conflict', `another process (pid ${holder}) is importing lists; try again when it has finished`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await work();
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }
}

/** Whether a store directory has ever been written (cheap check for "no lists loaded"). */
export async function hasListStore(dataDir: string): Promise<boolean> {
  try {
    return (await stat(join(dataDir, 'lists', 'active.json'))).isFile();
  } catch {
    return false;
  }
}

async function writeEntries(path: string, entries: Iterable<ListEntry>): Promise<EntryTally> {
  const tally = new EntryTally();
  const handle = await open(path, 'w');
  try {
    let buffer = '';
    for (const entry of entries) {
      tally.add(entry);
      buffer += JSON.stringify(entry) + '\n';
      if (buffer.length >= WRITE_CHUNK) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    if (buffer.length > 0) await handle.write(buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return tally;
}

async function writeDurably(path: string, text: string): Promise<void> {
  const handle: FileHandle = await open(path, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems refuse fsync on directories; the rename is still atomic there.
    if (!isCode(error, 'EINVAL') && !isCode(error, 'EISDIR') && !isCode(error, 'EPERM')) throw error;
  } finally {
    await handle.close();
  }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

/** Entries are our own writes; check the shape cheaply rather than schema-validate 40k rows. */
function toEntry(value: unknown): ListEntry {
  if (typeof value !== 'object' || value === null || !('name' in value) || typeof value.name !== 'string') {
    throw new ClearanceError('list_integrity', 'a stored list entry is malformed');
  }
  return value as ListEntry;
}
