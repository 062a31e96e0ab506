/**
 * trade.gov's Consolidated Screening List, as the CSV download (29 columns, multi-valued cells
 * joined with "; ") and as the JSON download (`{results: [...]}`, arrays for multi-valued fields).
 */
import { z } from 'zod';
import { ClearanceError } from '../../core/errors.ts';
import { birthYearsIn } from '../../core/screening/birth-years.ts';
import type { ListAddress, ListEntry, PartyType } from '../../core/screening/types.ts';
import type { ListImport } from '../../ports/list-store.ts';
import { countryCode } from './countries.ts';
import { parseCsvRows } from './csv-rows.ts';
import { listCodeForCslSource } from './list-codes.ts';
import { decodeText, fileRecord, integrityError, type RawFile, splitList, uniq } from './raw-file.ts';

export const CSL_COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses', 'federal_register_notice',
  'start_date', 'end_date', 'standard_order', 'license_requirement', 'license_policy', 'call_sign', 'vessel_type',
  'gross_tonnage', 'gross_registered_tonnage', 'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url',
  'alt_names', 'citizenships', 'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;

/** Columns without which a row cannot become an entry; the rest may be absent from a header. */
const REQUIRED_COLUMNS = ['source', 'name'] as const;

export interface CslParseOptions {
  readonly publishedAt?: string | null;
  readonly publishedAtBasis?: string | null;
  readonly origin?: string;
}

/** The CSL's uniform record, whichever download it came from. */
interface CslRecord {
  readonly id: string;
  readonly source: string;
  readonly entityNumber: string;
  readonly type: string;
  readonly programs: readonly string[];
  readonly name: string;
  readonly addresses: readonly ListAddress[];
  readonly federalRegisterNotice: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly licenseRequirement: string;
  readonly licensePolicy: string;
  readonly remarks: string;
  readonly sourceListUrl: string;
  readonly altNames: readonly string[];
  readonly countriesOfPerson: readonly string[];
  readonly datesOfBirth: string;
  readonly vesselFlag: string;
}

const SUCCESSOR_CLAUSE = /;?\s*and any successors?,? sub-units?,? or subsidiar(?:y|ies) thereof\.?$/i;

function partyType(value: string): PartyType {
  switch (value.trim().toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'entity':
      return 'entity';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return 'unknown';
  }
}

/** "street, city, state, postal, CC": the CSV puts the ISO code last. */
function csvAddress(raw: string): ListAddress {
  const text = withoutLeadingAnd(raw);
  const last = text.split(',').pop()?.trim() ?? '';
  const code = /^[A-Z]{2}$/.test(last) ? last : countryCode(last);
  return code === undefined ? { text } : { text, country: code };
}

/** Entity List cells read "a; b; and c": the last item keeps its "and". */
function withoutLeadingAnd(value: string): string {
  return value.replace(/^and\s+/i, '');
}

function toEntry(r: CslRecord, where: string): ListEntry {
  const list = listCodeForCslSource(r.source);
  if (list === undefined) {
    throw new ClearanceError('list_integrity', `${where}: unknown CSL source "${r.source}"; the import stops rather than drop a list silently`);
  }
  const sourceId = r.entityNumber !== '' ? r.entityNumber : r.id;
  if (sourceId === '') throw new ClearanceError('list_integrity', `${where}: the record "${r.name}" has neither _id nor entity_number`);
  const stripped = r.name.replace(SUCCESSOR_CLAUSE, '').trim();
  const aliases = uniq([...(stripped !== r.name && stripped !== '' ? [stripped] : []), ...r.altNames.map(withoutLeadingAnd)]).filter((a) => a !== r.name && a !== '');
  const flag = r.vesselFlag === '' ? undefined : countryCode(r.vesselFlag);
  const countries = uniq([
    ...r.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country])),
    ...r.countriesOfPerson.flatMap((c) => {
      const code = countryCode(c);
      return code === undefined ? [] : [code];
    }),
    ...(flag === undefined ? [] : [flag]),
  ]);
  const birthYears = birthYearsIn(r.datesOfBirth);
  type OptionalText = 'remarks' | 'licenseRequirement' | 'licensePolicy' | 'federalRegisterNotice' | 'startDate' | 'endDate' | 'sourceUrl';
  const optional = (key: OptionalText, value: string): Partial<Record<OptionalText, string>> => (value.trim() === '' ? {} : { [key]: value.trim() });
  return {
    list,
    sourceId,
    name: r.name,
    aliases,
    type: partyType(r.type),
    countries,
    addresses: r.addresses,
    programs: [...r.programs],
    ...(birthYears.length === 0 ? {} : { birthYears }),
    ...optional('remarks', r.remarks),
    ...optional('licenseRequirement', r.licenseRequirement),
    ...optional('licensePolicy', r.licensePolicy),
    ...optional('federalRegisterNotice', r.federalRegisterNotice),
    ...optional('startDate', r.startDate),
    ...optional('endDate', r.endDate),
    ...optional('sourceUrl', r.sourceListUrl),
  };
}

