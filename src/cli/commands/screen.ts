import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ClearanceError, type FieldIssue } from '../../core/errors.ts';
import { birthYearOf } from '../../core/screening/birth-years.ts';
import { isStatedPartyType, STATED_PARTY_TYPES, type StatedPartyType } from '../../core/screening/party-type.ts';
import { DEFAULT_THRESHOLD } from '../../core/screening/threshold.ts';
import type { ScreeningMatch, ScreeningQuery, Screener } from '../../core/screening/types.ts';
import { dataDir } from '../../adapters/config/data-dir.ts';
import { isCountryCode } from '../../adapters/lists/countries.ts';
import { parseCsvRows } from '../../adapters/lists/csv-rows.ts';
import { loadActiveLists } from '../../adapters/lists/active-screener.ts';
import { decodeText } from '../../adapters/lists/raw-file.ts';
import { UsageError } from '../main.ts';
import { printJsonLine, renderTable } from '../output.ts';

interface ScreenCliOptions {
  file?: string;
  country?: string;
  address?: string;
  dob?: string;
  type?: string;
  threshold?: string;
  limit?: string;
  json?: boolean;
}

export interface Party {
  readonly id: string;
  readonly query: ScreeningQuery;
}

export function register(program: Command): void {
  program
    .command('screen')
    .argument('[name]', 'the party name to screen')
    .description('Screen a name, or a CSV of parties, against the active screening lists (see `clearance lists status`)')
    .option('--file <parties.csv>', 'screen every row of a CSV with columns id, name and optional country, address, dob, type')
    .option('--country <cc>', 'the party\'s country, ISO 3166-1 alpha-2 (supporting evidence)')
    .option('--address <text>', 'the party\'s address (supporting evidence)')
    .option('--dob <year>', 'a person\'s year or date of birth, YYYY or YYYY-MM-DD (supporting evidence)')
    .option('--type <type>', `what the party is: ${STATED_PARTY_TYPES.join(', ')} (a person against a listed company or ship scores lower)`)
    .option('--threshold <x>', `lowest score reported, 0–1 (default ${DEFAULT_THRESHOLD})`)
    .option('--limit <n>', 'most matches reported per party (default 10)', '10')
    .option('--json', 'print JSON Lines: {id, name, matches:[…]} per party')
    .action(async (name: string | undefined, options: ScreenCliOptions) => {
      const threshold = parseThreshold(options.threshold);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ClearanceError('invalid_input', `--limit ${options.limit} is not a whole number of at least 1`, { field: 'limit' });
      if (options.file !== undefined && name !== undefined) throw new UsageError('give either a NAME or --file PARTIES.csv, not both');
      if (options.file === undefined && (name === undefined || name.trim() === '')) throw new UsageError('give a NAME to screen, or --file PARTIES.csv');
      if (options.file !== undefined && (options.country !== undefined || options.address !== undefined || options.dob !== undefined || options.type !== undefined)) {
        throw new UsageError('--country, --address, --dob and --type apply to a single NAME; put them in the CSV columns for --file');
      }
      const parties = options.file !== undefined ? readParties(options.file) : [singleParty(name ?? '', options)];

      const loaded = await loadActiveLists(dataDir());
      if (loaded === null) {
        throw new ClearanceError('not_found', `no screening lists are loaded in ${dataDir()}; run \`clearance lists import PATH\` or \`clearance lists update\` first`);
      }
      const screenOptions = { threshold, limit };
      const single = options.file === undefined ? parties[0] : undefined;
      if (single !== undefined) {
        const party = single;
        const matches = loaded.screener.screen(party.query, screenOptions);
        if (options.json === true) printJsonLine(partyJson(party, matches));
        else process.stdout.write(renderSingle(party, matches, threshold, loaded.screener, loaded.versions.map((v) => v.id)));
        return;
      }
      screenBatch(parties, loaded.screener, screenOptions, options.json === true);
    });
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    throw ClearanceError.fromIssues([{ code: 'invalid_input', field: 'threshold', message: `"${value}" is not a score`, accepted: `a number from 0 to 1, e.g. ${DEFAULT_THRESHOLD}` }]);
  }
  return x;
}

function countryField(value: string, field: string): string {
  const cc = value.trim().toUpperCase();
  if (!isCountryCode(cc)) {
    throw ClearanceError.fromIssues([{ code: 'unknown_country', field, message: `"${value}" is not a country code`, accepted: 'ISO 3166-1 alpha-2, e.g. CN, HK, AE' }]);
  }
  return cc;
}

const DOB_ACCEPTED = 'a year or an ISO date of birth, e.g. 1971 or 1971-03-02';

