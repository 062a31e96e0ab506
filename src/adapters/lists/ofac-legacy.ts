/**
 * OFAC's legacy CSV file sets: the SDN list (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and the
 * consolidated non-SDN list (cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv).
 * No header; `-0- ` is null; every official file ends with an 0x1A (Ctrl-Z) byte after its last
 * line, so a file without it was cut off.
 */
import { birthYearsInRemarks } from '../../core/screening/birth-years.ts';
import type { ListAddress, ListCode, ListEntry, PartyType } from '../../core/screening/types.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { countryCode } from './countries.ts';
import { parseCsvRows } from './csv-rows.ts';
import { listCodeForOfacConsolidated } from './list-codes.ts';
import { decodeText, fileRecord, integrityError, type RawFile, uniq } from './raw-file.ts';

export type OfacSet = 'sdn' | 'cons';

export interface OfacFiles {
  readonly set: OfacSet;
  readonly primary: RawFile;
  readonly addresses?: RawFile;
  readonly aliases?: RawFile;
  readonly comments?: RawFile;
}

export interface OfacParseOptions {
  /** Accept files without the closing 0x1A byte (e.g. re-saved by an editor). Off by default. */
  readonly allowMissingTrailer?: boolean;
  readonly publishedAt?: string | null;
  readonly publishedAtBasis?: string | null;
  readonly origin?: string;
}

/** File names per set, in the order OFAC documents them. */
export const OFAC_FILE_NAMES: Readonly<Record<OfacSet, { primary: string; addresses: string; aliases: string; comments: string }>> = {
  sdn: { primary: 'sdn.csv', addresses: 'add.csv', aliases: 'alt.csv', comments: 'sdn_comments.csv' },
  cons: { primary: 'cons_prim.csv', addresses: 'cons_add.csv', aliases: 'cons_alt.csv', comments: 'cons_comments.csv' },
};

const EOF_MARK = '\u001a';

function nullable(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  return t === '' || t === '-0-' ? undefined : t;
}

/**
 * `lenientTrailer`: the small comments file of the July 2021 set ends with a line break but no
 * 0x1A, so there a complete last line is accepted with a warning.
 */
function readRows(file: RawFile, columns: number, options: OfacParseOptions, warnings: string[], lenientTrailer = false): string[][] {
  let text = decodeText(file.bytes);
  const trimmed = text.replace(/[\r\n]+$/, '');
  if (trimmed.endsWith(EOF_MARK)) {
    text = trimmed.slice(0, -1);
  } else if (lenientTrailer && /\r?\n$/.test(text)) {
    warnings.push(`${file.name} has no closing 0x1A byte; accepted because its last line is complete`);
  } else if (options.allowMissingTrailer !== true) {
    throw integrityError(file.name, [
      { message: 'the closing 0x1A byte that ends every official OFAC CSV file is missing: the file looks truncated (pass --allow-missing-trailer if it was re-saved on purpose)' },
    ]);
  }
  return parseCsvRows(file.name, text, { columns });
}

function partyType(value: string | undefined): PartyType {
  switch (nullable(value)?.toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case undefined:
      return 'entity';
    default:
      return 'unknown';
  }
}

/** "SDGT] [IRGC" → ["SDGT", "IRGC"]. */
function programs(value: string | undefined): string[] {
  const v = nullable(value);
  if (v === undefined) return [];
  return uniq(v.replace(/^\[|\]$/g, '').split(/\]\s*\[/).map((p) => p.trim()).filter((p) => p !== ''));
}

