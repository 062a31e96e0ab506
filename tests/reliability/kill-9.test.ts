/**
 * Crash tests with real processes (loopback only, bounded in time): a child is killed with SIGKILL in the middle
 * of a list import and in the middle of an order-book job, then restarted. Afterwards there is no partial list
 * version, the job has resumed from its checkpoint and finished, every valid line has exactly one determination,
 * no alert is duplicated, and the audit chain verifies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { openStore } from '../../src/adapters/storage/open-store.ts';
import { startChild } from './support/child.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clearance-kill9-'));
  dirs.push(d);
  return d;
}

const MINUTE = 60_000;

describe('kill -9 on the embedded database', () => {
  it('leaves no partial list version when the import is killed midway', async () => {
    const dataDir = freshDataDir();
    const env = { CLEARANCE_DATA_DIR: dataDir };
    const first = startChild(['import-list', 'v1', '300'], env);
    const v1Line = await first.waitFor(/^imported /, 3 * MINUTE);
    expect(await first.exited).toBe(0);
    const [, v1Id] = v1Line.split(' ');

    const doomed = startChild(['import-list', 'v2', '20000'], env);
    await doomed.waitFor(/^progress (2500|[3-9]\d{3}|\d{5})$/, 3 * MINUTE);
    await doomed.kill9();

    const store = await openStore({ dataDir });
    try {
      const versions = await store.lists.listVersions();
      expect(versions.map((v) => v.id)).toEqual([v1Id]);
      expect((await store.lists.activeVersions()).map((v) => v.id)).toEqual([v1Id]);
      const { rows } = await store.sql.query('SELECT version_id, count(*)::int AS n FROM list_entries GROUP BY version_id');
      expect(rows).toEqual([{ version_id: v1Id, n: 300 }]);
      expect((await store.audit.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }

    // The same import, run again to the end, succeeds and becomes active.
    const again = startChild(['import-list', 'v2', '20000'], env);
    await again.waitFor(/^imported .* 20000$/, 5 * MINUTE);
    expect(await again.exited).toBe(0);
  }, 12 * MINUTE);

  it('resumes an order-book job killed midway, with no lost or duplicated determinations or alerts', async () => {
    const dataDir = freshDataDir();
    const env = { CLEARANCE_DATA_DIR: dataDir };
    const LINES = 200;
    const hitEvery = 10;
    let jobId = '';
    let orderId = '';
    {
      const store = await openStore({ dataDir });
      try {
        await store.lists.importVersion({
          source: 'internal', format: 'internal-csv', publishedAt: null, publishedAtBasis: null, origin: 'watch.csv',
          files: [{ name: 'watch.csv', sha256: 'c'.repeat(64), bytes: 100, rows: 1 }],
          entries: [{ list: 'internal', sourceId: 'BAD-1', name: 'Vortigaunt Compute Holdings', aliases: [], type: 'entity', countries: ['CN'], addresses: [], programs: [] }],
          warnings: [],
        }, { now: new Date('2026-11-20T00:00:00Z') });
        const lines = Array.from({ length: LINES }, (_, i) => {
          const n = i + 1;
          const bad = n % hitEvery === 0;
          const endUser = bad ? 'Vortigaunt Compute Holdings' : `Customer Number ${n} Research Lab`;
          const country = bad ? 'CN' : 'DE';
          return {
            lineNo: n, item: 'nvidia-h100-sxm5-80gb', quantity: 1,
            data: { order_id: 'PO-KILL', order_date: '2026-11-02', item: 'nvidia-h100-sxm5-80gb', quantity: '1', ship_to_country: country, end_user: endUser, end_user_country: country },
          };
        });
        orderId = (await store.orders.create({ reference: 'PO-KILL', lines })).id;
        const queue = await startJobQueue(store, { work: false, log: () => undefined });
        jobId = (await queue.submit({ kind: 'order-book-check', params: { orderId }, createdBy: 'test', total: LINES })).id;
        await queue.stop();
      } finally {
        await store.close();
      }
    }

    const doomed = startChild(['work'], env);
    await doomed.waitFor(/^progress ([4-9]\d|1\d\d) /, 5 * MINUTE);
    await doomed.kill9();
    const progressBeforeKill = Math.max(...doomed.lines.filter((l) => l.startsWith('progress ')).map((l) => Number(l.split(' ')[1])));
    expect(progressBeforeKill).toBeLessThan(LINES);

    const restarted = startChild(['work'], env);
    await restarted.waitFor(/^all jobs completed$/, 8 * MINUTE);
    expect(await restarted.exited).toBe(0);
    const resumedAt = Number(restarted.lines.find((l) => l.startsWith('progress '))?.split(' ')[1]);
    // It continued from the checkpoint rather than starting again at line 1.
    expect(resumedAt).toBeGreaterThan(progressBeforeKill);

    const store = await openStore({ dataDir });
    try {
      const job = await store.jobs.get(jobId);
      expect(job).toMatchObject({ status: 'completed', done: LINES, total: LINES });
      expect(job?.attempts).toBeGreaterThanOrEqual(2);
      const perLine = await store.sql.query(
        `SELECT l.line_no, count(d.id)::int AS n FROM order_lines l LEFT JOIN determinations d ON d.subject_id = l.id::text
         WHERE l.order_id = $1 GROUP BY l.line_no ORDER BY l.line_no`, [orderId]);
      expect(perLine.rows).toHaveLength(LINES);
      expect(perLine.rows.filter((r) => r['n'] !== 1)).toEqual([]);
      const alerts = await store.alerts.list({ subjectKey: 'name:vortigaunt compute holdings|CN' });
      expect(alerts.items).toHaveLength(1);
      expect((await store.audit.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 15 * MINUTE);
});
