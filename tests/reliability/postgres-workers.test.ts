/**
 * Several worker processes sharing one PostgreSQL: two real processes work the same queue; one is killed with
 * SIGKILL mid-job, the other sees its lease lapse (no checkpoint for 5 s) and finishes the job. Every line ends with exactly one
 * determination, alerts are not duplicated, and the audit chain written by both processes verifies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { openStore } from '../../src/adapters/storage/open-store.ts';
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../storage/support/postgres.ts';
import { startChild } from './support/child.ts';

const skip = await postgresUnavailable();
if (skip !== null) process.stderr.write(`PostgreSQL worker tests ${skip}\n`);
const MINUTE = 60_000;
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
});

describe.skipIf(skip !== null)(skip ?? 'several workers on one PostgreSQL', () => {
  it('shares the queue between processes and finishes a killed worker\'s job elsewhere', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const LINES = 120;
    const JOBS = 3;
    const jobIds: string[] = [];
    const orderIds: string[] = [];
    {
      const store = await openStore({ databaseUrl: db.url });
      try {
        await store.lists.importVersion({
          source: 'internal', format: 'internal-csv', publishedAt: null, publishedAtBasis: null, origin: 'watch.csv',
          files: [{ name: 'watch.csv', sha256: 'd'.repeat(64), bytes: 100, rows: 1 }],
          entries: [{ list: 'internal', sourceId: 'BAD-1', name: 'Vortigaunt Compute Holdings', aliases: [], type: 'entity', countries: ['CN'], addresses: [], programs: [] }],
          warnings: [],
        }, { now: new Date('2026-11-20T00:00:00Z') });
        const queue = await startJobQueue(store, { work: false, log: () => undefined });
        for (let j = 0; j < JOBS; j += 1) {
          const lines = Array.from({ length: LINES }, (_, i) => {
            const bad = (i + 1) % 10 === 0;
            const country = bad ? 'CN' : 'DE';
            const endUser = bad ? 'Vortigaunt Compute Holdings' : `Customer ${j}-${i + 1} GmbH`;
            return { lineNo: i + 1, item: 'nvidia-h100-sxm5-80gb', quantity: 1, data: { order_id: `PO-${j}`, order_date: '2026-11-02', item: 'nvidia-h100-sxm5-80gb', quantity: '1', ship_to_country: country, end_user: endUser, end_user_country: country } };
          });
          const order = await store.orders.create({ reference: `PO-${j}`, lines });
          orderIds.push(order.id);
          jobIds.push((await queue.submit({ kind: 'order-book-check', params: { orderId: order.id }, createdBy: 'test', total: LINES })).id);
        }
        await queue.stop();
      } finally {
        await store.close();
      }
    }

    const env = { DATABASE_URL: db.url };
    const a = startChild(['work'], env);
    const b = startChild(['work'], env);
    await a.waitFor(/^progress [2-9]\d /, 5 * MINUTE);
    await a.kill9();
    await b.waitFor(/^all jobs completed$/, 8 * MINUTE);
    expect(await b.exited).toBe(0);
    const jobsOf = (lines: readonly string[]) => new Set(lines.filter((l) => l.startsWith('progress ')).map((l) => l.split(' ')[2]));
    expect(jobsOf(a.lines).size).toBeGreaterThanOrEqual(1);
    expect(jobsOf(b.lines).size).toBeGreaterThanOrEqual(1);

    const store = await openStore({ databaseUrl: db.url });
    try {
      for (const id of jobIds) expect(await store.jobs.get(id)).toMatchObject({ status: 'completed', done: LINES });
      const { rows } = await store.sql.query(
        `SELECT count(*)::int AS lines, count(*) FILTER (WHERE n = 1)::int AS exactly_one FROM (
           SELECT l.id, count(d.id) AS n FROM order_lines l LEFT JOIN determinations d ON d.subject_id = l.id::text GROUP BY l.id) per_line`);
      expect(rows[0]).toEqual({ lines: LINES * JOBS, exactly_one: LINES * JOBS });
      expect((await store.alerts.list({ subjectKey: 'name:vortigaunt compute holdings|CN' })).items).toHaveLength(1);
      expect((await store.audit.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 15 * MINUTE);

  it('leaves no partial list version when an import into PostgreSQL is killed midway', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const env = { DATABASE_URL: db.url };
    const first = startChild(['import-list', 'v1', '300'], env);
    const [, v1Id] = (await first.waitFor(/^imported /, 3 * MINUTE)).split(' ');
    const doomed = startChild(['import-list', 'v2', '50000'], env);
    await doomed.waitFor(/^progress (5000|[6-9]\d{3}|\d{5})$/, 3 * MINUTE);
    await doomed.kill9();
    const store = await openStore({ databaseUrl: db.url });
    try {
      expect((await store.lists.listVersions()).map((v) => v.id)).toEqual([v1Id]);
      const { rows } = await store.sql.query('SELECT version_id, count(*)::int AS n FROM list_entries GROUP BY version_id');
      expect(rows).toEqual([{ version_id: v1Id, n: 300 }]);
    } finally {
      await store.close();
    }
  }, 8 * MINUTE);
});
