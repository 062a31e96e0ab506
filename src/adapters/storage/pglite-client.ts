import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-client.ts';

export const IN_MEMORY = 'memory://';

/**
 * PGlite (PostgreSQL compiled to WASM) in this process. Its data directory can be opened by one process
 * at a time: the embedded mode is single-process; use PostgreSQL for several workers.
 */
export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  if (dataDir !== IN_MEMORY) mkdirSync(dataDir, { recursive: true });
  const db = dataDir === IN_MEMORY ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return {
    kind: 'pglite',
    location: dataDir,
    query: (text, params) => run(db, text, params),
    exec: async (script) => lastRows(await db.exec(script)),
    transaction: (fn) => db.transaction((tx) => fn(executorFor(tx))),
    close: () => db.close(),
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
  const result = await target.query<Record<string, unknown>>(text, [...params]);
  return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
}
