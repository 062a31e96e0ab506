import { openStore, storeConfigFromEnv } from './open-store.ts';
import type { SqlStore } from './sql-store.ts';

/** For one-shot commands: opens the store the way `clearance serve` does (DATABASE_URL, else CLEARANCE_DATA_DIR), or `--data-dir` when given. */
export async function withStore<T>(options: { readonly dataDir?: string }, work: (store: SqlStore) => Promise<T>): Promise<T> {
  const fromEnv = storeConfigFromEnv();
  // DATABASE_URL wins, as the option's help says; --data-dir only moves the embedded database.
  const config = fromEnv.databaseUrl === undefined && options.dataDir !== undefined ? { dataDir: options.dataDir } : fromEnv;
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export const DATA_DIR_HELP = 'embedded database directory (default: $CLEARANCE_DATA_DIR or ./.clearance-data; ignored when DATABASE_URL is set)';
