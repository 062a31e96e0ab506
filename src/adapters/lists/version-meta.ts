/**
 * Store-independent parts of recording a list version, shared by the filesystem and SQL stores:
 * entry checks, counts, the combined hash, the version id and the merge of the active set.
 */
import { createHash } from 'node:crypto';
import { ClearanceError } from '../../core/errors.ts';
import type { ListCode, ListEntry } from '../../core/screening/types.ts';
import type { ListFileRecord, ListImport, ListVersion } from '../../ports/list-store.ts';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 over "name sha" lines in name order: the same raw files give the same hash. */
export function combinedSha256(files: readonly ListFileRecord[]): string {
  const lines = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => `${f.name} ${f.sha256}\n`);
  return sha256Hex(lines.join(''));
}

/** "20261127T091500Z-trade-csl-4cb2be84": sorts by import time. */
export function versionId(now: Date, source: string, sha256: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${source}-${sha256.slice(0, 8)}`;
}

/** Throws list_integrity for an entry no screener could use. */
export function checkEntry(entry: ListEntry, position: number): void {
  const problems: string[] = [];
  if (entry.name.trim() === '') problems.push('empty name');
  if (entry.sourceId.trim() === '') problems.push('empty sourceId');
  if (problems.length > 0) {
    throw new ClearanceError('list_integrity', `entry ${position + 1} (${entry.list} "${entry.name.trim()}") is unusable: ${problems.join(', ')}`);
  }
}

/** Counts entries per list while checking each one. */
export class EntryTally {
  readonly counts: Partial<Record<ListCode, number>> = {};
  total = 0;

  add(entry: ListEntry): void {
    checkEntry(entry, this.total);
    this.total += 1;
    this.counts[entry.list] = (this.counts[entry.list] ?? 0) + 1;
  }
}

export function buildVersion(input: ListImport, id: string, importedAt: Date, tally: EntryTally): ListVersion {
  if (tally.total === 0) throw new ClearanceError('list_integrity', `the ${input.source} import holds no entries; refusing to activate an empty list`);
  return {
    id,
    source: input.source,
    format: input.format,
    publishedAt: input.publishedAt,
    publishedAtBasis: input.publishedAtBasis,
    importedAt: importedAt.toISOString(),
    origin: input.origin,
    sha256: combinedSha256(input.files),
    files: input.files,
    entryCount: tally.total,
    countsByList: sortedCounts(tally.counts),
    warnings: input.warnings,
  };
}

function sortedCounts(counts: Partial<Record<ListCode, number>>): Partial<Record<ListCode, number>> {
  const out: Partial<Record<ListCode, number>> = {};
  for (const key of (Object.keys(counts) as ListCode[]).sort()) out[key] = counts[key] ?? 0;
  return out;
}

/**
 * Which copy of a shared entry wins: a version with a known publication date beats one without
 * (an undated old file imported today must not override a dated newer list); then the later date.
 */
function freshness(v: ListVersion): string {
  return v.publishedAt === null ? `0|${v.importedAt}` : `1|${v.publishedAt}`;
}

/** Union of the active versions' entries; on a shared (list, sourceId) the fresher version wins. */
export function mergeActive(parts: readonly { readonly version: ListVersion; readonly entries: readonly ListEntry[] }[]): ListEntry[] {
  if (parts.length === 1) return [...(parts[0]?.entries ?? [])];
  const byKey = new Map<string, { entry: ListEntry; rank: string }>();
  const order: string[] = [];
  for (const { version, entries } of parts) {
    const rank = freshness(version);
    for (const entry of entries) {
      const key = `${entry.list}\u0000${entry.sourceId}`;
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(key, { entry, rank });
        order.push(key);
      } else if (rank > seen.rank) {
        byKey.set(key, { entry, rank });
      }
    }
  }
  return order.map((k) => byKey.get(k)!.entry);
}
