import pg from 'pg';
import { translateDbError } from './db-errors.ts';
import type { SqlClient, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-client.ts';

/** node-postgres with a pool; several processes and machines can share one server. */
export async function openPgClient(databaseUrl: string, options: { readonly max?: number } = {}): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    location: redact(databaseUrl),
    query: (text, params) => run(pool, text, params),
    exec: async (script) => lastRows(await pool.query(script)),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(executorFor(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function executorFor(client: pg.PoolClient): SqlExecutor {
  return {
    query: (text, params) => run(client, text, params),
    exec: async (script) => lastRows(await client.query(script)),
  };
}

/** A multi-statement simple query yields one result per statement; keep the last one's rows. */
function lastRows(result: pg.QueryResult | pg.QueryResult[]): readonly SqlRow[] {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return last?.rows ?? [];
}

async function run(target: pg.Pool | pg.PoolClient, text: string, params: readonly SqlValue[] = []): Promise<SqlResult> {
  try {
    const result = await target.query<Record<string, unknown>>(text, [...params]);
    return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
  } catch (error) {
    throw translateDbError(error);
  }
}

/** The URL without its password, for logs and `/health`. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}