export function parseCslCsv(file: RawFile, options: CslParseOptions = {}): ListImport {
  const rows = parseCsvRows(file.name, decodeText(file.bytes));
  const header = rows[0];
  if (header === undefined) throw integrityError(file.name, [{ message: 'the file is empty' }]);
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw integrityError(file.name, [{ line: 1, message: `the header lacks ${missing.join(', ')}; a CSL CSV header has ${CSL_COLUMNS.join(',')}` }]);
  }
  const cell = (row: readonly string[], column: (typeof CSL_COLUMNS)[number]): string => {
    const i = index.get(column);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const warnings: string[] = [];
  const problems: { line: number; message: string }[] = [];
  const entries: ListEntry[] = [];
  let dataRows = 0;
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((v, j) => v.trim() === (header[j] ?? '').trim())) {
      warnings.push(`line ${line} repeats the header; skipped`);
      return;
    }
    dataRows += 1;
    const source = cell(row, 'source');
    const name = cell(row, 'name');
    if (source === '' || name === '') {
      problems.push({ line, message: `the record lacks ${source === '' ? 'source' : 'name'}: a required column is empty (truncated or damaged row)` });
      return;
    }
    try {
      entries.push(
        toEntry(
          {
            id: cell(row, '_id'),
            source,
            entityNumber: cell(row, 'entity_number'),
            type: cell(row, 'type'),
            programs: splitList(cell(row, 'programs')),
            name,
            addresses: splitList(cell(row, 'addresses')).map(csvAddress),
            federalRegisterNotice: cell(row, 'federal_register_notice'),
            startDate: cell(row, 'start_date'),
            endDate: cell(row, 'end_date'),
            licenseRequirement: cell(row, 'license_requirement'),
            licensePolicy: cell(row, 'license_policy'),
            remarks: cell(row, 'remarks'),
            sourceListUrl: cell(row, 'source_list_url'),
            altNames: splitList(cell(row, 'alt_names')),
            countriesOfPerson: [...splitList(cell(row, 'citizenships')), ...splitList(cell(row, 'nationalities'))],
            datesOfBirth: cell(row, 'dates_of_birth'),
            vesselFlag: cell(row, 'vessel_flag'),
          },
          `${file.name}:${line}`,
        ),
      );
    } catch (error) {
      if (!(error instanceof ClearanceError)) throw error;
      problems.push({ line, message: error.message });
    }
  });
  if (problems.length > 0) throw integrityError(file.name, problems);
  return {
    source: 'trade-csl',
    format: 'csl-csv',
    publishedAt: options.publishedAt ?? null,
    publishedAtBasis: options.publishedAtBasis ?? null,
    origin: options.origin ?? file.name,
    files: [fileRecord(file, dataRows)],
    entries,
    warnings,
  };
}

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v).trim()));
const textList = z
  .union([z.array(z.union([z.string(), z.number()]).nullable()), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : typeof v === 'string' ? splitList(v) : v.flatMap((x) => (x === null ? [] : [String(x).trim()])).filter((x) => x !== '')));
