import { resolve } from 'node:path';

/** Where the embedded database (and other local state) lives when no path is given. */
export const DEFAULT_DATA_DIR = './.clearance-data';

/**
 * The service's data directory: `CLEARANCE_DATA_DIR` when set, else `./.clearance-data`
 * relative to the working directory. Returned as an absolute path.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['CLEARANCE_DATA_DIR']?.trim();
  return resolve(fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_DATA_DIR);
}
