/**
 * The screener over the lists currently active in a data directory, for `clearance check`,
 * `clearance screen` and anything else that screens from the CLI.
 */
import type { Screener } from '../../core/screening/types.ts';
import type { ListVersion } from '../../ports/list-store.ts';
import { FsListStore, hasListStore } from '../list-store-fs/fs-list-store.ts';
import { buildCachedScreener, type ScreenerCacheOutcome } from './screener-cache.ts';

export interface ActiveScreener {
  readonly screener: Screener;
  /** The versions it was built from (for audit records: `listVersionsUsed(versions)`). */
  readonly versions: readonly ListVersion[];
  readonly timings: { readonly loadMs: number; readonly buildMs: number };
  /** Whether the normalised list names came from the cache in `<dataDir>/cache/` (see `screener-cache.ts`). */
  readonly cache: ScreenerCacheOutcome;
}

/** The screener and its versions; null when no list was ever imported into `dataDir`. */
export async function loadActiveLists(dataDir: string): Promise<ActiveScreener | null> {
  if (!(await hasListStore(dataDir))) return null;
  const started = performance.now();
  const active = await new FsListStore(dataDir).active();
  if (active.versions.length === 0) return null;
  const loaded = performance.now();
  const { screener, cache } = await buildCachedScreener(dataDir, active.versions, active.entries);
  return { screener, versions: active.versions, timings: { loadMs: loaded - started, buildMs: performance.now() - loaded }, cache };
}

/** The screener over the active lists, or null when no list is loaded. */
export async function loadActiveScreener(dataDir: string): Promise<Screener | null> {
  return (await loadActiveLists(dataDir))?.screener ?? null;
}