const WEAK_AKA = /\b(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'([^']+)'/gi;
const NATIONALITY = /\b(?:nationality|citizen)\s+([A-Za-z][A-Za-z ,.'-]*?)(?=;|\.\s|\.$|$|\s+\()/gi;

/** Weak AKAs live only in Remarks ("a.k.a. 'BNC'"); users asked for them to be searched too. */
export function remarkAliases(remarks: string | undefined): string[] {
  if (remarks === undefined) return [];
  return [...remarks.matchAll(WEAK_AKA)].map((m) => (m[1] ?? '').trim()).filter((s) => s !== '');
}

function birthYearsOf(remarks: string | undefined): { birthYears?: number[] } {
  const years = remarks === undefined ? [] : birthYearsInRemarks(remarks);
  return years.length === 0 ? {} : { birthYears: years };
}

function remarkCountries(remarks: string | undefined): string[] {
  if (remarks === undefined) return [];
  const out: string[] = [];
  for (const m of remarks.matchAll(NATIONALITY)) {
    const code = countryCode(m[1] ?? '');
    if (code !== undefined) out.push(code);
  }
  return out;
}

interface Draft {
  list: ListCode;
  sourceId: string;
  name: string;
  type: PartyType;
  programs: string[];
  remarks: string | undefined;
  vesselFlag: string | undefined;
  aliases: string[];
  addresses: ListAddress[];
}

export function parseOfacSet(files: OfacFiles, options: OfacParseOptions = {}): ListImport {
  const warnings: string[] = [];
  const records = [];

  const primaryRows = readRows(files.primary, 12, options, warnings);
  records.push(fileRecord(files.primary, primaryRows.length));
  const drafts = new Map<string, Draft>();
  const problems: { line: number; message: string }[] = [];
  primaryRows.forEach((row, i) => {
    const id = nullable(row[0]);
    const name = nullable(row[1]);
    if (id === undefined || !/^\d+$/.test(id) || name === undefined) {
      problems.push({ line: i + 1, message: `record ${i + 1} lacks an ent_num or a name` });
      return;
    }
    if (drafts.has(id)) problems.push({ line: i + 1, message: `ent_num ${id} appears twice` });
    const progs = programs(row[3]);
    drafts.set(id, {
      list: files.set === 'sdn' ? 'ofac-sdn' : listCodeForOfacConsolidated(progs),
      sourceId: id,
      name,
      type: partyType(row[2]),
      programs: progs,
      remarks: nullable(row[11]),
      vesselFlag: nullable(row[9]),
      aliases: [],
      addresses: [],
    });
  });
  if (problems.length > 0) throw integrityError(files.primary.name, problems);

  const orphans = { aliases: 0, addresses: 0, comments: 0 };
  if (files.comments !== undefined) {
    const rows = readRows(files.comments, 2, options, warnings, true);
    records.push(fileRecord(files.comments, rows.length));
    for (const [id, text] of rows) {
      const draft = drafts.get((id ?? '').trim());
      // the main file cuts long remarks; the comments file holds the rest, joined without a space
      if (draft === undefined) orphans.comments += 1;
      else if (text !== undefined) draft.remarks = (draft.remarks ?? '') + text;
    }
  }
  if (files.aliases !== undefined) {
    const rows = readRows(files.aliases, 5, options, warnings);
    records.push(fileRecord(files.aliases, rows.length));
    for (const row of rows) {
      const draft = drafts.get((row[0] ?? '').trim());
      const alias = nullable(row[3]);
      if (draft === undefined) orphans.aliases += 1;
      else if (alias !== undefined) draft.aliases.push(alias);
    }
  } else {
    warnings.push(`${OFAC_FILE_NAMES[files.set].aliases} not given: aliases are missing from this version`);
  }
  if (files.addresses !== undefined) {
    const rows = readRows(files.addresses, 6, options, warnings);
    records.push(fileRecord(files.addresses, rows.length));
    let highestWithAddress = -1;
    const withAddressRow = new Set<string>();
    for (const row of rows) {
      const id = (row[0] ?? '').trim();
      highestWithAddress = Math.max(highestWithAddress, Number(id) || -1);
      withAddressRow.add(id);
      const draft = drafts.get(id);
      if (draft === undefined) {
        orphans.addresses += 1;
        continue;
      }
      const country = nullable(row[4]);
      const text = [nullable(row[2]), nullable(row[3]), country].filter((p) => p !== undefined).join(', ');
      if (text === '') continue;
      const code = country === undefined ? undefined : countryCode(country);
      draft.addresses.push(code === undefined ? { text } : { text, country: code });
    }
    // OFAC writes at least one address row (possibly all -0-) for every record, in ent_num order:
    // records past the last address row mean the address file lost its tail.
    const tail = [...drafts.keys()].filter((id) => Number(id) > highestWithAddress && !withAddressRow.has(id));
    if (tail.length > 0) {
      throw integrityError(files.addresses.name, [
        { message: `${tail.length} records of ${files.primary.name} (ent_num ${tail[0]} and above) have no row here although OFAC writes one for every record: the file looks truncated` },
      ]);
    }
  } else {
    warnings.push(`${OFAC_FILE_NAMES[files.set].addresses} not given: addresses are missing from this version`);
  }
  for (const [kind, count] of Object.entries(orphans)) {
    if (count > 0) warnings.push(`${count} ${kind} rows name an ent_num that is not in ${files.primary.name} (files from different dates?); they were skipped`);
  }

  const entries: ListEntry[] = [];
  for (const d of drafts.values()) {
    const aliases = uniq([...d.aliases, ...remarkAliases(d.remarks)]).filter((a) => a !== d.name);
    const countries = uniq([
      ...d.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country])),
      ...remarkCountries(d.remarks),
      ...(d.vesselFlag === undefined ? [] : [countryCode(d.vesselFlag)].filter((c) => c !== undefined)),
    ]);
    entries.push({
      list: d.list,
      sourceId: d.sourceId,
      name: d.name,
      aliases,
      type: d.type,
      countries,
      addresses: d.addresses,
      programs: d.programs,
      ...birthYearsOf(d.remarks),
      ...(d.remarks === undefined ? {} : { remarks: d.remarks }),
    });
  }
  return {
    source: files.set === 'sdn' ? 'ofac-sdn' : 'ofac-consolidated',
    format: files.set === 'sdn' ? 'ofac-sdn-csv' : 'ofac-cons-csv',
    publishedAt: options.publishedAt ?? null,
    publishedAtBasis: options.publishedAtBasis ?? null,
    origin: options.origin ?? files.primary.name,
    files: records,
    entries,
    warnings,
  };
}
