import { ClearanceError } from '../../core/errors.ts';
import type { ListEntry } from '../../core/screening/types.ts';
import {
  LIST_FORMATS, LIST_SOURCES, replacementIssues,
  type ActiveLists, type ImportOptions, type ImportOutcome, type ListFileRecord, type ListFormat, type ListImport,
  type ListSource, type ListStore, type ListVersion,
} from '../../ports/list-store.ts';
import { buildVersion, combinedSha256, EntryTally, mergeActive, versionId } from '../lists/version-meta.ts';
import { appendAudit } from './audit-log.ts';
import { entryFingerprint, entryFromJson, entryToJson } from './list-entry-json.ts';
import { jsonParam, num, optStr, str } from './rows.ts';
import type { SqlClient, SqlExecutor, SqlRow, SqlValue } from './sql-client.ts';

/** Arbitrary constant: one list import at a time across every process sharing the database. */
const LIST_IMPORT_LOCK = 748_210_533;
/** Rows per multi-row INSERT: 5 parameters each stays far below PostgreSQL's 65,535-parameter limit. */
const BATCH = 500;
const VERSION_COLUMNS = `id, source, format, published_at, published_at_basis, imported_at, origin, sha256, files,
  entry_count, counts_by_list, warnings`;

/**
 * The list-store port on SQL. An import runs in one transaction: the version row, every entry and the
 * move of the active pointer commit together, so a crash or a parser failure midway leaves no partial version.
 */
export class SqlListStore implements ListStore {
  constructor(private readonly db: SqlClient) {}

  async importVersion(input: ListImport, options: ImportOptions): Promise<ImportOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LIST_IMPORT_LOCK]);
        const previous = await activeOf(tx, input.source);
        const sha = combinedSha256(input.files);
        if (previous !== null && previous.sha256 === sha) return { kind: 'unchanged', version: previous };

        const id = versionId(options.now, input.source, sha);
        // The version row goes in first (entries reference it) with a placeholder count fixed below.
        await tx.query(
          `INSERT INTO list_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 1, '{}'::jsonb, $10::jsonb)`,
          [id, input.source, input.format, input.publishedAt, input.publishedAtBasis, options.now.toISOString(), input.origin, sha,
            jsonParam(input.files.map((f) => ({ ...f }))), jsonParam([...input.warnings])],
        );
        const tally = await insertEntries(tx, id, input.entries);
        const version = buildVersion(input, id, options.now, tally);
        if (previous !== null && options.allowShrink !== true) {
          const issues = replacementIssues(previous, version);
          if (issues.length > 0) {
            throw new ClearanceError('list_integrity', `refusing to replace the active ${input.source} list: ${issues.join('; ')}. Re-run with --allow-shrink if this is intended.`);
          }
        }
        await tx.query('UPDATE list_versions SET entry_count = $2, counts_by_list = $3::jsonb WHERE id = $1',
          [id, version.entryCount, jsonParam({ ...version.countsByList })]);
        await tx.query(
          `INSERT INTO list_active (source, version_id) VALUES ($1, $2)
           ON CONFLICT (source) DO UPDATE SET version_id = EXCLUDED.version_id, activated_at = now()`,
          [input.source, id],
        );
        await appendAudit(tx, {
          actor: 'system',
          action: 'list.imported',
          subject: `list-version:${id}`,
          details: { source: version.source, entryCount: version.entryCount, sha256: version.sha256, publishedAt: version.publishedAt, origin: version.origin, replaced: previous?.id ?? null },
        });
        return { kind: 'imported', version, replaced: previous };
      });
    } catch (error) {
      if (error instanceof ClearanceError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ClearanceError('list_integrity', `the ${input.source} import failed and nothing was changed: ${message}`, { cause: error });
    }
  }

  async active(): Promise<ActiveLists> {
    const versions = await this.activeVersions();
    const parts = await Promise.all(versions.map(async (version) => ({ version, entries: await readEntries(this.db, version.id) })));
    return { versions, entries: mergeActive(parts) };
  }

  async activeVersions(): Promise<readonly ListVersion[]> {
    const { rows } = await this.db.query(
      `SELECT ${prefixed('v')} FROM list_active a JOIN list_versions v ON v.id = a.version_id`,
    );
    const bySource = new Map(rows.map((r) => [str(r, 'source'), toVersion(r)]));
    return LIST_SOURCES.flatMap((s) => {
      const v = bySource.get(s);
      return v === undefined ? [] : [v];
    });
  }

  async listVersions(): Promise<readonly ListVersion[]> {
    const { rows } = await this.db.query(`SELECT ${VERSION_COLUMNS} FROM list_versions ORDER BY seq`);
    return rows.map(toVersion);
  }

  async getVersion(id: string): Promise<ListVersion | null> {
    const { rows } = await this.db.query(`SELECT ${VERSION_COLUMNS} FROM list_versions WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toVersion(rows[0]);
  }

  async versionEntries(id: string): Promise<readonly ListEntry[] | null> {
    return (await this.getVersion(id)) === null ? null : readEntries(this.db, id);
  }
}

async function insertEntries(tx: SqlExecutor, id: string, entries: Iterable<ListEntry>): Promise<EntryTally> {
  const tally = new EntryTally();
  let batch: SqlValue[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch.length / 6;
    const placeholders = Array.from({ length: rows }, (_, r) => {
      const b = r * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6})`;
    });
    await tx.query(`INSERT INTO list_entries (version_id, position, list, source_id, entry, fingerprint) VALUES ${placeholders.join(', ')}`, batch);
    batch = [];
  };
  for (const entry of entries) {
    const position = tally.total;
    tally.add(entry);
    const json = entryToJson(entry);
    batch.push(id, position, entry.list, entry.sourceId, jsonParam(json), entryFingerprint(entry));
    if (batch.length >= BATCH * 6) await flush();
  }
  await flush();
  return tally;
}

