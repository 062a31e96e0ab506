import type { MiddlewareHandler } from 'hono';
import type { ApiKeyRepository, Role } from '../../../ports/store.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';
import { roleAtLeast } from '../roles.ts';

const MAX_KEY_LENGTH = 256;
const HOW = 'send "Authorization: Bearer <key>" or "X-API-Key: <key>" (create one with: clearance keys create --role <role>)';

/** The key from either header; both may be sent but must then agree. */
export function presentedKey(authorization: string | undefined, apiKeyHeader: string | undefined): string | null | 'conflict' | 'malformed' {
  let bearer: string | null = null;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null) return 'malformed';
    bearer = match[1] ?? null;
  }
  const header = apiKeyHeader === undefined ? null : apiKeyHeader.trim();
  if (header === '') return 'malformed';
  if (bearer !== null && header !== null && bearer !== header) return 'conflict';
  return bearer ?? header;
}

/** Resolves the API key to a principal, or answers 401 before any route work happens. */
export function authenticate(keys: ApiKeyRepository): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = presentedKey(c.req.header('authorization'), c.req.header('x-api-key'));
    if (key === null) throw problem('unauthorized', `missing API key: ${HOW}`, { field: 'authorization' });
    if (key === 'malformed') throw problem('unauthorized', `malformed credentials: ${HOW}`, { field: 'authorization' });
    if (key === 'conflict') throw problem('unauthorized', 'Authorization and X-API-Key carry different keys', { field: 'authorization' });
    if (key.length > MAX_KEY_LENGTH) throw problem('unauthorized', 'invalid or revoked API key', { field: 'authorization' });
    const record = await keys.authenticate(key);
    if (record === null) throw problem('unauthorized', 'invalid or revoked API key', { field: 'authorization' });
    c.set('principal', { keyId: record.id, owner: record.owner, role: record.role });
    await next();
  };
}

/** Per-route role check, declared on each route so the OpenAPI document and the code cannot drift apart. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!roleAtLeast(principal.role, role)) {
      throw problem('forbidden', `this action needs the ${role} role or higher; your key has ${principal.role}`);
    }
    await next();
  };
}