function birthYearField(value: string, field: string): number {
  const year = birthYearOf(value);
  if (year === undefined) throw ClearanceError.fromIssues([{ code: 'invalid_input', field, message: `"${value}" is not a date of birth`, accepted: DOB_ACCEPTED }]);
  return year;
}

const TYPE_ACCEPTED = `one of ${STATED_PARTY_TYPES.join(', ')}`;

function partyTypeField(value: string, field: string): StatedPartyType {
  const type = value.trim().toLowerCase();
  if (!isStatedPartyType(type)) throw ClearanceError.fromIssues([{ code: 'invalid_input', field, message: `"${value}" is not a party type`, accepted: TYPE_ACCEPTED }]);
  return type;
}

function singleParty(name: string, options: ScreenCliOptions): Party {
  const country = options.country === undefined ? undefined : countryField(options.country, 'country');
  const address = options.address?.trim();
  const birthYear = options.dob === undefined ? undefined : birthYearField(options.dob, 'dob');
  const type = options.type === undefined ? undefined : partyTypeField(options.type, 'type');
  return {
    id: '1',
    query: {
      name: name.trim(),
      ...(country === undefined ? {} : { country }),
      ...(address === undefined || address === '' ? {} : { address }),
      ...(birthYear === undefined ? {} : { birthYear }),
      ...(type === undefined ? {} : { type }),
    },
  };
}

/** Reads and checks the whole CSV before screening anything: every problem is reported with its line. */
export function readParties(path: string): Party[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ClearanceError('invalid_input', `--file ${path}: file not found or unreadable`, { field: 'file' });
  }
  let rows: string[][];
  try {
    rows = parseCsvRows(path, decodeText(bytes));
  } catch (error) {
    if (error instanceof ClearanceError) throw ClearanceError.fromIssues(error.issues.map((i) => ({ ...i, code: 'invalid_input' as const })));
    throw error;
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const accepted = 'a header row with id, name and optional country, address, dob, type';
  const col = (c: string): number => header.indexOf(c);
  const issues: FieldIssue[] = [];
  for (const required of ['id', 'name']) if (col(required) === -1) issues.push({ code: 'invalid_input', field: `${path}:1`, message: `the header lacks "${required}"`, accepted });
  const unknown = header.filter((h) => !['id', 'name', 'country', 'address', 'dob', 'type'].includes(h));
  if (unknown.length > 0) issues.push({ code: 'invalid_input', field: `${path}:1`, message: `unknown column(s) ${unknown.join(', ')}`, accepted });
  if (issues.length > 0) throw ClearanceError.fromIssues(issues);

  const parties: Party[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = `${path}:${i + 2}`;
    const cell = (c: string): string => (col(c) === -1 ? '' : (row[col(c)] ?? '').trim());
    const id = cell('id');
    const name = cell('name');
    if (id === '') issues.push({ code: 'invalid_input', field: line, message: 'id is empty' });
    else if (seen.has(id)) issues.push({ code: 'invalid_input', field: line, message: `id "${id}" appears twice` });
    seen.add(id);
    if (name === '') issues.push({ code: 'invalid_input', field: line, message: 'name is empty' });
    const countryText = cell('country');
    let country: string | undefined;
    if (countryText !== '') {
      country = countryText.toUpperCase();
      if (!isCountryCode(country)) issues.push({ code: 'invalid_input', field: line, message: `country "${countryText}" is not a country code`, accepted: 'ISO 3166-1 alpha-2' });
    }
    const address = cell('address');
    const dobText = cell('dob');
    const birthYear = dobText === '' ? undefined : birthYearOf(dobText);
    if (dobText !== '' && birthYear === undefined) issues.push({ code: 'invalid_input', field: line, message: `dob "${dobText}" is not a date of birth`, accepted: DOB_ACCEPTED });
    const typeText = cell('type').toLowerCase();
    const type = isStatedPartyType(typeText) ? typeText : undefined;
    if (typeText !== '' && type === undefined) issues.push({ code: 'invalid_input', field: line, message: `type "${cell('type')}" is not a party type`, accepted: TYPE_ACCEPTED });
    parties.push({
      id,
      query: {
        name,
        ...(country === undefined ? {} : { country }),
        ...(address === '' ? {} : { address }),
        ...(birthYear === undefined ? {} : { birthYear }),
        ...(type === undefined ? {} : { type }),
      },
    });
  });
  if (issues.length > 0) throw ClearanceError.fromIssues(issues);
  if (parties.length === 0) throw new ClearanceError('invalid_input', `--file ${path} has a header but no parties`, { field: 'file' });
  return parties;
}

