/**
 * The storage contract: the same behaviour demanded of every store adapter (PGlite and PostgreSQL).
 * Run from an adapter's test file with a factory; one store is opened per file (PGlite cold start is ~3 s)
 * and every test makes its own data, so the tests do not depend on each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClearanceError } from '../../src/core/errors.ts';
import { migrate, loadMigrations } from '../../src/adapters/storage/migrate.ts';
import type { SqlStore } from '../../src/adapters/storage/sql-store.ts';
import type { DeterminationInput } from '../../src/ports/store.ts';
import { listStoreContract } from '../../src/ports/list-store.contract.ts';

export interface StoreHarness {
  /** The file's one store: opened on the first call, the same instance after. */
  open(): Promise<SqlStore>;
  /** Closes it and frees what `open` made (temp directory, test database); the test file calls it once, at the end. */
  dispose(): Promise<void>;
}

const uniq = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let store: SqlStore;
    beforeAll(async () => {
      store = await harness.open();
    });

    describe('schema', () => {
      it('has applied every migration once, and a second run applies nothing', async () => {
        const again = await migrate(store.sql);
        expect(again.applied).toEqual([]);
        const { rows } = await store.sql.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => Number(r['version']))).toEqual(loadMigrations().map((m) => m.version));
      });

      it('refuses a migration whose file changed after it was applied', async () => {
        const changed = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
        await expect(migrate(store.sql, changed)).rejects.toThrow(/changed after it was applied/);
      });

      it('answers ping', async () => {
        expect(await store.ping()).toBe(true);
      });
    });

    describe('parties, items, orders', () => {
      it('stores a party, finds it by id, and updates it in place by external reference', async () => {
        const ref = uniq('erp');
        const a = await store.parties.upsert({ name: 'Example Trading Ltd', country: 'HK', externalRef: ref, attributes: { tier: 2 } });
        const b = await store.parties.upsert({ name: 'Example Trading Limited', country: 'HK', externalRef: ref });
        expect(b.id).toBe(a.id);
        expect(await store.parties.get(a.id)).toMatchObject({ name: 'Example Trading Limited', country: 'HK', externalRef: ref, attributes: {} });
        expect(await store.parties.get(randomUUID())).toBeNull();
        expect(await store.parties.get('not-a-uuid')).toBeNull();
      });

      it('keeps SQL-looking text as data (parameterised SQL only)', async () => {
        const hostile = "Robert'); DROP TABLE parties; -- \u00e9\u4e2d";
        const p = await store.parties.upsert({ name: hostile, address: "1' OR '1'='1" });
        expect((await store.parties.get(p.id))?.name).toBe(hostile);
        expect(await store.ping()).toBe(true);
      });

      it('turns values the database cannot store into invalid_input, and changes nothing', async () => {
        await expect(store.parties.upsert({ name: 'Nul\u0000Byte Ltd' })).rejects.toMatchObject({ code: 'invalid_input' });
        await expect(store.determinations.record({
          subjectKind: 'adhoc', inputs: { note: 'a\u0000b' }, outputs: {}, ruleSetVersion: 'r', listVersions: {}, asOf: '2026-01-01', actor: 'cli',
        })).rejects.toMatchObject({ code: 'invalid_input' });
        const key = uniq('bad-date');
        await expect(store.determinations.record({
          subjectKind: 'adhoc', subjectId: key, inputs: {}, outputs: {}, ruleSetVersion: 'r', listVersions: {}, asOf: '2026-02-30', actor: 'cli',
        })).rejects.toMatchObject({ code: 'invalid_input' });
        expect(await store.determinations.count({ subjectId: key })).toBe(0);
        expect((await store.audit.verify()).ok).toBe(true);
      });

      it('pages through parties with a cursor', async () => {
        for (let i = 0; i < 5; i += 1) await store.parties.upsert({ name: uniq('Pager') });
        const seen = new Set<string>();
        let after: string | undefined;
        for (let guard = 0; guard < 1000; guard += 1) {
          const page = await store.parties.list(after === undefined ? { limit: 2 } : { limit: 2, after });
          expect(page.items.length).toBeLessThanOrEqual(2);
          for (const p of page.items) {
            expect(seen.has(p.id)).toBe(false);
            seen.add(p.id);
          }
          if (page.next === null) break;
          after = page.next;
        }
        expect(seen.size).toBeGreaterThanOrEqual(5);
      });

      it('upserts items by SKU', async () => {
        const sku = uniq('H20');
        const a = await store.items.upsert({ sku, attributes: { tpp: 2368 } });
        const b = await store.items.upsert({ sku, description: 'HGX H20', attributes: { tpp: 2368, dieAreaMm2: 814 } });
        expect(b.id).toBe(a.id);
        expect(await store.items.getBySku(sku)).toMatchObject({ description: 'HGX H20', attributes: { tpp: 2368, dieAreaMm2: 814 } });
        expect(await store.items.getBySku(uniq('none'))).toBeNull();
      });

      it('creates an order with its lines once per reference', async () => {
        const reference = uniq('PO');
        const customer = await store.parties.upsert({ name: 'Customer GmbH', country: 'DE' });
        const lines = [
          { lineNo: 1, item: 'H100-SXM', quantity: 8, data: { endUser: 'Lab A', destination: 'DE' } },
          { lineNo: 2, item: 'RTX 4090', quantity: 2, data: { endUser: 'Lab B', destination: 'CN' } },
        ];
        const order = await store.orders.create({ reference, customerPartyId: customer.id, destinationCountry: 'DE', lines });
        expect(order.lines.map((l) => [l.lineNo, l.item, l.quantity])).toEqual([[1, 'H100-SXM', 8], [2, 'RTX 4090', 2]]);
        const again = await store.orders.create({ reference, lines: [{ lineNo: 1, item: 'other', quantity: 1, data: {} }] });
        expect(again.id).toBe(order.id);
        expect(again.lines).toHaveLength(2);
        expect((await store.orders.get(order.id))?.customerPartyId).toBe(customer.id);
        expect((await store.orders.getByReference(reference))?.lines[1]?.data).toEqual({ endUser: 'Lab B', destination: 'CN' });
      });
    });

    describe('determinations', () => {
      it('records inputs, outputs, rule and list versions, once per idempotency key, with an audit event', async () => {
        const subjectId = randomUUID();
        const input = {
          subjectKind: 'order-line', subjectId,
          inputs: { item: 'H20', destination: 'CN', quantity: 4, nested: { list: [1, 'two', null, true] } },
          outputs: { licenseRequired: true, reasons: ['3A090.a.2 to D:5'] },
          ruleSetVersion: '2025-01-15-aid', listVersions: { 'bis-entity': '20261127T091500Z-trade-csl-4cb2be84' },
          asOf: '2026-11-27', actor: 'key:test', idempotencyKey: uniq('job') + ':line:1',
        } satisfies DeterminationInput;
        const first = await store.determinations.record(input);
        const second = await store.determinations.record({ ...input, outputs: { licenseRequired: false } });
        expect(second.id).toBe(first.id);
        expect(second.outputs).toEqual(input.outputs);
        expect(first).toMatchObject({ subjectKind: 'order-line', subjectId, ruleSetVersion: '2025-01-15-aid', asOf: '2026-11-27' });
        expect(first.inputs).toEqual(input.inputs);
        expect(first.listVersions).toEqual(input.listVersions);
        expect(await store.determinations.count({ subjectId })).toBe(1);
        expect((await store.determinations.list({ subjectKind: 'order-line', subjectId })).items.map((d) => d.id)).toEqual([first.id]);
        const events = await store.audit.query({ subject: `determination:${first.id}` });
        expect(events.items.map((e) => e.action)).toEqual(['determination.recorded']);
        expect(await store.determinations.get('nope')).toBeNull();
      });
    });

    it('records several determinations in one transaction, each idempotent on its key', async () => {
      const base = { subjectKind: 'order-line', inputs: {}, outputs: { outcome: 'hold' }, ruleSetVersion: 'r', listVersions: {}, asOf: '2026-11-27', actor: 'job:x' } as const;
      const keys = [uniq('k'), uniq('k')];
      const first = await store.determinations.record({ ...base, outputs: { outcome: 'first' }, idempotencyKey: keys[0]! });
      const many = await store.determinations.recordMany([
        { ...base, idempotencyKey: keys[0]! },
        { ...base, idempotencyKey: keys[1]! },
      ]);
      expect(many.map((d) => d.idempotencyKey)).toEqual(keys);
      expect(many[0]).toMatchObject({ id: first.id, outputs: { outcome: 'first' } });
      expect((await store.audit.query({ subject: `determination:${many[1]!.id}` })).items).toHaveLength(1);
      expect(await store.determinations.recordMany([])).toEqual([]);
      // All or none: one unstorable value refuses the whole batch.
      const third = uniq('k');
      await expect(store.determinations.recordMany([{ ...base, idempotencyKey: third }, { ...base, inputs: { bad: 'a\u0000' }, idempotencyKey: uniq('k') }]))
        .rejects.toMatchObject({ code: 'invalid_input' });
      expect((await store.determinations.list({ subjectKind: 'order-line', limit: 1000 })).items.some((d) => d.idempotencyKey === third)).toBe(false);
    });

    describe('alerts and four-eyes reviews', () => {
      const raise = (subjectKey: string, fingerprint: string) =>
        store.alerts.raise({
          subjectKey, subject: { name: 'Example Tech' }, list: 'bis-entity', sourceId: 'el-1', entryFingerprint: fingerprint,
          listVersionId: 'v1', score: 0.93, match: { matchedName: 'Example Tech' },
        });

      it('raises one alert per subject, entry and entry content', async () => {
        const subject = uniq('party');
        const a = await raise(subject, 'f1');
        const again = await raise(subject, 'f1');
        expect(a.created).toBe(true);
        expect(again).toMatchObject({ created: false, alert: { id: a.alert.id } });
        const changed = await raise(subject, 'f2');
        expect(changed.created).toBe(true);
        expect((await store.alerts.latestFor(subject, 'bis-entity', 'el-1'))?.id).toBe(changed.alert.id);
        expect((await store.alerts.list({ subjectKey: subject })).items).toHaveLength(2);
      });

      it('with four-eyes, holds a clearance until a different user approves it', async () => {
        const { alert } = await raise(uniq('party'), 'f1');
        const review = await store.alerts.requestReview({
          alertId: alert.id, action: 'clear', reasonCode: 'different-entity', note: 'Different address and country', requestedBy: 'alice', fourEyes: true,
        });
        expect(review).toMatchObject({ status: 'pending', requestedBy: 'alice', reviewedBy: null });
        expect((await store.alerts.get(alert.id))?.status).toBe('pending-review');

        await expect(store.alerts.decideReview({ reviewId: review.id, reviewer: 'alice', approve: true })).rejects.toMatchObject({ code: 'forbidden' });
        await expect(store.alerts.requestReview({
          alertId: alert.id, action: 'clear', reasonCode: 'x', note: 'y', requestedBy: 'carol', fourEyes: true,
        })).rejects.toMatchObject({ code: 'conflict' });

        const decided = await store.alerts.decideReview({ reviewId: review.id, reviewer: 'bob', approve: true });
        expect(decided).toMatchObject({ status: 'approved', requestedBy: 'alice', reviewedBy: 'bob' });
        expect((await store.alerts.get(alert.id))?.status).toBe('cleared');
        await expect(store.alerts.decideReview({ reviewId: review.id, reviewer: 'bob', approve: true })).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.alerts.reviews(alert.id)).map((r) => r.status)).toEqual(['approved']);
      });

      it('reopens the alert when the second reviewer rejects the clearance', async () => {
        const { alert } = await raise(uniq('party'), 'f1');
        const review = await store.alerts.requestReview({ alertId: alert.id, action: 'clear', reasonCode: 'r', note: 'n', requestedBy: 'alice', fourEyes: true });
        await store.alerts.decideReview({ reviewId: review.id, reviewer: 'bob', approve: false, note: 'same entity' });
        expect((await store.alerts.get(alert.id))?.status).toBe('open');
      });

      it('applies at once without four-eyes, and confirmations never wait', async () => {
        const one = (await raise(uniq('party'), 'f1')).alert;
        const cleared = await store.alerts.requestReview({ alertId: one.id, action: 'clear', reasonCode: 'r', note: 'n', requestedBy: 'alice', fourEyes: false });
        expect(cleared).toMatchObject({ status: 'approved', reviewedBy: 'alice' });
        expect((await store.alerts.get(one.id))?.status).toBe('cleared');
        const two = (await raise(uniq('party'), 'f1')).alert;
        await store.alerts.requestReview({ alertId: two.id, action: 'confirm', reasonCode: 'true-match', note: 'n', requestedBy: 'alice', fourEyes: true });
        expect((await store.alerts.get(two.id))?.status).toBe('confirmed');
      });

      it('rejects a review of an unknown alert', async () => {
        await expect(store.alerts.requestReview({ alertId: randomUUID(), action: 'clear', reasonCode: 'r', note: 'n', requestedBy: 'a', fourEyes: true }))
          .rejects.toBeInstanceOf(ClearanceError);
        await expect(store.alerts.decideReview({ reviewId: 'junk', reviewer: 'b', approve: true })).rejects.toMatchObject({ code: 'not_found' });
      });

      it('enforces four-eyes in the database too', async () => {
        const { alert } = await raise(uniq('party'), 'f1');
        await expect(store.sql.query(
          `INSERT INTO reviews (id, alert_id, action, reason_code, note, requested_by, reviewed_by, four_eyes, status)
           VALUES ($1, $2, 'clear', 'r', 'n', 'alice', 'alice', true, 'approved')`,
          [randomUUID(), alert.id],
        )).rejects.toThrow(/reviews_four_eyes/);
      });
    });

    describe('API keys', () => {
      it('prints the key once, stores only its hash, authenticates it and stops after revocation', async () => {
        const owner = uniq('analyst');
        const { key, record } = await store.keys.create({ owner, role: 'analyst' });
        expect(key).toMatch(/^clr_[A-Za-z0-9_-]{43}$/);
        expect(key.startsWith(record.prefix)).toBe(true);
        const { rows } = await store.sql.query('SELECT * FROM api_keys WHERE id = $1', [record.id]);
        expect(JSON.stringify(rows)).not.toContain(key.slice(12));
        expect((await store.keys.authenticate(key))?.id).toBe(record.id);
        expect(await store.keys.authenticate(key + 'x')).toBeNull();
        expect(await store.keys.authenticate('')).toBeNull();
        expect((await store.keys.list()).some((k) => k.id === record.id && k.role === 'analyst')).toBe(true);
        expect(await store.keys.revoke(record.id)).toBe(true);
        expect(await store.keys.revoke(record.id)).toBe(false);
        expect(await store.keys.authenticate(key)).toBeNull();
      });
    });

    describe('jobs', () => {
      it('tracks status, attempts, progress and the checkpoint a restart resumes from', async () => {
        const job = await store.jobs.create({ kind: 'order-book-check', params: { orderId: 'x' }, createdBy: 'alice', total: 10 });
        expect(job).toMatchObject({ status: 'queued', done: 0, total: 10, attempts: 0, checkpoint: {} });
        await store.jobs.start(job.id);
        await store.jobs.checkpoint(job.id, { done: 4, checkpoint: { nextLine: 5 } });
        const restarted = await store.jobs.start(job.id);
        expect(restarted).toMatchObject({ status: 'running', done: 4, attempts: 2, checkpoint: { nextLine: 5 } });
        // Its heartbeat is fresh: not stale under a one-hour lease, stale under a zero lease.
        expect((await store.jobs.stale(3600)).map((j) => j.id)).not.toContain(job.id);
        expect((await store.jobs.stale(0)).map((j) => j.id)).toContain(job.id);
        const done = await store.jobs.complete(job.id, { lines: 10 });
        expect(done).toMatchObject({ status: 'completed', result: { lines: 10 } });
        expect(done.finishedAt).not.toBeNull();
        expect((await store.jobs.list({ kind: 'order-book-check', status: 'completed' })).items.some((j) => j.id === job.id)).toBe(true);
        await expect(store.jobs.start(randomUUID())).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('audit trail', () => {
      it('keeps one valid chain under many concurrent writers', async () => {
        const before = await store.audit.verify();
        expect(before.ok).toBe(true);
        const writers = Array.from({ length: 60 }, (_, i) =>
          store.audit.append({ actor: `writer-${i % 6}`, action: 'test.concurrent', subject: `test:${i}`, details: { i, at: 'x' } }));
        const events = await Promise.all(writers);
        const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
        expect(new Set(seqs).size).toBe(60);
        expect(seqs[seqs.length - 1]! - seqs[0]! + 1).toBe(60);
        const after = await store.audit.verify();
        expect(after).toMatchObject({ ok: true });
        expect(after.events).toBeGreaterThanOrEqual(before.events + 60);
      });

      it('queries events by action and subject, page by page', async () => {
        const subject = uniq('doc');
        for (let i = 0; i < 3; i += 1) await store.audit.append({ actor: 'cli', action: 'test.query', subject, details: { i } });
        const first = await store.audit.query({ subject, limit: 2 });
        expect(first.items.map((e) => e.details['i'])).toEqual([0, 1]);
        expect(first.next).not.toBeNull();
        const second = await store.audit.query({ subject, limit: 2, after: first.next ?? '' });
        expect(second.items.map((e) => e.details['i'])).toEqual([2]);
        expect(second.next).toBeNull();
      });

      it('refuses UPDATE and DELETE on audit events', async () => {
        await store.audit.append({ actor: 'cli', action: 'test.guard', subject: 'x', details: {} });
        await expect(store.sql.query("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(/append-only/);
        await expect(store.sql.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
      });

      it('detects a row edited directly in the database and names the first broken link', async () => {
        const target = await store.audit.append({ actor: 'alice', action: 'alert.cleared', subject: 'alert:tamper', details: { reasonCode: 'different-entity' } });
        await store.audit.append({ actor: 'bob', action: 'test.after', subject: 'x', details: {} });
        expect((await store.audit.verify()).ok).toBe(true);
        const edit = async (reason: string): Promise<void> => {
          await store.sql.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
          try {
            await store.sql.query('UPDATE audit_events SET details = $1::jsonb WHERE seq = $2', [JSON.stringify({ reasonCode: reason }), target.seq]);
          } finally {
            await store.sql.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
          }
        };
        await edit('true-match-but-cleared');
        const broken = await store.audit.verify();
        expect(broken).toMatchObject({ ok: false, brokenAt: target.seq, reason: 'content-hash-mismatch', found: target.hash });
        await edit('different-entity');
        expect((await store.audit.verify()).ok).toBe(true);
      });
    });

    // Inside the outer describe so that the shared store is still open; each test starts from empty lists.
    listStoreContract(`SQL list store on ${name}`, async () => {
      const shared = await harness.open();
      await shared.sql.exec('DELETE FROM list_active; DELETE FROM list_entries; DELETE FROM list_versions;');
      return { store: shared.lists };
    });
  });
}
