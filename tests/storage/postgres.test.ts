import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/storage/open-store.ts';
import { postgresHarness } from './support/harness.ts';
import { createTestDatabase, postgresUnavailable } from './support/postgres.ts';
import { jobsContract } from './jobs.contract.ts';
import { storeContract } from './store.contract.ts';

const skip = await postgresUnavailable();
if (skip !== null) process.stderr.write(`PostgreSQL storage suite ${skip}\n`);

describe.skipIf(skip !== null)(skip ?? 'PostgreSQL', () => {
  const harness = postgresHarness();
  storeContract('PostgreSQL', harness);
  jobsContract('PostgreSQL', harness);
  afterAll(() => harness.dispose());

  it('lets several processes start at once: one migrates, the others wait and find nothing to do', async () => {
    const db = await createTestDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ databaseUrl: db.url })));
      try {
        const { rows } = await stores[0]!.sql.query('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version');
        expect(rows.every((r) => r['n'] === 1)).toBe(true);
        expect(rows.length).toBeGreaterThanOrEqual(2);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await db.drop();
    }
  });

  it('keeps the audit chain valid with writers on separate connection pools (separate processes)', async () => {
    const db = await createTestDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 3 }, () => openStore({ databaseUrl: db.url })));
      try {
        await Promise.all(stores.flatMap((s, w) =>
          Array.from({ length: 30 }, (_, i) => s.audit.append({ actor: `worker-${w}`, action: 'test.parallel', subject: `n:${i}`, details: { w, i } }))));
        const verdict = await stores[1]!.audit.verify();
        expect(verdict).toMatchObject({ ok: true, events: 90 });
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await db.drop();
    }
  });
});
