import { randomUUID } from 'node:crypto';
import type { DeterminationInput, DeterminationQuery, DeterminationRecord, DeterminationRepository, ListVersionsUsed } from '../../ports/store.ts';
import { fingerprint } from '../../core/audit/fingerprint.ts';
import { appendAuditMany } from './audit-log.ts';
import { Conditions } from './conditions.ts';
import { first, isUuid } from './parties-items-orders.ts';
import { cursorSeq, instant, jsonObject, jsonParam, optStr, pageLimit, str } from './rows.ts';
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client.ts';

const COLUMNS = `id, seq, subject_kind, subject_id, inputs, outputs, rule_set_version, list_versions,
  to_char(as_of, 'YYYY-MM-DD') AS as_of, actor, idempotency_key, created_at`;

export function determinationRepository(db: SqlClient): DeterminationRepository {
  return {
    record: (input) => db.transaction(async (tx) => first1(await recordAll(tx, [input]))),
    // One transaction and one turn of the audit lock for the lot: what makes a long order book fast.
    recordMany: (inputs) => (inputs.length === 0 ? Promise.resolve([]) : db.transaction((tx) => recordAll(tx, inputs))),
    async get(id) {
      if (!isUuid(id)) return null;
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM determinations WHERE id = $1`, [id]);
      return rows[0] === undefined ? null : toDetermination(rows[0]);
    },
    async list(query = {}) {
      const c = filters(query).add('seq > ?', cursorSeq(query.after));
      const limit = pageLimit(query.limit);
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM determinations ${c.where} ORDER BY seq LIMIT ${c.bind(limit + 1)}`, c.params);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toDetermination), next: rows.length > limit && last !== undefined ? str(last, 'seq') : null };
    },
    async count(query = {}) {
      const c = filters(query);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM determinations ${c.where}`, c.params);
      return Number(rows[0]?.['n'] ?? 0);
    },
  };
}

/** SHA-256 of what a determination says: its inputs, outputs, rule set, list versions and as-of date. */
export function determinationContentHash(record: Pick<DeterminationRecord, 'inputs' | 'outputs' | 'ruleSetVersion' | 'listVersions' | 'asOf'>): string {
  return fingerprint({ inputs: record.inputs, outputs: record.outputs, ruleSetVersion: record.ruleSetVersion, listVersions: { ...record.listVersions }, asOf: record.asOf });
}

/** Inserts each determination (or finds the one its idempotency key already names), then audits the new ones. */
async function recordAll(tx: SqlExecutor, inputs: readonly DeterminationInput[]): Promise<DeterminationRecord[]> {
  const out: DeterminationRecord[] = [];
  const created: { input: DeterminationInput; record: DeterminationRecord }[] = [];
  for (const input of inputs) {
    const { rows } = await tx.query(
      `INSERT INTO determinations (id, subject_kind, subject_id, inputs, outputs, rule_set_version, list_versions, as_of, actor, idempotency_key)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8::date, $9, $10)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        randomUUID(), input.subjectKind, input.subjectId ?? null, jsonParam(input.inputs), jsonParam(input.outputs),
        input.ruleSetVersion, jsonParam(input.listVersions), input.asOf, input.actor, input.idempotencyKey ?? null,
      ],
    );
    if (rows[0] === undefined) {
      // The idempotency key was already used: return the first record, record nothing new.
      const existing = await tx.query(`SELECT ${COLUMNS} FROM determinations WHERE idempotency_key = $1`, [input.idempotencyKey ?? null]);
      out.push(toDetermination(first(existing.rows)));
      continue;
    }
    const record = toDetermination(rows[0]);
    out.push(record);
    created.push({ input, record });
  }
  await appendAuditMany(tx, created.map(({ input, record }) => ({
    actor: input.actor,
    action: 'determination.recorded',
    subject: `determination:${record.id}`,
    details: {
      subjectKind: record.subjectKind, subjectId: record.subjectId, ruleSetVersion: record.ruleSetVersion, listVersions: { ...record.listVersions }, asOf: record.asOf,
      // Ties the stored record into the chain: an edit to its inputs or outputs no longer matches this hash.
      contentHash: determinationContentHash(record),
    },
  })));
  return out;
}

function first1(records: readonly DeterminationRecord[]): DeterminationRecord {
  const record = records[0];
  if (record === undefined) throw new Error('recordAll returned nothing for one input');
  return record;
}

function filters(query: Omit<DeterminationQuery, 'limit' | 'after'>): Conditions {
  return new Conditions().add('subject_kind = ?', query.subjectKind).add('subject_id = ?', query.subjectId);
}

export async function getDetermination(db: SqlExecutor, id: string): Promise<DeterminationRecord | null> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM determinations WHERE id = $1`, [id]);
  return rows[0] === undefined ? null : toDetermination(rows[0]);
}

function toDetermination(row: SqlRow): DeterminationRecord {
  return {
    id: str(row, 'id'),
    subjectKind: str(row, 'subject_kind'),
    subjectId: optStr(row, 'subject_id'),
    inputs: jsonObject(row, 'inputs'),
    outputs: jsonObject(row, 'outputs'),
    ruleSetVersion: str(row, 'rule_set_version'),
    listVersions: listVersions(jsonObject(row, 'list_versions')),
    asOf: str(row, 'as_of'),
    actor: str(row, 'actor'),
    idempotencyKey: optStr(row, 'idempotency_key'),
    createdAt: instant(row, 'created_at'),
  };
}

function listVersions(value: { readonly [key: string]: unknown }): ListVersionsUsed {
  const out: Record<string, string> = {};
  for (const [list, version] of Object.entries(value)) if (typeof version === 'string') out[list] = version;
  return out;
}
