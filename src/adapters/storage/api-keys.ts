import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ROLES, type ApiKeyRecord, type ApiKeyRepository, type Role } from '../../ports/store.ts';
import { appendAudit } from './audit-log.ts';
import { first, isUuid } from './parties-items-orders.ts';
import { instant, optInstant, str } from './rows.ts';
import type { SqlClient, SqlRow } from './sql-client.ts';

const COLUMNS = 'id, owner, role, prefix, created_at, revoked_at';
const KEY_PREFIX = 'clr_';

/**
 * Keys are 32 random bytes (256 bits), so a plain SHA-256 at rest is enough: there is nothing to brute-force
 * that a slow password hash would protect, and lookups stay one index probe.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyRepository(db: SqlClient): ApiKeyRepository {
  return {
    create: ({ owner, role, actor }) =>
      db.transaction(async (tx) => {
        const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
        const { rows } = await tx.query(
          `INSERT INTO api_keys (id, owner, role, key_hash, prefix) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [randomUUID(), owner, role, hashApiKey(key), key.slice(0, KEY_PREFIX.length + 8)],
        );
        const record = toKey(first(rows));
        await appendAudit(tx, { actor: actor ?? 'cli', action: 'key.created', subject: `key:${record.id}`, details: { owner, role, prefix: record.prefix } });
        return { record, key };
      }),
    async authenticate(key) {
      if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [hashApiKey(key)]);
      return rows[0] === undefined ? null : toKey(rows[0]);
    },
    async list() {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`);
      return rows.map(toKey);
    },
    revoke: async (id, actor) => {
      if (!isUuid(id)) return false;
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
        if (rows.length === 0) return false;
        await appendAudit(tx, { actor: actor ?? 'cli', action: 'key.revoked', subject: `key:${id}`, details: {} });
        return true;
      });
    },
  };
}

function toKey(row: SqlRow): ApiKeyRecord {
  return {
    id: str(row, 'id'),
    owner: str(row, 'owner'),
    role: role(str(row, 'role')),
    prefix: str(row, 'prefix'),
    createdAt: instant(row, 'created_at'),
    revokedAt: optInstant(row, 'revoked_at'),
  };
}

export function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value);
}

function role(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown role in database: ${value}`);
  return value;
}
