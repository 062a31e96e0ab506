import type PgBoss from 'pg-boss';
import type { SqlClient, SqlValue } from '../storage/sql-client.ts';

/**
 * pg-boss talks to the database through this adapter, so the queue lives in the same database as the
 * records on both drivers: on PGlite there is no other way in, on PostgreSQL it shares the store's pool.
 * pg-boss sends its schema scripts as several statements without parameters; those go through `exec`.
 */
export function bossDb(sql: SqlClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] | undefined) {
      if (values === undefined || values.length === 0) return { rows: [...(await sql.exec(text))] };
      const result = await sql.query(text, values.map(toSqlValue));
      return { rows: [...result.rows] };
    },
  };
}

/** pg-boss passes strings, numbers, booleans, null, Dates, id arrays and plain objects (job data, as JSON). */
function toSqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  if (Array.isArray(value) && value.every((v): v is number => typeof v === 'number')) return value;
  return JSON.stringify(value);
}
