import { createReadStream } from 'node:fs';
import { parse, type Info } from 'csv-parse';
import { ClearanceError } from '../../core/errors.ts';
import { parseOrderLine, REQUIRED_COLUMNS, type LineError, type ParseOptions } from '../../core/determination/parse-order-line.ts';
import type { OrderLine } from '../../core/determination/types.ts';

export type BookEvent =
  | { readonly kind: 'header'; readonly columns: readonly string[] }
  | { readonly kind: 'line'; readonly line: OrderLine; readonly raw: Readonly<Record<string, string>> }
  | { readonly kind: 'error'; readonly error: LineError; readonly raw: Readonly<Record<string, string>> | null };

export interface ReadOptions extends ParseOptions {
  /** Called with the bytes read so far, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

/**
 * Streams an order book: one record at a time through csv-parse, so a million-line file is never held in
 * memory; async iteration gives backpressure for free (the file is read only as fast as lines are consumed).
 * Malformed CSV records (bad quoting, wrong column count) become line errors and the rest is still read.
 */
export async function* readOrderBook(path: string, options: ReadOptions = {}): AsyncGenerator<BookEvent> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (options.onBytes !== undefined) {
    const report = options.onBytes;
    input.on('data', () => report(input.bytesRead));
  }
  const skipped: LineError[] = [];
  let columns: string[] | null = null;
  let headerSent = false;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => (columns = checkHeader(header)),
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  parser.on('skip', (e: Error & { lines?: number }) => {
    skipped.push({ lineNumber: e.lines ?? 0, orderId: null, issues: [{ code: 'invalid_input', field: 'record', message: `malformed CSV record: ${e.message}` }] });
  });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (e) => reject(e));
  });
  try {
    await opened;
  } catch (e) {
    throw new ClearanceError('not_found', `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, { field: 'file' });
  }
  const parseOptions: ParseOptions = options.latestDate === undefined ? {} : { latestDate: options.latestDate };
  for await (const chunk of input.pipe(parser) as AsyncIterable<{ record: Record<string, string>; info: Info }>) {
    if (!headerSent && columns !== null) {
      headerSent = true;
      yield { kind: 'header', columns };
    }
    // Keep file order: a skipped (malformed) record is reported where it sits, not when the parser saw it.
    while (skipped.length > 0 && skipped[0]!.lineNumber < chunk.info.lines) yield { kind: 'error', error: skipped.shift()!, raw: null };
    const r = parseOrderLine(chunk.record, chunk.info.lines, parseOptions);
    yield r.ok ? { kind: 'line', line: r.value, raw: chunk.record } : { kind: 'error', error: r.error, raw: chunk.record };
  }
  if (!headerSent && columns !== null) yield { kind: 'header', columns };
  while (skipped.length > 0) yield { kind: 'error', error: skipped.shift()!, raw: null };
}

function checkHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ClearanceError(
      'invalid_input',
      `the header row lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      { field: 'header', issues: missing.map((m) => ({ code: 'invalid_input' as const, field: m, message: 'required column missing from the header row', accepted: REQUIRED_COLUMNS.join(', ') })) },
    );
  }
  return names;
}
