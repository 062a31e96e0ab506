import { buildScreener } from '../../core/screening/build-screener.ts';
import type { Screener } from '../../core/screening/types.ts';
import type { ListStore, ListVersion } from '../../ports/list-store.ts';
import { mergeActive } from '../lists/version-meta.ts';

/** A screener with the list versions it was built from (what a determination records as "list versions used"). */
export interface ScreeningSnapshot {
  readonly screener: Screener;
  readonly versions: readonly ListVersion[];
}

/** The screener over the active lists; null when no list has been imported. */
export async function activeScreening(lists: ListStore): Promise<ScreeningSnapshot | null> {
  const active = await lists.active();
  if (active.versions.length === 0) return null;
  return { screener: buildScreener(active.entries), versions: active.versions };
}

/**
 * The screener over exactly these versions (for replay), merged the way the active set is merged.
 * Fails with a message when a recorded version is gone: without it the replay cannot be faithful.
 */
export async function screeningAtVersions(lists: ListStore, versionIds: readonly string[]): Promise<ScreeningSnapshot | null> {
  if (versionIds.length === 0) return null;
  const parts = [];
  for (const id of [...new Set(versionIds)]) {
    const version = await lists.getVersion(id);
    const entries = await lists.versionEntries(id);
    if (version === null || entries === null) throw new Error(`list version ${id} is no longer stored; the determination cannot be replayed with its lists`);
    parts.push({ version, entries });
  }
  return { screener: buildScreener(mergeActive(parts)), versions: parts.map((p) => p.version) };
}
