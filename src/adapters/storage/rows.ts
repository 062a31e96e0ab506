import type { Instant, JsonObject, JsonValue } from '../../ports/store.ts';
import type { SqlRow } from './sql-client.ts';

/** Reads typed values out of driver rows; PGlite and node-postgres differ on int8, numeric and timestamps. */
export function str(row: SqlRow, column: string): string {
  const v = row[column];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  throw new Error(`column ${column}: expected text, got ${v === null ? 'null' : typeof v}`);
}

export function optStr(row: SqlRow, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : str(row, column);
}

export function num(row: SqlRow, column: string): number {
  const v = row[column];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  throw new Error(`column ${column}: expected a number, got ${String(v)}`);
}

export function optNum(row: SqlRow, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : num(row, column);
}

export function instant(row: SqlRow, column: string): Instant {
  const v = row[column];
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return new Date(v).toISOString();
  throw new Error(`column ${column}: expected a timestamp, got ${String(v)}`);
}

export function optInstant(row: SqlRow, column: string): Instant | null {
  return row[column] === null || row[column] === undefined ? null : instant(row, column);
}

export function bool(row: SqlRow, column: string): boolean {
  const v = row[column];
  if (typeof v === 'boolean') return v;
  throw new Error(`column ${column}: expected a boolean, got ${String(v)}`);
}

export function jsonObject(row: SqlRow, column: string): JsonObject {
  const v = parseMaybe(row[column]);
  if (isJsonObject(v)) return v;
  throw new Error(`column ${column}: expected a JSON object`);
}

export function optJsonObject(row: SqlRow, column: string): JsonObject | null {
  return row[column] === null || row[column] === undefined ? null : jsonObject(row, column);
}

function parseMaybe(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

export function isJsonValue(v: unknown): v is JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  return isJsonObject(v);
}

export function isJsonObject(v: unknown): v is JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every(isJsonValue);
}

/** JSON parameter for a `$n::jsonb` placeholder. */
export function jsonParam(value: JsonValue): string {
  return JSON.stringify(value);
}

/** Paging: a cursor is the last row's `seq`, as text. */
export function pageLimit(limit: number | undefined, fallback = 100, max = 1000): number {
  if (limit === undefined || !Number.isInteger(limit) || limit < 1) return fallback;
  return Math.min(limit, max);
}

export function cursorSeq(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  const n = Number(after);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}
