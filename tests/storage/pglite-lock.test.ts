import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/storage/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'clearance-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database: one process at a time', () => {
  it('refuses a second opener while the first holds the data directory, and keeps the data after reopening', async () => {
    const first = await openStore({ dataDir: dir });
    await first.parties.upsert({ name: 'Kept Across Restarts Ltd', externalRef: 'keep-1' });
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'conflict' });
    await first.close();
    const second = await openStore({ dataDir: dir });
    const { rows } = await second.sql.query("SELECT name FROM parties WHERE external_ref = 'keep-1'");
    expect(rows.map((r) => r['name'])).toEqual(['Kept Across Restarts Ltd']);
    await second.close();
  });

  it('takes over the lock a killed process left behind, even one that had our pid (a restarted container)', async () => {
    // No live process has this pid on a normal system (above the default pid_max of 4194304).
    for (const stale of ['4194999', String(process.pid)]) {
      writeFileSync(join(dir, 'clearance.pid'), stale);
      const store = await openStore({ dataDir: dir });
      expect(await store.ping()).toBe(true);
      await store.close();
    }
  });
});
