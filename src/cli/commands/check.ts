import { open, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { isoDateOf, parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.ts';
import { ClassificationCache } from '../../core/determination/classification-context.ts';
import { DeterminationMemo } from '../../core/determination/determination-memo.ts';
import { RULE_SET_VERSION } from '../../core/determination/rule-set.ts';
import { OUTCOMES, type Determination, type OrderLine, type Outcome, type Regime } from '../../core/determination/types.ts';
import { ClearanceError } from '../../core/errors.ts';
import { dataDir } from '../../adapters/config/data-dir.ts';
import { loadActiveLists } from '../../adapters/lists/active-screener.ts';
import { readOrderBook } from '../../adapters/order-book/csv-reader.ts';
import { htmlErrorRow, htmlHead, htmlRow, htmlTail } from '../../adapters/order-book/html-report.ts';
import { OutputSink } from '../../adapters/order-book/output-sink.ts';
import { LineScreener } from '../../adapters/order-book/party-screening.ts';
import { CSV_RESULT_COLUMNS, csvCell, csvResultCells, errorText, jsonErrorRecord, jsonRecord } from '../../adapters/order-book/records.ts';
import { BookSummary, formatUsd } from '../../adapters/order-book/summary.ts';
import { renderTable } from '../output.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from '../main.ts';

interface CheckOptions {
  asOf?: string;
  json?: boolean;
  csv?: boolean;
  html?: string;
  failOn?: string;
  regime: Regime;
  dataDir?: string;
  screening: boolean;
  progress: boolean;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('Check an order book (CSV): licence required?, exceptions, review policy, reasons and citations, per line')
    .argument('<file>', 'order book CSV with a header row (order_id, order_date, item, quantity, ship_to_country, end_user, end_user_country, ...)')
    .option('--as-of <date>', "decide every line as of this date, YYYY-MM-DD (default: each line's order_date)")
    .option('--json', 'print one JSON object per line (JSON Lines)')
    .option('--csv', 'print the book back as CSV with the result columns appended')
    .option('--html <out>', 'also write an HTML report to this file')
    .option('--fail-on <outcomes>', `exit 1 when any line has one of these outcomes (comma-separated: ${OUTCOMES.join(', ')})`)
    .addOption(new Option('--regime <regime>', 'enforced: what BIS enforces; codified: the CFR text incl. AI Diffusion').choices(['enforced', 'codified']).default('enforced'))
    .option('--data-dir <dir>', 'where the screening lists live (default: CLEARANCE_DATA_DIR or ./.clearance-data)')
    .option('--no-screening', 'do not screen parties even if lists are loaded (every line then says so)')
    .option('--no-progress', 'never show the progress bar')
    .action(async (file: string, options: CheckOptions) => {
      process.exitCode = await runCheck(file, options);
    });
}

function parseFailOn(text: string | undefined): Set<Outcome> {
  const set = new Set<Outcome>();
  if (text === undefined) return set;
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const o = OUTCOMES.find((x) => x === part);
    if (o === undefined) throw new UsageError(`--fail-on: "${part}" is not an outcome (accepted: ${OUTCOMES.join(', ')})`);
    set.add(o);
  }
  return set;
}

async function runCheck(file: string, options: CheckOptions): Promise<number> {
  if (options.json === true && options.csv === true) throw new UsageError('choose one of --json and --csv');
  const failOn = parseFailOn(options.failOn);
  let asOf: IsoDate | undefined;
  if (options.asOf !== undefined) {
    const d = parseIsoDate(options.asOf, '--as-of');
    if (!d.ok) throw ClearanceError.fromIssues([d.error]);
    asOf = d.value;
  }
  const today = new Date();
  const latestDate = isoDateOf(new Date(today.getTime() + 366 * 86_400_000));
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new ClearanceError('not_found', `cannot read order book ${file}`, { field: 'file' });
    },
  );

  const lists = options.screening ? await loadActiveLists(options.dataDir ?? dataDir()) : null;
  const screener = lists === null ? null : new LineScreener(lists.screener, lists.versions.map((v) => `${v.source} ${v.publishedAt ?? v.importedAt}`).join(', '));
  const screeningNote = lists === null ? 'parties NOT screened (no list loaded)' : `parties screened against ${lists.screener.entryCount} entries (${lists.versions.map((v) => v.source).join(', ')})`;

  const mode = options.json === true ? 'json' : options.csv === true ? 'csv' : 'human';
  const out = new OutputSink(process.stdout);
  const htmlPath = options.html;
  const html =
    htmlPath === undefined
      ? null
      : new OutputSink(
          (
            await open(htmlPath, 'w').catch((e: unknown) => {
              throw new ClearanceError('invalid_input', `cannot write the HTML report to ${htmlPath}: ${e instanceof Error ? e.message : String(e)}`, { field: '--html' });
            })
          ).createWriteStream(),
        );
  const regime = options.regime;
  if (html !== null) await html.write(htmlHead('Clearance order-book check', { file, asOf: asOf ?? null, regime, ruleSetVersion: RULE_SET_VERSION, screening: screeningNote }));

  // The bar goes to stderr; in human mode only when stdout is redirected, so it never interleaves with results.
  const showBar = options.progress && process.stderr.isTTY === true && (mode !== 'human' || process.stdout.isTTY !== true);
  const bar = showBar ? new SingleBar({ format: 'checking {bar} {percentage}% | {lines} lines | {eta_formatted} left', stream: process.stderr, clearOnComplete: true, hideCursor: true }) : null;
  bar?.start(Math.max(size, 1), 0, { lines: 0 });
  let bytes = 0;

  const cache = new ClassificationCache();
  const memo = new DeterminationMemo();
  const summary = new BookSummary();
  let columns: readonly string[] = [];
  const errors: string[] = [];

  const decide = (line: OrderLine): Determination => {
    const at = asOf ?? line.orderDate;
    const ctx = cache.get(line.item, at);
    return memo.decide(line, {
      classification: ctx.classification,
      item: ctx.item,
      screening: screener === null ? null : screener.screenLine(line),
      regime,
      ...(asOf === undefined ? {} : { asOf }),
    });
  };

  if (mode === 'human') process.stderr.write(`Checking ${file} (${regime} regime, rule set ${RULE_SET_VERSION}; ${screeningNote})\n`);
  for await (const ev of readOrderBook(file, { latestDate, onBytes: (b) => (bytes = b) })) {
    if (ev.kind === 'header') {
      columns = ev.columns;
      if (mode === 'csv') await out.write([...columns, ...CSV_RESULT_COLUMNS].map(csvCell).join(',') + '\n');
      continue;
    }
    if (ev.kind === 'error') {
      summary.addError();
      const text = errorText(ev.error);
      if (errors.length < 1000) errors.push(text);
      if (mode === 'json') await out.write(JSON.stringify(jsonErrorRecord(ev.error)) + '\n');
      else if (mode === 'csv') await out.write([...columns.map((c) => csvCell(ev.raw?.[c] ?? '')), 'error', '', '', '', '', 'invalid-line', csvCell(text), '', '', '', RULE_SET_VERSION].join(',') + '\n');
      if (html !== null) await html.write(htmlErrorRow(ev.error));
    } else {
      const d = decide(ev.line);
      summary.add(ev.line, d);
      if (mode === 'json') await out.write(JSON.stringify(jsonRecord(ev.line, d)) + '\n');
      else if (mode === 'csv') await out.write([...columns.map((c) => ev.raw[c] ?? ''), ...csvResultCells(d)].map(csvCell).join(',') + '\n');
      else await out.write(humanLine(ev.line, d));
      if (html !== null) await html.write(htmlRow(ev.line, d));
    }
    if (bar !== null && (summary.lines + summary.badLines) % 2000 === 0) bar.update(bytes, { lines: summary.lines + summary.badLines });
  }
  bar?.update(size, { lines: summary.lines + summary.badLines });
  bar?.stop();
  await out.flush();
  if (html !== null) {
    await html.write(htmlTail(summary));
    await html.close();
  }
  if (mode === 'human') process.stdout.write(renderSummary(summary, options.html));
  if (errors.length > 0) {
    process.stderr.write(`\n${summary.badLines} invalid line${summary.badLines === 1 ? '' : 's'} (the other lines were checked):\n`);
    for (const e of errors) process.stderr.write(`  ${e}\n`);
    if (summary.badLines > errors.length) process.stderr.write(`  ... and ${summary.badLines - errors.length} more\n`);
  }
  if (summary.badLines > 0) return EXIT_USAGE;
  if ([...failOn].some((o) => summary.count(o) > 0)) return EXIT_FAILURE;
  return EXIT_OK;
}

