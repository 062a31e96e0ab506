import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql-client.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Arbitrary constant: the advisory lock every process takes before migrating, so concurrent starts queue up. */
const MIGRATION_LOCK = 748_210_531;
const FILE_NAME = /^(\d{4})_([a-z0-9_-]+)\.sql$/;

export function loadMigrations(dir: string = MIGRATIONS_DIR): readonly Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE_NAME.test(f))
    .sort()
    .map((file) => {
      const m = FILE_NAME.exec(file);
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return { version: Number(m?.[1]), name: m?.[2] ?? file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: number;
}

/**
 * Applies pending migrations in one transaction under an advisory lock: several processes may start at once,
 * the first migrates and the others find nothing left to do. A migration file edited after it was applied is refused.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = loadMigrations()): Promise<MigrationReport> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await tx.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const done = new Map(rows.map((r) => [Number(r['version']), String(r['checksum'])]));
    const applied: string[] = [];
    for (const m of migrations) {
      const checksum = done.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
    }
    const current = Math.max(0, ...migrations.map((m) => m.version));
    return { applied, current };
  });
}
