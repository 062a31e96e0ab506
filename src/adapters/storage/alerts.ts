import { randomUUID } from 'node:crypto';
import { ClearanceError } from '../../core/errors.ts';
import { LIST_CODES, type ListCode } from '../../core/screening/types.ts';
import type { AlertRecord, AlertRepository, AlertStatus, ReviewAction, ReviewRecord } from '../../ports/store.ts';
import { appendAudit } from './audit-log.ts';
import { Conditions } from './conditions.ts';
import { first, isUuid } from './parties-items-orders.ts';
import { cursorSeq, instant, jsonObject, jsonParam, num, optInstant, optStr, pageLimit, str } from './rows.ts';
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client.ts';

const ALERT_COLUMNS = `id, seq, subject_key, subject, list, source_id, entry_fingerprint, list_version_id, score, match,
  job_id, status, created_at, updated_at`;
const REVIEW_COLUMNS = 'id, alert_id, action, reason_code, note, requested_by, reviewed_by, four_eyes, status, created_at, decided_at';

const OUTCOME: Record<ReviewAction, AlertStatus> = { clear: 'cleared', confirm: 'confirmed', escalate: 'escalated' };

export function alertRepository(db: SqlClient): AlertRepository {
  return {
    raise: (input) =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `INSERT INTO alerts (id, subject_key, subject, list, source_id, entry_fingerprint, list_version_id, score, match, job_id)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9::jsonb, $10)
           ON CONFLICT (subject_key, list, source_id, entry_fingerprint) DO NOTHING
           RETURNING ${ALERT_COLUMNS}`,
          [
            randomUUID(), input.subjectKey, jsonParam(input.subject), input.list, input.sourceId, input.entryFingerprint,
            input.listVersionId, input.score, jsonParam(input.match), input.jobId ?? null,
          ],
        );
        if (rows[0] === undefined) {
          const existing = await tx.query(
            `SELECT ${ALERT_COLUMNS} FROM alerts WHERE subject_key = $1 AND list = $2 AND source_id = $3 AND entry_fingerprint = $4`,
            [input.subjectKey, input.list, input.sourceId, input.entryFingerprint],
          );
          return { alert: toAlert(first(existing.rows)), created: false };
        }
        const alert = toAlert(rows[0]);
        await appendAudit(tx, {
          actor: input.jobId === undefined ? 'system' : `job:${input.jobId}`,
          action: 'alert.raised',
          subject: `alert:${alert.id}`,
          details: { subjectKey: alert.subjectKey, list: alert.list, sourceId: alert.sourceId, entryFingerprint: alert.entryFingerprint, score: alert.score },
        });
        return { alert, created: true };
      }),
    get: async (id) => (isUuid(id) ? loadAlert(db, id, false) : null),
    async list(query = {}) {
      const c = new Conditions()
        .add('seq > ?', cursorSeq(query.after))
        .add('status = ?', query.status)
        .add('subject_key = ?', query.subjectKey)
        .add('list = ?', query.list);
      const limit = pageLimit(query.limit);
      const { rows } = await db.query(`SELECT ${ALERT_COLUMNS} FROM alerts ${c.where} ORDER BY seq LIMIT ${c.bind(limit + 1)}`, c.params);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toAlert), next: rows.length > limit && last !== undefined ? str(last, 'seq') : null };
    },
    async latestFor(subjectKey, list, sourceId) {
      const { rows } = await db.query(
        `SELECT ${ALERT_COLUMNS} FROM alerts WHERE subject_key = $1 AND list = $2 AND source_id = $3 ORDER BY seq DESC LIMIT 1`,
        [subjectKey, list, sourceId],
      );
      return rows[0] === undefined ? null : toAlert(rows[0]);
    },
    requestReview: (request) =>
      db.transaction(async (tx) => {
        const alert = isUuid(request.alertId) ? await loadAlert(tx, request.alertId, true) : null;
        if (alert === null) throw new ClearanceError('not_found', `no alert ${request.alertId}`, { field: 'alertId' });
        const pending = await tx.query("SELECT id FROM reviews WHERE alert_id = $1 AND status = 'pending'", [alert.id]);
        if (pending.rows.length > 0) {
          throw new ClearanceError('conflict', `alert ${alert.id} already has a review waiting for a second reviewer`, { field: 'alertId' });
        }
        // Only a clearance needs a second pair of eyes; confirming or escalating a hit is never the risky direction.
        const needsSecond = request.fourEyes && request.action === 'clear';
        const { rows } = await tx.query(
          `INSERT INTO reviews (id, alert_id, action, reason_code, note, requested_by, reviewed_by, four_eyes, status, decided_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${needsSecond ? 'NULL' : 'now()'})
           RETURNING ${REVIEW_COLUMNS}`,
          [
            randomUUID(), alert.id, request.action, request.reasonCode, request.note, request.requestedBy,
            needsSecond ? null : request.requestedBy, needsSecond, needsSecond ? 'pending' : 'approved',
          ],
        );
        const review = toReview(first(rows));
        const status: AlertStatus = needsSecond ? 'pending-review' : OUTCOME[request.action];
        await tx.query('UPDATE alerts SET status = $1, updated_at = now() WHERE id = $2', [status, alert.id]);
        await appendAudit(tx, {
          actor: request.requestedBy,
          action: needsSecond ? 'review.requested' : `alert.${status}`,
          subject: `alert:${alert.id}`,
          details: { reviewId: review.id, action: review.action, reasonCode: review.reasonCode, note: review.note, fourEyes: needsSecond },
        });
        return review;
      }),
    decideReview: (decision) =>
      db.transaction(async (tx) => {
        const found = isUuid(decision.reviewId)
          ? await tx.query(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = $1 FOR UPDATE`, [decision.reviewId])
          : { rows: [] };
        const row = found.rows[0];
        if (row === undefined) throw new ClearanceError('not_found', `no review ${decision.reviewId}`, { field: 'reviewId' });
        const review = toReview(row);
        if (review.status !== 'pending') throw new ClearanceError('conflict', `review ${review.id} was already ${review.status}`, { field: 'reviewId' });
        if (review.requestedBy === decision.reviewer) {
          throw new ClearanceError('forbidden', 'four-eyes: the reviewer of a clearance cannot be the user who requested it', { field: 'reviewer' });
        }
        const status = decision.approve ? 'approved' : 'rejected';
        const updated = await tx.query(
          `UPDATE reviews SET status = $1, reviewed_by = $2, decided_at = now() WHERE id = $3 RETURNING ${REVIEW_COLUMNS}`,
          [status, decision.reviewer, review.id],
        );
        const alertStatus: AlertStatus = decision.approve ? OUTCOME[review.action] : 'open';
        await tx.query('UPDATE alerts SET status = $1, updated_at = now() WHERE id = $2', [alertStatus, review.alertId]);
        await appendAudit(tx, {
          actor: decision.reviewer,
          action: decision.approve ? `alert.${alertStatus}` : 'review.rejected',
          subject: `alert:${review.alertId}`,
          details: { reviewId: review.id, requestedBy: review.requestedBy, approve: decision.approve, note: decision.note ?? null },
        });
        return toReview(first(updated.rows));
      }),
    async reviews(alertId) {
      if (!isUuid(alertId)) return [];
      const { rows } = await db.query(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE alert_id = $1 ORDER BY seq`, [alertId]);
      return rows.map(toReview);
    },
  };
}