function screenBatch(parties: readonly Party[], screener: Screener, options: { threshold: number; limit: number }, json: boolean): void {
  const bar = process.stderr.isTTY === true ? new cliProgress.SingleBar({ stream: process.stderr, format: 'screening [{bar}] {value}/{total} parties, {percentage}% | {eta_formatted} left', etaBuffer: 200 }, cliProgress.Presets.shades_classic) : null;
  bar?.start(parties.length, 0);
  const hits: { party: Party; matches: readonly ScreeningMatch[] }[] = [];
  let tick = 0;
  for (const party of parties) {
    const matches = screener.screen(party.query, options);
    if (json) printJsonLine(partyJson(party, matches));
    else if (matches.length > 0) hits.push({ party, matches });
    tick += 1;
    if (bar !== null && (tick % 50 === 0 || tick === parties.length)) bar.update(tick);
  }
  bar?.stop();
  if (json) return;
  process.stdout.write(`${parties.length} parties screened at threshold ${options.threshold}; ${hits.length} with matches.\n`);
  if (hits.length === 0) return;
  process.stdout.write('\n');
  process.stdout.write(
    renderTable(
      ['id', 'name', 'score', 'list', 'sourceId', 'listed name', 'matched name'],
      hits.flatMap(({ party, matches }) => matches.map((m, k) => [k === 0 ? party.id : '', k === 0 ? party.query.name : '', m.score, m.list, m.sourceId, m.name, m.matchedName])),
    ),
  );
}

/** The JSON shape of one screened party; every match carries its explanation. */
export function partyJson(party: Party, matches: readonly ScreeningMatch[]): Record<string, unknown> {
  return {
    id: party.id,
    name: party.query.name,
    ...(party.query.country === undefined ? {} : { country: party.query.country }),
    ...(party.query.birthYear === undefined ? {} : { birthYear: party.query.birthYear }),
    ...(party.query.type === undefined ? {} : { type: party.query.type }),
    matches: matches.map((m) => ({
      list: m.list,
      sourceId: m.sourceId,
      name: m.name,
      matchedName: m.matchedName,
      score: round(m.score),
      explanation: m.explanation,
      entry: {
        type: m.entry.type,
        countries: m.entry.countries,
        programs: m.entry.programs,
        ...(m.entry.licenseRequirement === undefined ? {} : { licenseRequirement: m.entry.licenseRequirement }),
        ...(m.entry.licensePolicy === undefined ? {} : { licensePolicy: m.entry.licensePolicy }),
        ...(m.entry.federalRegisterNotice === undefined ? {} : { federalRegisterNotice: m.entry.federalRegisterNotice }),
        ...(m.entry.sourceUrl === undefined ? {} : { sourceUrl: m.entry.sourceUrl }),
      },
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function renderSingle(party: Party, matches: readonly ScreeningMatch[], threshold: number, screener: Screener, versions: readonly string[]): string {
  const q = party.query;
  const head = `"${q.name}"${q.country === undefined ? '' : ` (${q.country})`} against ${screener.entryCount} entries (${versions.join(', ')}), threshold ${threshold}`;
  if (matches.length === 0) return `${head}\nNo match.\n`;
  const lines = [head, ''];
  lines.push(renderTable(['score', 'list', 'sourceId', 'listed name', 'matched name'], matches.map((m) => [m.score.toFixed(3), m.list, m.sourceId, m.name, m.matchedName])).trimEnd());
  for (const m of matches) {
    lines.push('', `${m.score.toFixed(3)}  ${m.list} ${m.sourceId}  ${m.name}`);
    lines.push(`  matched ${m.explanation.matchedOn === 'alias' ? `alias "${m.matchedName}"` : 'the primary name'}`);
    const tokens = m.explanation.tokens.map((t) => `${t.query}→${t.entry ?? '∅'} (${t.kind}${t.kind === 'exact' || t.kind === 'unmatched' ? '' : ` ${t.similarity.toFixed(2)}`})`);
    if (tokens.length > 0) lines.push(`  tokens: ${tokens.join(', ')}`);
    const parts = Object.entries(m.explanation.parts).map(([k, v]) => `${k} ${v >= 0 && k !== 'name' ? '+' : ''}${v.toFixed(3)}`);
    if (parts.length > 0) lines.push(`  score parts: ${parts.join(', ')}`);
    for (const n of m.explanation.notes) lines.push(`  note: ${n}`);
    if (m.entry.licenseRequirement !== undefined) lines.push(`  licence requirement: ${m.entry.licenseRequirement}`);
    if (m.entry.licensePolicy !== undefined) lines.push(`  review policy: ${m.entry.licensePolicy}`);
    if (m.entry.federalRegisterNotice !== undefined) lines.push(`  Federal Register: ${m.entry.federalRegisterNotice}`);
    if (m.entry.programs.length > 0) lines.push(`  programs: ${m.entry.programs.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
