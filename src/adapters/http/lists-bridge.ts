import type { ListStore } from '../../ports/list-store.ts';
import { ClearanceError } from '../../core/errors.ts';

export interface BridgeOutcome {
  readonly imported: readonly string[];
  readonly skipped: readonly string[];
  /** Ids (in the receiving store) of the versions copied in. */
  readonly versions: readonly string[];
}

/**
 * `clearance lists import` writes to the data directory's list store; the service screens from the
 * database (the embedded one admits a single process, so the CLI cannot write into it while the
 * service runs). An active version found on disk that the database lacks (or has only an older import
 * of) is copied in, with its files' hashes, so lists loaded from the CLI are served.
 */
export async function copyNewerLists(from: ListStore, to: ListStore, now: Date): Promise<BridgeOutcome> {
  const imported: string[] = [];
  const skipped: string[] = [];
  const versions: string[] = [];
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
      if (outcome.kind === 'imported') {
        imported.push(`${version.source} (${version.entryCount} entries)`);
        versions.push(outcome.version.id);
      }
    } catch (error) {
      if (!(error instanceof ClearanceError)) throw error;
      skipped.push(`${version.source}: ${error.message}`);
    }
  }
  return { imported, skipped, versions };
}

export interface DiskListWatch {
  /** Runs one check now (also what the timer runs); resolves when it is done. */
  check(): Promise<BridgeOutcome>;
  stop(): void;
}

/**
 * Keeps copying while the service runs, so a `clearance lists import` or `lists update` on the same
 * machine reaches the running service within one period, without a restart. Checks never overlap; a
 * failed check is logged and the next one tries again.
 */
export function watchDiskLists(options: {
  readonly from: () => Promise<ListStore | null>;
  readonly to: ListStore;
  /** Period of the timer; 0 runs no timer, only the checks asked for. */
  readonly everyMs: number;
  readonly now: () => Date;
  readonly onCopied: (outcome: BridgeOutcome) => Promise<void>;
  readonly log: (line: string) => void;
}): DiskListWatch {
  let running: Promise<BridgeOutcome> | null = null;
  const none: BridgeOutcome = { imported: [], skipped: [], versions: [] };
  const reported = new Set<string>();
  const once = async (): Promise<BridgeOutcome> => {
    const from = await options.from();
    if (from === null) return none;
    const outcome = await copyNewerLists(from, options.to, options.now());
    // A version the database refuses stays on disk; say so once, not every period.
    for (const reason of outcome.skipped) if (!reported.has(reason)) options.log(`lists: not loaded: ${reason}`);
    for (const reason of outcome.skipped) reported.add(reason);
    if (outcome.imported.length > 0) await options.onCopied(outcome);
    return outcome;
  };
  const check = (): Promise<BridgeOutcome> => {
    if (running !== null) return running;
    running = once()
      .catch((error: unknown) => {
        options.log(`lists: checking the data directory failed: ${error instanceof Error ? error.message : String(error)}`);
        return none;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  if (options.everyMs <= 0) return { check, stop: () => undefined };
  const timer = setInterval(() => void check(), options.everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
