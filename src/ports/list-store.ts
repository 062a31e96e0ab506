/**
 * The list-store port: versioned screening lists, swapped in atomically.
 *
 * A *list version* is one import of one *source* (the OFAC SDN file set, the OFAC consolidated
 * non-SDN set, the trade.gov CSL, the BIS Denied Persons file, the customer's internal list).
 * The *active set* is the newest good version of each source; screening runs on their union.
 * Implemented by the filesystem store (CLI) and the SQL store (service); both must pass
 * `list-store.contract.ts`.
 */
import type { ListCode, ListEntry } from '../core/screening/types.ts';

export const LIST_SOURCES = ['ofac-sdn', 'ofac-consolidated', 'trade-csl', 'bis-dpl', 'internal'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

export const LIST_FORMATS = ['ofac-sdn-csv', 'ofac-cons-csv', 'csl-csv', 'csl-json', 'bis-dpl-txt', 'internal-csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** One raw file of an import, as received. */
export interface ListFileRecord {
  readonly name: string;
  /** SHA-256 of the raw bytes, lowercase hex. */
  readonly sha256: string;
  readonly bytes: number;
  /** Data rows in the file (header and trailer excluded). */
  readonly rows: number;
}

/** What a parser hands to the store: everything needed to record one version. */
export interface ListImport {
  readonly source: ListSource;
  readonly format: ListFormat;
  /** Publication date (YYYY-MM-DD) or instant when known; null when the files do not say. */
  readonly publishedAt: string | null;
  /** Where the date came from, e.g. "HTTP Last-Modified", "--published option". */
  readonly publishedAtBasis: string | null;
  /** File or URL the data came from (a base name or URL, never a secret). */
  readonly origin: string;
  readonly files: readonly ListFileRecord[];
  /** Entries in list order. An iterable so that a parser failing midway aborts the import. */
  readonly entries: Iterable<ListEntry>;
  /** Non-fatal findings of the parser (orphan alias rows, repeated header line, ...). */
  readonly warnings: readonly string[];
}

export interface ListVersion {
  /** Sortable and unique, e.g. "20261127T091500Z-trade-csl-4cb2be84". */
  readonly id: string;
  readonly source: ListSource;
  readonly format: ListFormat;
  readonly publishedAt: string | null;
  readonly publishedAtBasis: string | null;
  /** ISO-8601 UTC instant of the import. */
  readonly importedAt: string;
  readonly origin: string;
  /** SHA-256 over the files' hashes in name order: equal raw bytes give an equal hash. */
  readonly sha256: string;
  readonly files: readonly ListFileRecord[];
  readonly entryCount: number;
  readonly countsByList: Readonly<Partial<Record<ListCode, number>>>;
  readonly warnings: readonly string[];
}

export interface ActiveLists {
  /** The active version of each source that has one, in source order. */
  readonly versions: readonly ListVersion[];
  /**
   * The union of their entries. An entry published by two sources under the same
   * (list, sourceId) — e.g. an SDN entry in both the OFAC files and the CSL — appears once,
   * taken from the version with a known publication date over one without, then the later date
   * (publication date, else import time).
   */
  readonly entries: readonly ListEntry[];
}

export interface ImportOptions {
  /** The instant recorded as `importedAt` (adapters pass the clock; tests pass a fixed value). */
  readonly now: Date;
  /**
   * Accept a version that is much smaller than the active one of the same source, or that
   * drops a whole list the active one had. Off by default: that is what a truncated download looks like.
   */
  readonly allowShrink?: boolean;
}

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly version: ListVersion; readonly replaced: ListVersion | null }
  /** The raw bytes equal the active version's; nothing was written. */
  | { readonly kind: 'unchanged'; readonly version: ListVersion };

export interface ListStore {
  /**
   * Writes a new version and makes it the active one of its source, atomically: on any failure
   * (parser error while iterating entries, integrity check, crash) the previous version stays
   * active and readable. Rejects with `ClearanceError('list_integrity')` on integrity failures.
   */
  importVersion(input: ListImport, options: ImportOptions): Promise<ImportOutcome>;
  /** The active versions and the union of their entries; empty when nothing was imported. */
  active(): Promise<ActiveLists>;
  /** Only the active versions' metadata (cheap; no entries). */
  activeVersions(): Promise<readonly ListVersion[]>;
  /** Every recorded version, oldest first. */
  listVersions(): Promise<readonly ListVersion[]>;
  getVersion(id: string): Promise<ListVersion | null>;
  /** A version's entries (active or not), for diffs; null when the id is unknown. */
  versionEntries(id: string): Promise<readonly ListEntry[] | null>;
}

/** Largest relative drop in entry count accepted without `allowShrink`. */
export const MAX_SHRINK_RATIO = 0.1;

/** For audit records: which version id each list code came from. */
export function listVersionsUsed(versions: readonly ListVersion[]): Partial<Record<ListCode, string>> {
  const used: Partial<Record<ListCode, string>> = {};
  for (const v of versions) {
    for (const code of Object.keys(v.countsByList) as ListCode[]) used[code] = v.id;
  }
  return used;
}

/**
 * Why `next` must not replace `previous` without `allowShrink`: a much smaller entry count,
 * or a list that disappeared (the CSL once briefly lost its whole SDN part). Empty when fine.
 */
export function replacementIssues(
  previous: Pick<ListVersion, 'entryCount' | 'countsByList' | 'id'>,
  next: Pick<ListVersion, 'entryCount' | 'countsByList'>,
): string[] {
  const issues: string[] = [];
  const floor = Math.ceil(previous.entryCount * (1 - MAX_SHRINK_RATIO));
  if (next.entryCount < floor) {
    issues.push(
      `the new version has ${next.entryCount} entries, fewer than ${floor} (${Math.round(MAX_SHRINK_RATIO * 100)} % below the ${previous.entryCount} of active version ${previous.id}); a truncated download looks like this`,
    );
  }
  for (const [code, count] of Object.entries(previous.countsByList)) {
    if ((count ?? 0) > 0 && (next.countsByList[code as ListCode] ?? 0) === 0) {
      issues.push(`list ${code} had ${count} entries in active version ${previous.id} and has none in the new version`);
    }
  }
  return issues;
}
