import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** CI sets this; locally the same default is tried and the PostgreSQL suite skips when nothing answers. */
export const ADMIN_URL = process.env['CLEARANCE_TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * null when a PostgreSQL server answers at the admin URL, else why the suite is skipped. When the URL was set
 * explicitly (CI sets it), an unreachable server is a failure rather than a skip, so CI cannot pass without PostgreSQL.
 */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (process.env['CLEARANCE_TEST_PG_ADMIN_URL'] !== undefined) {
      throw new Error(`CLEARANCE_TEST_PG_ADMIN_URL is set but no PostgreSQL answers at ${redact(ADMIN_URL)}: ${why}`);
    }
    return `skipped: no PostgreSQL at the default admin URL (${redact(ADMIN_URL)}; set CLEARANCE_TEST_PG_ADMIN_URL): ${why}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a random name; `drop` removes it (forcing out leftover connections). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `clearance_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

// The name is generated above from hex digits only, so it is safe as an identifier; DDL cannot bind names.
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable url)';
  }
}
