import PgBoss from 'pg-boss';
import { ClearanceError } from '../../core/errors.ts';
import { ClassificationCache } from '../../core/determination/classification-context.ts';
import { JOB_KINDS, type JobKind, type JobRecord, type JsonObject } from '../../ports/store.ts';
import type { SqlStore } from '../storage/sql-store.ts';
import { batchScreening } from './batch-screening.ts';
import { bossDb } from './boss-db.ts';
import type { JobContext, JobHandler } from './job-context.ts';
import { listRescreening } from './list-rescreening.ts';
import { orderBookCheck } from './order-book-check.ts';
import { activeScreening, type ScreeningSnapshot } from './screening.ts';

export const HANDLERS: Readonly<Record<JobKind, JobHandler>> = {
  'order-book-check': orderBookCheck,
  'batch-screening': batchScreening,
  'list-rescreening': listRescreening,
};

export interface JobQueueOptions {
  /** Run workers in this process (default true); false only enqueues (an API node with separate workers). */
  readonly work?: boolean;
  /** How often an idle worker polls for jobs (default 1 s; pg-boss accepts 0.5 s at least). */
  readonly pollingIntervalSeconds?: number;
  /**
   * PostgreSQL mode: a running job whose worker has not checkpointed for this long is presumed dead and handed
   * to another worker (default 120 s; workers checkpoint every 20 lines). Handlers are idempotent, so handing
   * over a slow-but-alive job costs work, never correctness.
   */
  readonly leaseSeconds?: number;
  /** pg-boss's own backstop: a job active this long is failed and retried (default 4 h). */
  readonly expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (default 30 s). */
  readonly maintenanceIntervalSeconds?: number;
  /** Attempts after the first (default 5). */
  readonly retryLimit?: number;
  /** The screener source; default builds one over the active lists, cached per set of active versions. */
  readonly screening?: () => Promise<ScreeningSnapshot | null>;
  readonly now?: () => Date;
  readonly onProgress?: JobContext['onProgress'];
  /** Where job failures are reported (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface JobQueue {
  /** Records the job and enqueues it; returns at once with the record (progress through `store.jobs.get`). */
  submit(input: { readonly kind: JobKind; readonly params: JsonObject; readonly createdBy: string; readonly total?: number }): Promise<JobRecord>;
  /**
   * Hands jobs a crashed process left behind back to the queue; returns how many. At start it also re-enqueues
   * jobs the queue lost, and in embedded mode treats every active job as orphaned (no other process can run it).
   */
  recoverOrphans(options?: { readonly atStartup?: boolean }): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Durable jobs on pg-boss 10 in the store's own database, on PGlite and PostgreSQL alike (through `bossDb`).
 * Job records (status, progress, checkpoint) live in our `jobs` table and pg-boss carries delivery, retries
 * and expiry; the pg-boss job id is the job record's id.
 *
 * Embedded mode is single-process, so at start every job still marked running belongs to a dead process and
 * is handed back to the queue at once. On PostgreSQL several workers share the queue; a dead worker's job is
 * retried when it expires.
 */
export async function startJobQueue(store: SqlStore, options: JobQueueOptions = {}): Promise<JobQueue> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const boss = new PgBoss({
    db: bossDb(store.sql),
    schedule: false,
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (error: unknown) => log(`job queue: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const kind of JOB_KINDS) await boss.createQueue(kind);

  const expireInSeconds = options.expireInSeconds ?? 4 * 60 * 60;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const retryLimit = options.retryLimit ?? 5;
  const send = (kind: JobKind, id: string) =>
    boss.send(kind, { jobId: id }, { id, retryLimit, retryDelay: 1, expireInSeconds, retentionDays: 30 });
  const screening = options.screening ?? cachedScreening(store);
  const classifications = new ClassificationCache();
  const now = options.now ?? (() => new Date());

  const run = async (kind: JobKind, id: string, retriesLeft: boolean): Promise<void> => {
    // A delivery of a job already finished (handed over while its first worker was slow, not dead) has nothing to do.
    if ((await store.jobs.get(id))?.status === 'completed') return;
    const job = await store.jobs.start(id);
    try {
      const result = await HANDLERS[kind]({
        store, job, screening, classifications, now, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      await store.jobs.complete(id, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`job ${id} (${kind}) attempt ${job.attempts} failed: ${message}`);
      // Bad params or a missing order will not get better on retry; anything else (a crash, a lost connection) may.
      const permanent = error instanceof ClearanceError && error.code !== 'internal' && error.code !== 'network_unavailable';
      await store.jobs.fail(id, message, { retrying: !permanent && retriesLeft }).catch(() => undefined);
      if (permanent) return;
      throw error;
    }
  };

  let watchdog: NodeJS.Timeout | null = null;
  const queue: JobQueue = {
    async submit(input) {
      const job = await store.jobs.create(input);
      try {
        await send(input.kind, job.id);
      } catch (error) {
        await store.jobs.fail(job.id, `could not enqueue: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
      return job;
    },
    async recoverOrphans({ atStartup = false } = {}) {
      const candidates = atStartup
        ? (await store.sql.query("SELECT id, kind FROM jobs WHERE status IN ('queued', 'running') ORDER BY seq")).rows.map((r) => ({ id: String(r['id']), kind: r['kind'] }))
        : (await store.jobs.stale(leaseSeconds)).map((j) => ({ id: j.id, kind: j.kind }));
      const stale = new Set((await store.jobs.stale(leaseSeconds)).map((j) => j.id));
      let recovered = 0;
      for (const candidate of candidates) {
        const kind = JOB_KINDS.find((k) => k === candidate.kind);
        if (kind === undefined) continue;
        const queued = await boss.getJobById(kind, candidate.id);
        if (queued === null) {
          if (!atStartup) continue;
          await send(kind, candidate.id);
          recovered += 1;
        } else if (queued.state === 'active' && ((atStartup && store.kind === 'pglite') || stale.has(candidate.id))) {
          // Embedded: only this process can open the database, so at start an active job is a dead one.
          // PostgreSQL: its worker stopped checkpointing for longer than the lease.
          log(`job ${candidate.id} (${kind}): its worker is gone; handing it back to the queue`);
          await boss.fail(kind, candidate.id, { reason: 'worker process died; resumed from the last checkpoint' });
          recovered += 1;
        }
      }
      return recovered;
    },
    async stop() {
      if (watchdog !== null) clearInterval(watchdog);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  // Before any worker polls: otherwise a job this process just fetched could look orphaned.
  if (options.work !== false) await queue.recoverOrphans({ atStartup: true });
  // On PostgreSQL, every worker watches for jobs whose worker died (no checkpoint within the lease).
  if (options.work !== false && store.kind === 'postgres') {
    watchdog = setInterval(() => {
      queue.recoverOrphans().catch((error: unknown) => log(`job watchdog: ${error instanceof Error ? error.message : String(error)}`));
    }, Math.max(1000, (leaseSeconds * 1000) / 2));
    watchdog.unref();
  }
  if (options.work !== false) {
    for (const kind of JOB_KINDS) {
      const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1, includeMetadata: true } as const;
      await boss.work<{ jobId?: string }>(kind, work, async (jobs) => {
        for (const j of jobs) await run(kind, j.data.jobId ?? j.id, j.retryCount < j.retryLimit);
      });
    }
  }

  return queue;
}

/** Builds the screener once per set of active list versions. */
function cachedScreening(store: SqlStore): () => Promise<ScreeningSnapshot | null> {
  let cached: { key: string; value: Promise<ScreeningSnapshot | null> } | null = null;
  return async () => {
    const key = (await store.lists.activeVersions()).map((v) => v.id).join(',');
    if (cached === null || cached.key !== key) cached = { key, value: activeScreening(store.lists) };
    return cached.value;
  };
}
