import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import { translateDbError } from './db-errors.ts';
import type { SqlClient, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-client.ts';

export const IN_MEMORY = 'memory://';

/**
 * PGlite (PostgreSQL compiled to WASM) in this process, its files in `<dataDir>/pglite`. Its data directory can be opened by one process
 * at a time: the embedded mode is single-process; use PostgreSQL for several workers.
 */
export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  let release = (): void => undefined;
  if (dataDir !== IN_MEMORY) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const db = dataDir === IN_MEMORY ? new PGlite() : new PGlite(join(dataDir, 'pglite'));
  try {
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  return {
    kind: 'pglite',
    location: dataDir,
    query: (text, params) => run(db, text, params),
    exec: async (script) => lastRows(await db.exec(script)),
    transaction: (fn) => db.transaction((tx) => fn(executorFor(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

function executorFor(tx: Transaction): SqlExecutor {
  return {
    query: (text, params) => run(tx, text, params),
    exec: async (script) => lastRows(await tx.exec(script)),
  };
}

function lastRows(results: readonly { readonly rows: readonly Record<string, unknown>[] }[]): readonly SqlRow[] {
  return results[results.length - 1]?.rows ?? [];
}

async function run(target: PGlite | Transaction, text: string, params: readonly SqlValue[] = []): Promise<SqlResult> {
  try {
    const result = await target.query<Record<string, unknown>>(text, [...params]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  } catch (error) {
    throw translateDbError(error);
  }
}
