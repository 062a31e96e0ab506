import { link, START, verifyEvents, type ChainedEvent, type VerifyState } from '../../core/audit/chain.ts';
import type { AuditEvent, AuditEventInput, AuditQuery, AuditRepository, AuditVerification, PageOf } from '../../ports/store.ts';
import { Conditions } from './conditions.ts';
import { jsonObject, jsonParam, num, pageLimit, cursorSeq, str } from './rows.ts';
import type { SqlClient, SqlExecutor, SqlRow, SqlValue } from './sql-client.ts';

/** Arbitrary constant: the advisory lock that serialises appends across connections and processes. */
const AUDIT_LOCK = 748_210_532;
const COLUMNS = 'seq, at, actor, action, subject, details, prev_hash, hash';

/**
 * Appends one event inside the caller's transaction. The transaction-scoped advisory lock makes
 * "read the last hash, insert the next" atomic across every writer, so the chain never forks.
 */
export async function appendAudit(tx: SqlExecutor, input: AuditEventInput, now: () => Date = () => new Date()): Promise<AuditEvent> {
  const [event] = await appendAuditMany(tx, [input], now);
  if (event === undefined) throw new Error('appendAuditMany returned nothing for one event');
  return event;
}

/** Appends several events in order with one lock, one read of the chain's head and one multi-row insert. */
export async function appendAuditMany(tx: SqlExecutor, inputs: readonly AuditEventInput[], now: () => Date = () => new Date()): Promise<AuditEvent[]> {
  if (inputs.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const { rows } = await tx.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const last = rows[0];
  let prev = last === undefined ? null : { seq: num(last, 'seq'), hash: str(last, 'hash') };
  const at = now().toISOString();
  const events: AuditEvent[] = [];
  for (const input of inputs) {
    const event = link(prev, { at, actor: input.actor, action: input.action, subject: input.subject, details: input.details });
    events.push({ ...event, details: input.details });
    prev = event;
  }
  for (let start = 0; start < events.length; start += AUDIT_BATCH) {
    const chunk = events.slice(start, start + AUDIT_BATCH);
    const params: SqlValue[] = [];
    const tuples = chunk.map((e) => {
      params.push(e.seq, e.at, e.actor, e.action, e.subject, jsonParam(e.details), e.prevHash, e.hash);
      const b = params.length - 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, $${b + 7}, $${b + 8})`;
    });
    await tx.query(`INSERT INTO audit_events (${COLUMNS}) VALUES ${tuples.join(', ')}`, params);
  }
  return events;
}

/** Events per INSERT: 8 parameters each stays far below PostgreSQL's 65,535-parameter limit. */
const AUDIT_BATCH = 1000;

export function auditRepository(db: SqlClient): AuditRepository {
  return {
    append: (input) => db.transaction((tx) => appendAudit(tx, input)),
    query: (query) => queryAudit(db, query ?? {}),
    verify: () => verifyAudit(db),
  };
}

async function queryAudit(db: SqlClient, query: AuditQuery): Promise<PageOf<AuditEvent>> {
  const c = new Conditions()
    .add('seq > ?', cursorSeq(query.after))
    .add('actor = ?', query.actor)
    .add('action = ?', query.action)
    .add('subject = ?', query.subject)
    .add('at >= ?', query.from)
    .add('at < ?', query.until);
  const limit = pageLimit(query.limit);
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM audit_events ${c.where} ORDER BY seq LIMIT ${c.bind(limit + 1)}`, c.params);
  const items = rows.slice(0, limit).map(toEvent);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last !== undefined ? String(last.seq) : null };
}

const VERIFY_PAGE = 5000;

async function verifyAudit(db: SqlClient): Promise<AuditVerification> {
  let state: VerifyState = START;
  let count = 0;
  for (;;) {
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [state.seq, VERIFY_PAGE]);
    const events = rows.map(toEvent);
    const { state: next, broken } = verifyEvents(events, state);
    if (broken !== null) {
      return { ok: false, events: count + (broken.seq - state.seq - 1), brokenAt: broken.seq, reason: broken.reason, expected: broken.expected, found: broken.found };
    }
    count += events.length;
    state = next;
    if (rows.length < VERIFY_PAGE) return { ok: true, events: count, lastHash: state.hash };
  }
}

function toEvent(row: SqlRow): AuditEvent & ChainedEvent {
  return {
    seq: num(row, 'seq'),
    at: str(row, 'at'),
    actor: str(row, 'actor'),
    action: str(row, 'action'),
    subject: str(row, 'subject'),
    details: jsonObject(row, 'details'),
    prevHash: str(row, 'prev_hash'),
    hash: str(row, 'hash'),
  };
}
