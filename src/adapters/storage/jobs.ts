import { randomUUID } from 'node:crypto';
import { ClearanceError } from '../../core/errors.ts';
import { JOB_KINDS, type JobKind, type JobRecord, type JobRepository, type JobStatus } from '../../ports/store.ts';
import { appendAudit } from './audit-log.ts';
import { Conditions } from './conditions.ts';
import { first, isUuid } from './parties-items-orders.ts';
import { cursorSeq, instant, jsonObject, jsonParam, num, optInstant, optJsonObject, optNum, optStr, pageLimit, str } from './rows.ts';
import type { SqlClient, SqlRow } from './sql-client.ts';

const COLUMNS = 'id, seq, kind, status, params, done, total, checkpoint, result, error, attempts, created_by, created_at, started_at, finished_at';

/** Job records: what the API shows as progress and what a restarted worker resumes from (the queue itself is pg-boss). */
export function jobRepository(db: SqlClient): JobRepository {
  const get = async (id: string): Promise<JobRecord | null> => {
    if (!isUuid(id)) return null;
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toJob(rows[0]);
  };
  const mustUpdate = async (id: string, sql: string, params: readonly (string | number | null)[]): Promise<JobRecord> => {
    const { rows } = await db.query(sql, [id, ...params]);
    if (rows[0] === undefined) throw new ClearanceError('not_found', `no job ${id}`, { field: 'jobId' });
    return toJob(rows[0]);
  };
  return {
    create: ({ kind, params, createdBy, total }) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `INSERT INTO jobs (id, kind, status, params, total, created_by) VALUES ($1, $2, 'queued', $3::jsonb, $4, $5) RETURNING ${COLUMNS}`,
          [randomUUID(), kind, jsonParam(params), total ?? null, createdBy],
        );
        const job = toJob(first(rows));
        await appendAudit(tx, { actor: createdBy, action: 'job.created', subject: `job:${job.id}`, details: { kind, total: job.total } });
        return job;
      }),
    get,
    async list(query = {}) {
      const c = new Conditions().add('seq > ?', cursorSeq(query.after)).add('kind = ?', query.kind).add('status = ?', query.status);
      const limit = pageLimit(query.limit);
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM jobs ${c.where} ORDER BY seq LIMIT ${c.bind(limit + 1)}`, c.params);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toJob), next: rows.length > limit && last !== undefined ? str(last, 'seq') : null };
    },
    start: (id) =>
      mustUpdate(id, `UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()), heartbeat_at = now()
                      WHERE id = $1 RETURNING ${COLUMNS}`, []),
    async checkpoint(id, progress) {
      await db.query(
        `UPDATE jobs SET done = $2, total = COALESCE($3, total), checkpoint = COALESCE($4::jsonb, checkpoint), heartbeat_at = now() WHERE id = $1`,
        [id, progress.done, progress.total ?? null, progress.checkpoint === undefined ? null : jsonParam(progress.checkpoint)],
      );
    },
    complete: (id, result) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `UPDATE jobs SET status = 'completed', result = $2::jsonb, error = NULL, finished_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, jsonParam(result)],
        );
        if (rows[0] === undefined) throw new ClearanceError('not_found', `no job ${id}`, { field: 'jobId' });
        const job = toJob(rows[0]);
        await appendAudit(tx, { actor: `job:${id}`, action: 'job.completed', subject: `job:${id}`, details: { kind: job.kind, done: job.done, result } });
        return job;
      }),
    async stale(leaseSeconds) {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM jobs WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1) ORDER BY seq`,
        [leaseSeconds],
      );
      return rows.map(toJob);
    },
    fail: (id, error, options) =>
      options?.retrying === true
        ? mustUpdate(id, `UPDATE jobs SET status = 'queued', error = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [`${error} (will retry)`])
        : mustUpdate(id, `UPDATE jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [error]),
  };
}

function toJob(row: SqlRow): JobRecord {
  return {
    id: str(row, 'id'),
    kind: jobKind(str(row, 'kind')),
    status: jobStatus(str(row, 'status')),
    params: jsonObject(row, 'params'),
    done: num(row, 'done'),
    total: optNum(row, 'total'),
    checkpoint: jsonObject(row, 'checkpoint'),
    result: optJsonObject(row, 'result'),
    error: optStr(row, 'error'),
    attempts: num(row, 'attempts'),
    createdBy: str(row, 'created_by'),
    createdAt: instant(row, 'created_at'),
    startedAt: optInstant(row, 'started_at'),
    finishedAt: optInstant(row, 'finished_at'),
  };
}

function jobKind(value: string): JobKind {
  const found = JOB_KINDS.find((k) => k === value);
  if (found === undefined) throw new Error(`unknown job kind in database: ${value}`);
  return found;
}

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];
function jobStatus(value: string): JobStatus {
  const found = STATUSES.find((s) => s === value);
  if (found === undefined) throw new Error(`unknown job status in database: ${value}`);
  return found;
}
