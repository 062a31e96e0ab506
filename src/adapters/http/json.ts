import type { JsonObject, JsonValue } from '../../ports/store.ts';

/**
 * Engine results are typed interfaces (readonly, with optional fields); the store and the wire take
 * plain JSON. This walks a value into JSON: undefined fields dropped, non-finite numbers as null.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((v: unknown) => (v === undefined ? null : toJsonValue(v)));
  if (typeof value === 'object') return toJsonObject(value);
  return null;
}

export function toJsonObject(value: object): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function') continue;
    out[key] = toJsonValue(v);
  }
  return out;
}
