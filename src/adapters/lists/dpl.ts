/**
 * BIS Denied Persons List text file: a header line, then one tab-separated line per name and
 * address with every field double-quoted, each line ended by a line break. One denial order can
 * span several lines (one per address); they become one entry.
 */
import type { ListAddress, ListEntry } from '../../core/screening/types.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { countryCode } from './countries.ts';
import { decodeText, fileRecord, integrityError, type RawFile, uniq } from './raw-file.ts';

export const DPL_COLUMNS = [
  'Name', 'Street_Address', 'City', 'State', 'Country', 'Postal_Code', 'Effective_Date', 'Expiration_Date',
  'Standard_Order', 'Last_Update', 'Action', 'FR_Citation',
] as const;

export interface DplParseOptions {
  readonly publishedAt?: string | null;
  readonly publishedAtBasis?: string | null;
  readonly origin?: string;
}

/** Splits one line into its quoted fields; null when the line is not 12 quoted fields. */
function fields(line: string): string[] | null {
  const parts = line.split('\t');
  if (parts.length !== DPL_COLUMNS.length) return null;
  const out: string[] = [];
  for (const p of parts) {
    if (p.length < 2 || !p.startsWith('"') || !p.endsWith('"')) return null;
    out.push(p.slice(1, -1).trim());
  }
  return out;
}

/** MM/DD/YYYY → YYYY-MM-DD; other text is kept as written. */
function usDate(value: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  return m === null ? value : `${m[3]}-${m[1]}-${m[2]}`;
}

export function parseDpl(file: RawFile, options: DplParseOptions = {}): ListImport {
  const text = decodeText(file.bytes);
  if (!/\n$/.test(text)) {
    throw integrityError(file.name, [{ message: 'the last line has no closing line break: the file looks truncated' }]);
  }
  const lines = text.split(/\r?\n/);
  lines.pop();
  const header = fields(lines[0] ?? '');
  if (header === null || header.some((h, i) => h !== DPL_COLUMNS[i])) {
    throw integrityError(file.name, [{ line: 1, message: `the header is not the DPL header (${DPL_COLUMNS.join(', ')}, tab-separated and quoted)` }]);
  }
  const problems: { line: number; message: string }[] = [];
  interface Group {
    name: string;
    effective: string;
    rows: string[][];
  }
  const groups = new Map<string, Group>();
  let dataRows = 0;
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = fields(line);
    if (f === null) {
      problems.push({ line: i + 2, message: `expected ${DPL_COLUMNS.length} tab-separated quoted fields: the line is damaged or cut off` });
      return;
    }
    dataRows += 1;
    const name = f[0] ?? '';
    if (name === '') {
      problems.push({ line: i + 2, message: 'the Name field is empty' });
      return;
    }
    const effective = usDate(f[6] ?? '');
    const key = `${name}@${effective}`;
    const group = groups.get(key) ?? { name, effective, rows: [] };
    group.rows.push(f);
    groups.set(key, group);
  });
  if (problems.length > 0) throw integrityError(file.name, problems);

  const entries: ListEntry[] = [];
  for (const [key, g] of groups) {
    const first = g.rows[0] ?? [];
    const addresses: ListAddress[] = g.rows.flatMap((r) => {
      const [street, city, state, country, postal] = [r[1], r[2], r[3], r[4], r[5]];
      const textValue = [street, city, state, postal, country].filter((p) => p !== undefined && p !== '').join(', ');
      if (textValue === '') return [];
      const code = country === undefined ? undefined : countryCode(country);
      return [code === undefined ? { text: textValue } : { text: textValue, country: code }];
    });
    const fr = uniq(g.rows.map((r) => r[11] ?? '').filter((x) => x !== ''));
    const expiration = usDate(first[7] ?? '');
    const action = first[10] ?? '';
    entries.push({
      list: 'bis-denied',
      sourceId: key,
      name: g.name,
      aliases: [],
      type: 'unknown',
      countries: uniq(addresses.flatMap((a) => (a.country === undefined ? [] : [a.country]))),
      addresses,
      programs: [],
      ...(action === '' ? {} : { remarks: `${action}${first[8] === 'Y' ? '; standard order' : ''}` }),
      ...(fr.length === 0 ? {} : { federalRegisterNotice: fr.join('; ') }),
      ...(g.effective === '' ? {} : { startDate: g.effective }),
      ...(expiration === '' ? {} : { endDate: expiration }),
    });
  }
  return {
    source: 'bis-dpl',
    format: 'bis-dpl-txt',
    publishedAt: options.publishedAt ?? null,
    publishedAtBasis: options.publishedAtBasis ?? null,
    origin: options.origin ?? file.name,
    files: [fileRecord(file, dataRows)],
    entries,
    warnings: [],
  };
}