async function readEntries(db: SqlExecutor, versionId: string): Promise<ListEntry[]> {
  const { rows } = await db.query('SELECT entry FROM list_entries WHERE version_id = $1 ORDER BY position', [versionId]);
  return rows.map((r) => entryFromJson(typeof r['entry'] === 'string' ? JSON.parse(r['entry']) : r['entry']));
}

async function activeOf(db: SqlExecutor, source: ListSource): Promise<ListVersion | null> {
  const { rows } = await db.query(
    `SELECT ${prefixed('v')} FROM list_active a JOIN list_versions v ON v.id = a.version_id WHERE a.source = $1`,
    [source],
  );
  return rows[0] === undefined ? null : toVersion(rows[0]);
}

function prefixed(alias: string): string {
  return VERSION_COLUMNS.split(',').map((c) => `${alias}.${c.trim()}`).join(', ');
}

function toVersion(row: SqlRow): ListVersion {
  const source = LIST_SOURCES.find((s) => s === row['source']);
  const format = LIST_FORMATS.find((f): f is ListFormat => f === row['format']);
  if (source === undefined || format === undefined) throw new Error(`list version ${String(row['id'])}: unknown source or format`);
  return {
    id: str(row, 'id'),
    source,
    format,
    publishedAt: optStr(row, 'published_at'),
    publishedAtBasis: optStr(row, 'published_at_basis'),
    importedAt: str(row, 'imported_at'),
    origin: str(row, 'origin'),
    sha256: str(row, 'sha256'),
    files: fileRecords(row['files']),
    entryCount: num(row, 'entry_count'),
    countsByList: counts(row['counts_by_list']),
    warnings: strings(row['warnings']),
  };
}

function parsed(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

function fileRecords(value: unknown): ListFileRecord[] {
  const v = parsed(value);
  if (!Array.isArray(v)) throw new Error('list version: files is not a list');
  return v.map((f: unknown) => {
    if (typeof f !== 'object' || f === null) throw new Error('list version: bad file record');
    const m = new Map(Object.entries(f));
    const name = m.get('name'), sha256 = m.get('sha256'), bytes = m.get('bytes'), rows = m.get('rows');
    if (typeof name !== 'string' || typeof sha256 !== 'string' || typeof bytes !== 'number' || typeof rows !== 'number') {
      throw new Error('list version: bad file record');
    }
    return { name, sha256, bytes, rows };
  });
}

function counts(value: unknown): ListVersion['countsByList'] {
  const v = parsed(value);
  if (typeof v !== 'object' || v === null) throw new Error('list version: counts is not an object');
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
  // jsonb does not keep key order; the port promises sorted keys.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function strings(value: unknown): string[] {
  const v = parsed(value);
  if (!Array.isArray(v)) throw new Error('list version: warnings is not a list');
  return v.filter((s): s is string => typeof s === 'string');
}
