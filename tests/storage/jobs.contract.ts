/**
 * Durable jobs on pg-boss in the store's database, run against each adapter: an order-book check records one
 * determination per valid line and raises alerts once; re-screening after a list update raises alerts only for
 * new hits and changed entries, and a cleared match stays cleared; a stored determination replays the same.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../src/core/screening/types.ts';
import { startJobQueue, type JobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { replayDetermination } from '../../src/adapters/jobs/replay.ts';
import { activeScreening } from '../../src/adapters/jobs/screening.ts';
import type { SqlStore } from '../../src/adapters/storage/sql-store.ts';
import type { ListImport } from '../../src/ports/list-store.ts';
import type { JobRecord } from '../../src/ports/store.ts';
import type { StoreHarness } from './store.contract.ts';

const tag = randomUUID().slice(0, 6);
const ZORBLAX = `Zorblax Quantum Devices ${tag} Ltd`;
const QUIXOTIC = `Quixotic Photonics ${tag} Institute`;
const BAKERY = `Harmless Bakery ${tag} GmbH`;

function entry(sourceId: string, name: string, country: string, extra: Partial<ListEntry> = {}): ListEntry {
  return { list: 'internal', sourceId, name, aliases: [], type: 'entity', countries: [country], addresses: [], programs: [], ...extra };
}

function internalList(sha: string, entries: readonly ListEntry[]): ListImport {
  return {
    source: 'internal', format: 'internal-csv', publishedAt: null, publishedAtBasis: null, origin: 'watch.csv',
    files: [{ name: 'watch.csv', sha256: sha.padEnd(64, '0'), bytes: 10, rows: entries.length }], entries, warnings: [],
  };
}

export async function waitForJob(store: SqlStore, id: string, timeoutMs = 60_000): Promise<JobRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await store.jobs.get(id);
    if (job !== null && (job.status === 'completed' || (job.status === 'failed' && job.error?.startsWith('could not') === true))) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function jobsContract(name: string, harness: StoreHarness): void {
  describe(`Jobs on pg-boss: ${name}`, () => {
    let store: SqlStore;
    let queue: JobQueue;
    beforeAll(async () => {
      store = await harness.open();
      await store.sql.exec('DELETE FROM list_active; DELETE FROM list_entries; DELETE FROM list_versions;');
      queue = await startJobQueue(store, { pollingIntervalSeconds: 0.5, log: () => undefined });
    });
    afterAll(async () => {
      await queue?.stop();
    });

    it('checks an order book, re-screens after a list update, and replays a determination', async () => {
      const v1 = await store.lists.importVersion(internalList(`a${tag}`, [entry('I-1', ZORBLAX, 'CN'), entry('I-2', QUIXOTIC, 'RU')]), { now: new Date('2026-11-20T00:00:00Z') });
      expect(v1.kind).toBe('imported');

      const line = (n: number, endUser: string, country: string, item: string) => ({
        lineNo: n, item, quantity: 4,
        data: { order_id: `PO-${tag}`, order_date: '2026-11-02', item, quantity: '4', ship_to_country: country, end_user: endUser, end_user_country: country },
      });
      const order = await store.orders.create({
        reference: `PO-${tag}`,
        lines: [
          line(1, ZORBLAX, 'CN', 'nvidia-h100-sxm5-80gb'), line(2, BAKERY, 'DE', 'nvidia-rtx-4090'), { lineNo: 3, item: 'x', quantity: 1, data: { order_id: `PO-${tag}` } },
        ],
      });
      // A book the database cannot hold is refused whole, before any job exists.
      await expect(store.orders.create({ reference: `PO-NUL-${tag}`, lines: [line(1, 'Nul\u0000Byte GmbH', 'DE', 'nvidia-rtx-4090')] }))
        .rejects.toMatchObject({ code: 'invalid_input' });
      expect(await store.orders.getByReference(`PO-NUL-${tag}`)).toBeNull();
      const submitted = await queue.submit({ kind: 'order-book-check', params: { orderId: order.id }, createdBy: 'alice', total: 3 });
      expect(submitted.status).toBe('queued');
      const checked = await waitForJob(store, submitted.id);
      expect(checked).toMatchObject({ status: 'completed', done: 3, total: 3 });
      expect(checked.result?.['tally']).toMatchObject({ invalid: 1, newAlerts: 1 });

      const dets = await Promise.all(order.lines.map((l) => store.determinations.list({ subjectKind: 'order-line', subjectId: l.id })));
      expect(dets.map((d) => d.items.length)).toEqual([1, 1, 0]);
      const first = dets[0]!.items[0]!;
      expect(first.outputs['outcome']).toBe('hold');
      expect(first.listVersions).toEqual({ internal: v1.version.id });
      expect(first.idempotencyKey).toBe(`${submitted.id}:line:1`);

      const zKey = `name:${ZORBLAX.toLowerCase()}|CN`;
      const zAlerts = (await store.alerts.list({ subjectKey: zKey })).items;
      expect(zAlerts).toHaveLength(1);
      // The alert's entry fingerprint is the one the list store keeps for that entry (one notion of "entry changed").
      const stored = await store.sql.query("SELECT fingerprint FROM list_entries WHERE version_id = $1 AND source_id = 'I-1'", [v1.version.id]);
      expect(stored.rows[0]?.['fingerprint']).toBe(zAlerts[0]!.entryFingerprint);
      await store.alerts.requestReview({ alertId: zAlerts[0]!.id, action: 'clear', reasonCode: 'different-entity', note: 'test', requestedBy: 'alice', fourEyes: false });

      const batch = await queue.submit({ kind: 'batch-screening', params: { parties: [{ name: QUIXOTIC, country: 'RU' }, { name: '' }] }, createdBy: 'alice' });
      expect((await waitForJob(store, batch.id)).result?.['tally']).toMatchObject({ screened: 1, invalid: 1, newAlerts: 1 });

      // v2: Zorblax unchanged, Quixotic's entry changed, the bakery newly listed.
      await store.lists.importVersion(internalList(`b${tag}`, [
        entry('I-1', ZORBLAX, 'CN'), entry('I-2', QUIXOTIC, 'RU', { remarks: 'added 2026-11-25' }), entry('I-3', BAKERY, 'DE'),
      ]), { now: new Date('2026-11-25T00:00:00Z') });
      const rescreen = await queue.submit({ kind: 'list-rescreening', params: {}, createdBy: 'system' });
      expect((await waitForJob(store, rescreen.id)).status).toBe('completed');

      const statuses = async (name: string, country: string) =>
        (await store.alerts.list({ subjectKey: `name:${name.toLowerCase()}|${country}` })).items.map((a) => a.status);
      expect(await statuses(ZORBLAX, 'CN')).toEqual(['cleared']);
      expect(await statuses(QUIXOTIC, 'RU')).toEqual(['open', 'open']);
      expect(await statuses(BAKERY, 'DE')).toEqual(['open']);

      // A second re-screen with nothing changed raises nothing.
      const again = await queue.submit({ kind: 'list-rescreening', params: {}, createdBy: 'system' });
      expect((await waitForJob(store, again.id)).result?.['tally']).toMatchObject({ newAlerts: 0 });

      const replay = await replayDetermination(store, first.id);
      expect(replay).toMatchObject({ same: true, recordIntact: true, differences: [], listVersions: [v1.version.id] });

      // A determination is append-only too; edited behind the trigger's back, replay shows both the edit and the right answer.
      await expect(store.sql.query("UPDATE determinations SET actor = 'x' WHERE id = $1", [first.id])).rejects.toThrow(/append-only/);
      await store.sql.exec('ALTER TABLE determinations DISABLE TRIGGER determinations_no_update_delete');
      try {
        await store.sql.query(`UPDATE determinations SET outputs = jsonb_set(outputs, '{outcome}', '"no-license-required"') WHERE id = $1`, [first.id]);
      } finally {
        await store.sql.exec('ALTER TABLE determinations ENABLE TRIGGER determinations_no_update_delete');
      }
      expect(await replayDetermination(store, first.id)).toMatchObject({ same: false, recordIntact: false, differences: ['outcome'] });
      const imports = (await store.audit.query({ action: 'list.imported', limit: 1000 })).items.map((e) => e.subject);
      expect(imports).toEqual(expect.arrayContaining([`list-version:${v1.version.id}`]));
      expect((await store.audit.verify()).ok).toBe(true);
    });

    it('retries a job whose attempt failed for a passing reason, and fails bad params for good', async () => {
      await queue.stop();
      let calls = 0;
      const logged: string[] = [];
      queue = await startJobQueue(store, {
        pollingIntervalSeconds: 0.5,
        log: (line) => logged.push(line),
        screening: async () => {
          calls += 1;
          if (calls === 1) throw new Error('connection reset (simulated)');
          return activeScreening(store.lists);
        },
      });
      const flaky = await queue.submit({ kind: 'batch-screening', params: { parties: [{ name: 'Somebody Else Entirely', country: 'FR' }] }, createdBy: 'alice' });
      const done = await waitForJob(store, flaky.id);
      expect(done).toMatchObject({ status: 'completed', attempts: 2, error: null });
      expect(logged.some((l) => l.includes('connection reset'))).toBe(true);

      const bad = await queue.submit({ kind: 'order-book-check', params: { orderId: randomUUID() }, createdBy: 'alice' });
      const until = Date.now() + 60_000;
      let job = await store.jobs.get(bad.id);
      while (job?.status !== 'failed' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        job = await store.jobs.get(bad.id);
      }
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job?.error).toMatch(/no order/);
    });
  });
}
