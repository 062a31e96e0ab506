/**
 * The customer's own watch list as CSV (UTF-8, header row, comma-separated, RFC 4180 quoting):
 *
 *   id        required, unique: your reference for the party
 *   name      required: the name to screen against
 *   aliases   optional: other names, separated by ";"
 *   type      optional: individual | entity | vessel | aircraft (blank: unknown)
 *   countries optional: ISO 3166-1 alpha-2 codes, separated by ";" ("country" is accepted too)
 *   address   optional: free text
 *   reason    optional: why the party is on the list (shown with every match)
 *   added     optional: YYYY-MM-DD
 *   expires   optional: YYYY-MM-DD; the entry stays listed, the date is shown
 *
 * Every problem is reported with its line (as invalid_input: the file is the user's own), and
 * nothing is imported until the whole file is clean.
 */
import { parseIsoDate } from '../../core/calendar/iso-date.ts';
import type { ListEntry, PartyType } from '../../core/screening/types.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { isCountryCode } from './countries.ts';
import { parseCsvRows } from './csv-rows.ts';
import { decodeText, fileRecord, integrityError, type RawFile, splitList } from './raw-file.ts';

export const INTERNAL_COLUMNS = ['id', 'name', 'aliases', 'type', 'countries', 'address', 'reason', 'added', 'expires'] as const;
type InternalColumn = (typeof INTERNAL_COLUMNS)[number];
const COLUMN_ALIASES: Readonly<Record<string, InternalColumn>> = { country: 'countries', alias: 'aliases', remarks: 'reason' };
const TYPES: readonly PartyType[] = ['individual', 'entity', 'vessel', 'aircraft'];

export interface InternalParseOptions {
  readonly publishedAt?: string | null;
  readonly publishedAtBasis?: string | null;
  readonly origin?: string;
}

/** Whether a header row looks like an internal list (has id and name, no CSL `source` column). */
export function looksLikeInternalHeader(header: readonly string[]): boolean {
  const cols = header.map((h) => h.trim().toLowerCase());
  return cols.includes('id') && cols.includes('name') && !cols.includes('source');
}

export function parseInternalList(file: RawFile, options: InternalParseOptions = {}): ListImport {
  const rows = parseCsvRows(file.name, decodeText(file.bytes));
  const header = rows[0];
  if (header === undefined) throw integrityError(file.name, [{ message: 'the file is empty; expected a header row with at least id,name' }], 'invalid_input');
  const columns = header.map((h) => {
    const c = h.trim().toLowerCase();
    return COLUMN_ALIASES[c] ?? c;
  });
  const problems: { line?: number; message: string }[] = [];
  const unknown = columns.filter((c) => !(INTERNAL_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) problems.push({ line: 1, message: `unknown column(s) ${unknown.join(', ')}; accepted: ${INTERNAL_COLUMNS.join(', ')}` });
  for (const required of ['id', 'name'] as const) {
    if (!columns.includes(required)) problems.push({ line: 1, message: `the header lacks the required column "${required}"` });
  }
  if (problems.length > 0) throw integrityError(file.name, problems, 'invalid_input');

  const at = (row: readonly string[], column: InternalColumn): string => {
    const i = columns.indexOf(column);
    return i === -1 ? '' : (row[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const entries: ListEntry[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const id = at(row, 'id');
    const name = at(row, 'name');
    if (id === '') problems.push({ line, message: 'id is empty' });
    if (name === '') problems.push({ line, message: 'name is empty' });
    const firstLine = seen.get(id);
    if (id !== '' && firstLine !== undefined) problems.push({ line, message: `id "${id}" already used on line ${firstLine}` });
    seen.set(id, line);
    const typeText = at(row, 'type').toLowerCase();
    const type = TYPES.find((t) => t === typeText);
    if (typeText !== '' && type === undefined) problems.push({ line, message: `type "${typeText}" is not one of ${TYPES.join(', ')}` });
    const countries = splitList(at(row, 'countries')).map((c) => c.toUpperCase());
    for (const c of countries) if (!isCountryCode(c)) problems.push({ line, message: `"${c}" is not an ISO 3166-1 alpha-2 country code` });
    const dates: Partial<Record<'startDate' | 'endDate', string>> = {};
    for (const [column, key] of [['added', 'startDate'], ['expires', 'endDate']] as const) {
      const value = at(row, column);
      if (value === '') continue;
      const parsed = parseIsoDate(value, column);
      if (parsed.ok) dates[key] = parsed.value;
      else problems.push({ line, message: `${column}: ${parsed.error.message} (accepted: YYYY-MM-DD)` });
    }
    const address = at(row, 'address');
    const reason = at(row, 'reason');
    entries.push({
      list: 'internal',
      sourceId: id,
      name,
      aliases: splitList(at(row, 'aliases')).filter((a) => a !== name),
      type: type ?? 'unknown',
      countries,
      addresses: address === '' ? [] : [countries.length === 1 && countries[0] !== undefined ? { text: address, country: countries[0] } : { text: address }],
      programs: [],
      ...(reason === '' ? {} : { remarks: reason }),
      ...dates,
    });
  });
  if (problems.length > 0) throw integrityError(file.name, problems, 'invalid_input');
  return {
    source: 'internal',
    format: 'internal-csv',
    publishedAt: options.publishedAt ?? null,
    publishedAtBasis: options.publishedAtBasis ?? null,
    origin: options.origin ?? file.name,
    files: [fileRecord(file, rows.length - 1)],
    entries,
    warnings: [],
  };
}
