import { dataDir } from '../config/data-dir.ts';
import type { StoreConfig } from '../../ports/store.ts';
import { migrate } from './migrate.ts';
import { openPgClient } from './pg-client.ts';
import { openPgliteClient } from './pglite-client.ts';
import { sqlStore, type SqlStore } from './sql-store.ts';

/** The store's configuration from the environment: `DATABASE_URL` selects PostgreSQL, else PGlite in `CLEARANCE_DATA_DIR`. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env['DATABASE_URL']?.trim();
  return url !== undefined && url !== '' ? { databaseUrl: url } : { dataDir: dataDir(env) };
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` is given, otherwise the embedded PGlite database in
 * `dataDir` (default `CLEARANCE_DATA_DIR` or ./.clearance-data). Applies pending migrations unless told not to.
 */
export async function openStore(config: StoreConfig = storeConfigFromEnv()): Promise<SqlStore> {
  const sql = config.databaseUrl !== undefined
    ? await openPgClient(config.databaseUrl)
    : await openPgliteClient(config.dataDir ?? dataDir());
  try {
    if (config.migrate !== false) await migrate(sql);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return sqlStore(sql);
}
