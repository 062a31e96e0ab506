import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared reference folder that sits beside the project root (never committed into the repo). */
export const SHARED_DIR = process.env.CLEARANCE_SHARED_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** A reason to skip when the shared data is absent, or null when the files are there. */
export function missingShared(...parts: string[]): string | null {
  const path = sharedPath(...parts);
  return existsSync(path) ? null : `skipped: shared data not found at ../shared/${parts.join('/')} (set CLEARANCE_SHARED_DIR to point elsewhere)`;
}
