import { CsvError, parse } from 'csv-parse/sync';
import { integrityError } from './raw-file.ts';

export interface CsvOptions {
  readonly delimiter?: string;
  /** Exact number of fields every record must have; checked by csv-parse. */
  readonly columns?: number;
}

/**
 * Parses CSV text strictly: an unclosed quote or a record with the wrong number of fields —
 * what a cut-off download produces — fails with the file name and line.
 */
export function parseCsvRows(file: string, text: string, options: CsvOptions = {}): string[][] {
  try {
    const rows: string[][] = parse(text, {
      delimiter: options.delimiter ?? ',',
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
    if (options.columns !== undefined) {
      const bad = rows.findIndex((r) => r.length !== options.columns);
      if (bad !== -1) throw integrityError(file, [{ line: bad + 1, message: `record ${bad + 1} has ${rows[bad]?.length} fields; this file's records have ${options.columns}` }]);
    }
    return rows;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw integrityError(file, [{ ...(line === undefined ? {} : { line }), message: describeCsvError(error) }]);
    }
    throw error;
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: the file looks truncated';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `a record has the wrong number of fields (${error.message}); the file looks truncated or damaged`;
    default:
      return `not valid CSV: ${error.message}`;
  }
}
