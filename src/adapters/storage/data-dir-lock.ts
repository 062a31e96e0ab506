import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClearanceError } from '../../core/errors.ts';

const LOCK_FILE = 'clearance.pid';
/** Directories this process holds: a pid file naming our own pid but not in here was left by an earlier process with the same pid (a restarted container). */
const held = new Set<string>();

/**
 * PGlite is PostgreSQL in this process: two processes opening one data directory would corrupt it.
 * A pid file taken with O_EXCL guards the directory; a file left by a dead process (kill -9) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = resolve(dir, LOCK_FILE);
  if (held.has(path)) {
    throw new ClearanceError('conflict', `the embedded database in ${dir} is already open in this process; share the one store instead of opening it twice`);
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        held.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const holder = Number(readOptional(path));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new ClearanceError(
          'conflict',
          `the embedded database in ${dir} is open in another process (pid ${holder}, e.g. \`clearance serve\`); the embedded mode is single-process: stop that process, use the HTTP API, or run on PostgreSQL (DATABASE_URL) for several processes`,
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; retry.
      }
    }
  }
  throw new ClearanceError('conflict', `could not take the lock on the embedded database in ${dir}`);
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