const jsonAddress = z.object({ address: text, city: text, state: text, postal_code: text, country: text }).partial();
const jsonRecord = z.looseObject({
  id: text,
  _id: text,
  source: text,
  entity_number: text,
  type: text,
  programs: textList,
  name: text,
  addresses: z.union([z.array(jsonAddress), z.string()]).nullish(),
  federal_register_notice: text,
  start_date: text,
  end_date: text,
  license_requirement: text,
  license_policy: text,
  remarks: text,
  source_list_url: text,
  alt_names: textList,
  citizenships: textList,
  nationalities: textList,
  dates_of_birth: textList,
  vessel_flag: text,
});
const jsonDocument = z.union([
  z.looseObject({ results: z.array(z.unknown()), total: z.number().optional() }),
  z.array(z.unknown()),
]);

export function parseCslJson(file: RawFile, options: CslParseOptions = {}): ListImport {
  let document: unknown;
  try {
    document = JSON.parse(decodeText(file.bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw integrityError(file.name, [{ message: `not valid JSON (${reason}); a cut-off download looks like this` }]);
  }
  const top = jsonDocument.safeParse(document);
  if (!top.success) throw integrityError(file.name, [{ message: 'expected a JSON array of records or an object with a "results" array' }]);
  const results = Array.isArray(top.data) ? top.data : top.data.results;
  const total = Array.isArray(top.data) ? undefined : top.data.total;
  if (total !== undefined && total !== results.length) {
    throw integrityError(file.name, [{ message: `the file says total ${total} but holds ${results.length} records: it is incomplete` }]);
  }
  const problems: { line: number; message: string }[] = [];
  const entries: ListEntry[] = [];
  results.forEach((raw, i) => {
    const parsed = jsonRecord.safeParse(raw);
    if (!parsed.success || parsed.data.name === '' || parsed.data.source === '') {
      problems.push({ line: i + 1, message: `record ${i + 1} lacks a name or source` });
      return;
    }
    const r = parsed.data;
    const addresses: ListAddress[] =
      typeof r.addresses === 'string'
        ? splitList(r.addresses).map(csvAddress)
        : (r.addresses ?? []).flatMap((a) => {
            const textValue = [a.address, a.city, a.state, a.postal_code, a.country].filter((p) => p !== undefined && p !== '').join(', ');
            if (textValue === '') return [];
            const code = a.country === undefined || a.country === '' ? undefined : countryCode(a.country);
            return [code === undefined ? { text: textValue } : { text: textValue, country: code }];
          });
    try {
      entries.push(
        toEntry(
          {
            id: r.id !== '' ? r.id : r._id,
            source: r.source,
            entityNumber: r.entity_number,
            type: r.type,
            programs: r.programs,
            name: r.name,
            addresses,
            federalRegisterNotice: r.federal_register_notice,
            startDate: r.start_date,
            endDate: r.end_date,
            licenseRequirement: r.license_requirement,
            licensePolicy: r.license_policy,
            remarks: r.remarks,
            sourceListUrl: r.source_list_url,
            altNames: r.alt_names,
            countriesOfPerson: [...r.citizenships, ...r.nationalities],
            datesOfBirth: r.dates_of_birth.join('; '),
            vesselFlag: r.vessel_flag,
          },
          `${file.name} record ${i + 1}`,
        ),
      );
    } catch (error) {
      if (!(error instanceof ClearanceError)) throw error;
      problems.push({ line: i + 1, message: error.message });
    }
  });
  if (problems.length > 0) throw integrityError(file.name, problems);
  return {
    source: 'trade-csl',
    format: 'csl-json',
    publishedAt: options.publishedAt ?? null,
    publishedAtBasis: options.publishedAtBasis ?? null,
    origin: options.origin ?? file.name,
    files: [fileRecord(file, results.length)],
    entries,
    warnings: [],
  };
}
