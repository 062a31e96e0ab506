import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBinary, type CliResult } from '../../../tests/support/run-cli.ts';
import { openStore } from '../../adapters/storage/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'clearance-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI on the embedded database in `dir`; never throws, returns the exit code and output. */
async function clearance(...args: string[]): Promise<CliResult> {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')), CLEARANCE_DATA_DIR: dir };
  return runBinary(args, { env, timeout: 120_000 });
}

describe('clearance keys and clearance audit (real processes, embedded database)', () => {
  it('prints a key once, verifies the chain, then catches a row edited in the database', async () => {
    const created = await clearance('keys', 'create', '--role', 'admin', '--owner', 'first-admin');
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^clr_[A-Za-z0-9_-]{43}$/);
    expect((await clearance('keys', 'create', '--role', 'root')).code).toBe(2);

    const ok = await clearance('audit', 'verify');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toMatch(/audit chain OK: 1 events/);

    const store = await openStore({ dataDir: dir });
    try {
      await store.sql.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await store.sql.query("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1");
    } finally {
      await store.close();
    }
    const broken = await clearance('audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 1, reason: 'content-hash-mismatch' });

    const log = await clearance('audit', 'log', '--action', 'key.created', '--json');
    expect(log.code).toBe(0);
    expect(log.stdout.trim().split('\n').map((l) => JSON.parse(l).actor)).toEqual(['mallory']);
  }, 300_000);
});
