import { ClearanceError, type FieldIssue } from '../../core/errors.ts';
import type { ListFileRecord } from '../../ports/list-store.ts';
import { sha256Hex } from './version-meta.ts';

/** One file as received (from disk, a download or an upload), before parsing. */
export interface RawFile {
  /** Base name, e.g. "sdn.csv"; detection looks at it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function fileRecord(file: RawFile, rows: number): ListFileRecord {
  return { name: file.name, sha256: sha256Hex(file.bytes), bytes: file.bytes.byteLength, rows };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin = new TextDecoder('windows-1252');

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252 (older OFAC files). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin.decode(bytes);
  }
}

/** A list file that fails its structural checks: the message says which file, where and why. */
export function integrityError(
  file: string,
  problems: readonly { readonly line?: number; readonly message: string }[],
  code: 'list_integrity' | 'invalid_input' = 'list_integrity',
): ClearanceError {
  const issues: FieldIssue[] = problems.slice(0, 20).map((p) => ({
    code,
    field: p.line === undefined ? file : `${file}:${p.line}`,
    message: p.message,
  }));
  if (problems.length > 20) issues.push({ code, field: file, message: `… and ${problems.length - 20} more problems` });
  return ClearanceError.fromIssues(issues);
}

/** Splits a multi-valued cell ("a; b; c") into trimmed, non-empty, de-duplicated values. */
export function splitList(value: string | undefined, separator: string | RegExp = ';'): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  for (const part of value.split(separator)) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

export function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
