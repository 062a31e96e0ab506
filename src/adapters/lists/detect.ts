/**
 * Recognises list files by name and content, groups OFAC file sets, and parses everything
 * into one ListImport per source. Works on bytes, so the CLI (files on disk), `lists update`
 * (downloads) and the HTTP API (uploads) share it.
 */
import { ClearanceError } from '../../core/errors.ts';
import type { ListFormat, ListImport } from '../../ports/list-store.ts';
import { parseCslCsv, parseCslJson } from './csl.ts';
import { parseDpl } from './dpl.ts';
import { looksLikeInternalHeader, parseInternalList } from './internal-list.ts';
import { OFAC_FILE_NAMES, parseOfacSet, type OfacSet } from './ofac-legacy.ts';
import { decodeText, type RawFile } from './raw-file.ts';

/** A file's role: a whole list by itself, or one part of an OFAC file set. */
export type FileRole =
  | { readonly kind: 'list'; readonly format: Exclude<ListFormat, 'ofac-sdn-csv' | 'ofac-cons-csv'> }
  | { readonly kind: 'ofac'; readonly set: OfacSet; readonly part: 'primary' | 'addresses' | 'aliases' | 'comments' }
  | { readonly kind: 'ignored'; readonly reason: string };

export interface ParseOptions {
  readonly publishedAt?: string | null;
  readonly publishedAtBasis?: string | null;
  readonly allowMissingTrailer?: boolean;
  /** Force a format for a single file instead of detecting it. */
  readonly format?: ListFormat;
}

const OFAC_BY_NAME = new Map<string, { set: OfacSet; part: 'primary' | 'addresses' | 'aliases' | 'comments' }>(
  (['sdn', 'cons'] as const).flatMap((set) =>
    (['primary', 'addresses', 'aliases', 'comments'] as const).map((part) => [OFAC_FILE_NAMES[set][part], { set, part }] as const),
  ),
);

/** The first line of a file, decoded; enough to sniff its layout. */
function head(bytes: Uint8Array): string {
  const text = decodeText(bytes.subarray(0, 4096));
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

export function detectRole(file: RawFile): FileRole {
  const name = file.name.toLowerCase();
  const ofac = OFAC_BY_NAME.get(name);
  if (ofac !== undefined) return { kind: 'ofac', ...ofac };
  if (/\.(md|txt\.sha256|sha256|pdf|html?)$/.test(name) || name.startsWith('.')) return { kind: 'ignored', reason: 'not a list file' };
  const first = head(file.bytes);
  if (first.startsWith('"Name"\t"Street_Address"')) return { kind: 'list', format: 'bis-dpl-txt' };
  if (/^\s*[[{]/.test(first)) return { kind: 'list', format: 'csl-json' };
  const columns = first.split(',').map((c) => c.replace(/^"|"$/g, '').trim().toLowerCase());
  if (columns.includes('source') && columns.includes('name') && (columns.includes('_id') || columns.includes('alt_names'))) return { kind: 'list', format: 'csl-csv' };
  if (looksLikeInternalHeader(columns)) return { kind: 'list', format: 'internal-csv' };
  if (/^\d+,"/.test(first)) {
    const fieldCount = first.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length;
    if (fieldCount === 12) return { kind: 'ofac', set: name.includes('cons') ? 'cons' : 'sdn', part: 'primary' };
  }
  return { kind: 'ignored', reason: 'format not recognised' };
}

export interface DetectedImports {
  readonly imports: readonly ListImport[];
  readonly ignored: readonly { readonly name: string; readonly reason: string }[];
}

/** Parses a set of files (one file, or a folder's files) into one import per source found. */
export function parseListFiles(files: readonly RawFile[], origin: string, options: ParseOptions = {}): DetectedImports {
  const dated = { publishedAt: options.publishedAt ?? null, publishedAtBasis: options.publishedAtBasis ?? null };
  const imports: ListImport[] = [];
  const ignored: { name: string; reason: string }[] = [];
  const sets: Record<OfacSet, Partial<Record<'primary' | 'addresses' | 'aliases' | 'comments', RawFile>>> = { sdn: {}, cons: {} };
  const seenFormats = new Set<ListFormat>();

  for (const file of files) {
    const role = forcedRole(file, options.format) ?? detectRole(file);
    if (role.kind === 'ignored') {
      ignored.push({ name: file.name, reason: role.reason });
      continue;
    }
    if (role.kind === 'ofac') {
      if (sets[role.set][role.part] !== undefined) throw new ClearanceError('invalid_input', `two files play the role of ${OFAC_FILE_NAMES[role.set][role.part]}`);
      sets[role.set][role.part] = file;
      continue;
    }
    if (seenFormats.has(role.format)) {
      throw new ClearanceError('invalid_input', `more than one ${role.format} file in ${origin}; import them one at a time`, { field: 'path' });
    }
    seenFormats.add(role.format);
    const common = { ...dated, origin: file.name };
    switch (role.format) {
      case 'csl-csv':
        imports.push(parseCslCsv(file, common));
        break;
      case 'csl-json':
        imports.push(parseCslJson(file, common));
        break;
      case 'bis-dpl-txt':
        imports.push(parseDpl(file, common));
        break;
      case 'internal-csv':
        imports.push(parseInternalList(file, common));
        break;
    }
  }
  for (const set of ['sdn', 'cons'] as const) {
    const parts = sets[set];
    if (Object.keys(parts).length === 0) continue;
    if (parts.primary === undefined) {
      throw new ClearanceError(
        'invalid_input',
        `found ${Object.values(parts).map((f) => f.name).join(', ')} but not ${OFAC_FILE_NAMES[set].primary}, which they belong to`,
        { field: 'path' },
      );
    }
    imports.push(
      parseOfacSet(
        {
          set,
          primary: parts.primary,
          ...(parts.addresses === undefined ? {} : { addresses: parts.addresses }),
          ...(parts.aliases === undefined ? {} : { aliases: parts.aliases }),
          ...(parts.comments === undefined ? {} : { comments: parts.comments }),
        },
        { ...dated, origin, ...(options.allowMissingTrailer === undefined ? {} : { allowMissingTrailer: options.allowMissingTrailer }) },
      ),
    );
  }
  return { imports, ignored };
}

function forcedRole(file: RawFile, format: ListFormat | undefined): FileRole | null {
  if (format === undefined) return null;
  if (format === 'ofac-sdn-csv' || format === 'ofac-cons-csv') {
    const set: OfacSet = format === 'ofac-sdn-csv' ? 'sdn' : 'cons';
    const byName = OFAC_BY_NAME.get(file.name.toLowerCase());
    return { kind: 'ofac', set, part: byName?.part ?? 'primary' };
  }
  return { kind: 'list', format };
}
