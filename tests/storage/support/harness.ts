import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/adapters/storage/open-store.ts';
import type { SqlStore } from '../../../src/adapters/storage/sql-store.ts';
import type { StoreHarness } from '../store.contract.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';

/** PGlite in a fresh temporary data directory, opened once per test file. */
export function pgliteHarness(): StoreHarness & { readonly dir: () => string } {
  let dir: string | null = null;
  let opened: Promise<SqlStore> | null = null;
  return {
    dir: () => dir ?? '',
    open() {
      dir ??= mkdtempSync(join(tmpdir(), 'clearance-pglite-'));
      opened ??= openStore({ dataDir: dir });
      return opened;
    },
    async dispose() {
      if (opened !== null) await (await opened).close();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway database on the PostgreSQL server at the admin URL, opened once per test file. */
export function postgresHarness(): StoreHarness & { readonly url: () => string } {
  let db: Promise<TestDatabase> | null = null;
  let opened: Promise<SqlStore> | null = null;
  let url = '';
  return {
    url: () => url,
    open() {
      db ??= createTestDatabase();
      opened ??= db.then((d) => {
        url = d.url;
        return openStore({ databaseUrl: d.url });
      });
      return opened;
    },
    async dispose() {
      if (opened !== null) await (await opened).close();
      if (db !== null) await (await db).drop();
    },
  };
}
