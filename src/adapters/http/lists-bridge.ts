import type { ListStore } from '../../ports/list-store.ts';
import { ClearanceError } from '../../core/errors.ts';

export interface BridgeOutcome {
  readonly imported: readonly string[];
  readonly skipped: readonly string[];
}

/**
 * `clearance lists import` writes to the data directory's list store; the service screens from the
 * database. At start, an active version found on disk that the database lacks (or has only an older
 * import of) is copied in, with its files' hashes, so lists loaded from the CLI are served.
 */
export async function copyNewerLists(from: ListStore, to: ListStore, now: Date): Promise<BridgeOutcome> {
  const imported: string[] = [];
  const skipped: string[] = [];
  const current = new Map((await to.activeVersions()).map((v) => [v.source, v]));
  for (const version of await from.activeVersions()) {
    const existing = current.get(version.source);
    if (existing !== undefined && (existing.sha256 === version.sha256 || existing.importedAt >= version.importedAt)) continue;
    const entries = await from.versionEntries(version.id);
    if (entries === null) continue;
    try {
      const outcome = await to.importVersion(
        {
          source: version.source,
          format: version.format,
          publishedAt: version.publishedAt,
          publishedAtBasis: version.publishedAtBasis,
          origin: version.origin,
          files: version.files,
          entries,
          warnings: version.warnings,
        },
        { now },
      );
      if (outcome.kind === 'imported') imported.push(`${version.source} (${version.entryCount} entries)`);
    } catch (error) {
      if (!(error instanceof ClearanceError)) throw error;
      skipped.push(`${version.source}: ${error.message}`);
    }
  }
  return { imported, skipped };
}