async function loadAlert(db: SqlExecutor, id: string, forUpdate: boolean): Promise<AlertRecord | null> {
  const { rows } = await db.query(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] === undefined ? null : toAlert(rows[0]);
}

function toAlert(row: SqlRow): AlertRecord {
  return {
    id: str(row, 'id'),
    subjectKey: str(row, 'subject_key'),
    subject: jsonObject(row, 'subject'),
    list: listCode(str(row, 'list')),
    sourceId: str(row, 'source_id'),
    entryFingerprint: str(row, 'entry_fingerprint'),
    listVersionId: optStr(row, 'list_version_id'),
    score: num(row, 'score'),
    match: jsonObject(row, 'match'),
    jobId: optStr(row, 'job_id'),
    status: alertStatus(str(row, 'status')),
    createdAt: instant(row, 'created_at'),
    updatedAt: instant(row, 'updated_at'),
  };
}

function toReview(row: SqlRow): ReviewRecord {
  return {
    id: str(row, 'id'),
    alertId: str(row, 'alert_id'),
    action: reviewAction(str(row, 'action')),
    reasonCode: str(row, 'reason_code'),
    note: str(row, 'note'),
    requestedBy: str(row, 'requested_by'),
    reviewedBy: optStr(row, 'reviewed_by'),
    status: reviewStatus(str(row, 'status')),
    createdAt: instant(row, 'created_at'),
    decidedAt: optInstant(row, 'decided_at'),
  };
}

function listCode(value: string): ListCode {
  const found = LIST_CODES.find((c) => c === value);
  if (found === undefined) throw new Error(`unknown list code in database: ${value}`);
  return found;
}

const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'pending-review', 'cleared', 'confirmed', 'escalated'];
function alertStatus(value: string): AlertStatus {
  const found = ALERT_STATUSES.find((s) => s === value);
  if (found === undefined) throw new Error(`unknown alert status in database: ${value}`);
  return found;
}

const ACTIONS: readonly ReviewAction[] = ['clear', 'confirm', 'escalate'];
function reviewAction(value: string): ReviewAction {
  const found = ACTIONS.find((s) => s === value);
  if (found === undefined) throw new Error(`unknown review action in database: ${value}`);
  return found;
}

const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
function reviewStatus(value: string): ReviewRecord['status'] {
  const found = REVIEW_STATUSES.find((s) => s === value);
  if (found === undefined) throw new Error(`unknown review status in database: ${value}`);
  return found;
}