const LABEL: Readonly<Record<Outcome, string>> = {
  'no-license-required': 'NO LICENCE REQUIRED',
  'license-exception': 'LICENCE EXCEPTION',
  'license-required': 'LICENCE REQUIRED',
  hold: 'HOLD',
};

function humanLine(line: OrderLine, d: Determination): string {
  const dest = line.shipToCountry === line.endUserCountry ? line.shipToCountry : `${line.shipToCountry}→${line.endUserCountry}`;
  const head = `line ${line.lineNumber} ${line.orderId}  ${line.item} ×${line.quantity} → ${dest} (${line.endUser}) on ${d.asOf}: ${LABEL[d.outcome]}${d.blocked ? ' (BLOCKED)' : ''}`;
  const detail = [
    d.paragraph ?? d.eccn ?? 'not 3A090/4A090',
    d.exceptions.length > 0 ? `exceptions ${d.exceptions.map((e) => (e.notifyDaysBefore === undefined ? e.code : `${e.code} (notify BIS ≥${e.notifyDaysBefore} days before export)`)).join(', ')}` : null,
    d.reviewPolicy === null ? null : `review policy ${d.reviewPolicy}`,
  ].filter((x) => x !== null);
  const lines = [head, `    ${detail.join('; ')}`];
  for (const r of d.reasons) lines.push(`    - [${r.code}] ${r.message}`, `        ${r.citation}`);
  for (const c of d.conditions) lines.push(`    ! condition: ${c}`);
  for (const e of d.enforcement) lines.push(`    ? ${e.basis}: ${e.message}`);
  for (const w of d.warnings) lines.push(`    ! ${w}`);
  return lines.join('\n') + '\n\n';
}

function renderSummary(s: BookSummary, htmlPath: string | undefined): string {
  const parts = [`Summary: ${s.lines} lines checked, ${s.badLines} invalid\n`];
  parts.push(renderTable(['outcome', 'lines', 'units', 'value'], OUTCOMES.map((o) => {
    const b = s.byOutcome.get(o)!;
    return [o, b.lines, b.units, formatUsd(b.valueUsd) + (b.unpriced > 0 ? ` (+${b.unpriced} unpriced)` : '')];
  })));
  parts.push('\nBy destination (end user country):\n');
  parts.push(renderTable(['country', ...OUTCOMES, 'value'], [...s.byDestination.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([c, m]) => [c, ...OUTCOMES.map((o) => m.get(o)?.lines ?? 0), formatUsd([...m.values()].reduce((t, b) => t + b.valueUsd, 0))])));
  if (htmlPath !== undefined) parts.push(`\nHTML report written to ${htmlPath}\n`);
  return parts.join('');
}
