import type { Command } from 'commander';
import { parseIsoDate } from '../../core/calendar/iso-date.ts';
import { ClearanceError } from '../../core/errors.ts';
import { diffLists, type ListDiff } from '../../core/screening/list-diff.ts';
import type { ListEntry } from '../../core/screening/types.ts';
import { dataDir } from '../../adapters/config/data-dir.ts';
import { FsListStore } from '../../adapters/list-store-fs/fs-list-store.ts';
import { parseListFiles } from '../../adapters/lists/detect.ts';
import { httpFetcher } from '../../adapters/lists/fetcher.ts';
import { readListPath } from '../../adapters/lists/read-path.ts';
import { DEFAULT_UPDATE_SOURCES, fromMirror, OFFICIAL_SOURCES, updateLists } from '../../adapters/lists/update.ts';
import { LIST_FORMATS, LIST_SOURCES, type ImportOutcome, type ListFormat, type ListSource, type ListVersion } from '../../ports/list-store.ts';
import { UsageError } from '../main.ts';
import { printJson, renderTable } from '../output.ts';

interface ImportCliOptions {
  format?: string;
  published?: string;
  allowShrink?: boolean;
  allowMissingTrailer?: boolean;
  json?: boolean;
}
interface UpdateCliOptions {
  source?: string[];
  mirror?: string;
  allowShrink?: boolean;
  json?: boolean;
}
interface JsonOption {
  json?: boolean;
}
interface DiffCliOptions {
  json?: boolean;
  limit?: string;
}

export function register(program: Command): void {
  const lists = program
    .command('lists')
    .description(`Screening lists: import official files, update from the agencies, show versions and diffs (stored under CLEARANCE_DATA_DIR, default ./.clearance-data)`);

  lists
    .command('import')
    .argument('<path>', 'a list file, or a folder of official files (OFAC sdn.csv/add.csv/alt.csv/sdn_comments.csv, cons_*.csv, CSL consolidated.csv or .json, BIS dpl.txt, internal watch-list CSV)')
    .description('Import list files as new list versions; the format is detected from names and content')
    .option('--format <format>', `force the format of a single file (${LIST_FORMATS.join(', ')})`)
    .option('--published <date>', 'the publication date of the files, YYYY-MM-DD, when you know it')
    .option('--allow-shrink', 'accept a version much smaller than the active one, or one that drops a whole list')
    .option('--allow-missing-trailer', 'accept OFAC files without their closing 0x1A byte (e.g. re-saved by an editor)')
    .option('--json', 'print one JSON object')
    .action(async (path: string, options: ImportCliOptions) => {
      const format = options.format === undefined ? undefined : parseFormat(options.format);
      const published = options.published === undefined ? undefined : parsePublished(options.published);
      const files = await readListPath(path);
      const { imports, ignored } = parseListFiles(files, path, {
        ...(format === undefined ? {} : { format }),
        ...(published === undefined ? {} : { publishedAt: published, publishedAtBasis: '--published option' }),
        ...(options.allowMissingTrailer === true ? { allowMissingTrailer: true } : {}),
      });
      if (imports.length === 0) {
        const skipped = ignored.length > 0 ? ` (ignored: ${ignored.map((i) => `${i.name}: ${i.reason}`).join('; ')})` : '';
        throw ClearanceError.fromIssues([
          { code: 'invalid_input', field: 'path', message: `no list file recognised in ${path}${skipped}`, accepted: 'OFAC legacy CSV sets, CSL consolidated.csv/.json, BIS dpl.txt, internal CSV (id,name,...)' },
        ]);
      }
      const store = new FsListStore(dataDir());
      const outcomes: ImportOutcome[] = [];
      for (const parsed of imports) {
        try {
          outcomes.push(await store.importVersion(parsed, { now: new Date(), ...(options.allowShrink === true ? { allowShrink: true } : {}) }));
        } catch (error) {
          // sources are versioned separately: report what did go in before the failure
          if (options.json !== true) for (const o of outcomes) process.stdout.write(describeOutcome(o));
          throw error;
        }
      }
      if (options.json === true) {
        printJson({ outcomes: outcomes.map(outcomeJson), ignored });
        return;
      }
      for (const o of outcomes) process.stdout.write(describeOutcome(o));
      for (const i of ignored) process.stdout.write(`ignored ${i.name}: ${i.reason}\n`);
    });

  lists
    .command('update')
    .description(`Download the official files and import them; a failed or cut-off download keeps the current version (default sources: ${DEFAULT_UPDATE_SOURCES.join(', ')})`)
    .option('--source <source...>', `which sources to fetch (${OFFICIAL_SOURCES.map((s) => s.source).join(', ')})`)
    .option('--mirror <url>', 'fetch every file as <url>/<file name> instead (an internal mirror of the official files)')
    .option('--allow-shrink', 'accept a version much smaller than the active one, or one that drops a whole list')
    .option('--json', 'print one JSON object')
    .action(async (options: UpdateCliOptions) => {
      const wanted = (options.source ?? [...DEFAULT_UPDATE_SOURCES]).map(parseSource);
      let sources = OFFICIAL_SOURCES.filter((s) => wanted.includes(s.source));
      if (options.mirror !== undefined) {
        if (!/^https?:\/\//.test(options.mirror)) throw new ClearanceError('invalid_input', `--mirror ${options.mirror} is not an http(s) URL`, { field: 'mirror' });
        sources = fromMirror(sources, options.mirror);
      }
      const store = new FsListStore(dataDir());
      const quiet = options.json === true || process.stderr.isTTY !== true;
      const outcomes = await updateLists(store, {
        fetcher: httpFetcher(),
        now: () => new Date(),
        sources,
        ...(options.allowShrink === true ? { allowShrink: true } : {}),
        onFetch: (url) => {
          if (!quiet) process.stderr.write(`fetching ${url}\n`);
        },
      });
      const failed = outcomes.filter((o) => o.status === 'failed');
      if (options.json === true) {
        printJson({
          outcomes: outcomes.map((o) =>
            o.status === 'failed' ? { source: o.source, status: o.status, error: { code: o.error.code, message: o.error.message } } : { source: o.source, status: o.status, ...outcomeJson(o.outcome) },
          ),
        });
      } else {
        for (const o of outcomes) {
          if (o.status === 'failed') {
            const current = (await store.activeVersions()).find((v) => v.source === o.source);
            process.stdout.write(
              `${o.source}: NOT updated [${o.error.code}] ${o.error.message}\n  ${current === undefined ? 'no version of this source is loaded' : `the current version ${current.id} stays active`}\n`,
            );
            if (o.error.code === 'network_unavailable') {
              process.stdout.write(`  The official files cannot be downloaded from here. Download them elsewhere and run \`clearance lists import PATH\`, or use --mirror URL.\n`);
            }
          } else {
            process.stdout.write(describeOutcome(o.outcome));
          }
        }
      }
      if (failed.length > 0) process.exitCode = 1;
    });

  lists
    .command('status')
    .description('Show the active list versions: source, dates, entry counts per list, hashes')
    .option('--json', 'print one JSON object')
    .action(async (options: JsonOption) => {
      const store = new FsListStore(dataDir());
      const versions = await store.activeVersions();
      if (options.json === true) {
        printJson({ dataDir: dataDir(), active: versions });
        return;
      }
      if (versions.length === 0) {
        process.stdout.write(`No screening lists loaded in ${dataDir()}.\nRun \`clearance lists import PATH\` or \`clearance lists update\`.\n`);
        return;
      }
      process.stdout.write(
        renderTable(
          ['source', 'version', 'published', 'imported', 'entries', 'sha256'],
          versions.map((v) => [v.source, v.id, v.publishedAt ?? 'unknown', v.importedAt.slice(0, 19).replace('T', ' '), v.entryCount, v.sha256.slice(0, 16)]),
        ),
      );
      process.stdout.write('\nEntries per list:\n');
      process.stdout.write(renderTable(['list', 'entries', 'version'], versions.flatMap((v) => Object.entries(v.countsByList).map(([list, n]) => [list, n, v.id]))));
      const warnings = versions.flatMap((v) => v.warnings.map((w) => `${v.source}: ${w}`));
      if (warnings.length > 0) process.stdout.write(`\nWarnings recorded at import:\n${warnings.map((w) => `  - ${w}`).join('\n')}\n`);
    });

  lists
    .command('versions')
    .description('List every recorded list version, oldest first')
    .option('--json', 'print one JSON object')
    .action(async (options: JsonOption) => {
      const store = new FsListStore(dataDir());
      const [all, active] = await Promise.all([store.listVersions(), store.activeVersions()]);
      const activeIds = new Set(active.map((v) => v.id));
      if (options.json === true) {
        printJson({ versions: all.map((v) => ({ ...v, active: activeIds.has(v.id) })) });
        return;
      }
      if (all.length === 0) {
        process.stdout.write('No list versions recorded yet.\n');
        return;
      }
      process.stdout.write(
        renderTable(
          ['version', 'source', 'published', 'entries', 'files', 'active'],
          all.map((v) => [v.id, v.source, v.publishedAt ?? 'unknown', v.entryCount, v.files.map((f) => `${f.name} (${f.rows} rows)`).join(', '), activeIds.has(v.id) ? 'yes' : '']),
        ),
      );
    });

  lists
    .command('diff')
    .argument('<a>', 'the older version: an id from `clearance lists versions`, a unique part of one, or SOURCE~N (N versions before the active one of SOURCE)')
    .argument('<b>', 'the newer version, same forms; SOURCE alone means its active version')
    .description('Entries added, removed and changed between two list versions')
    .option('--limit <n>', 'entries shown per section (default 20; JSON shows all)', '20')
    .option('--json', 'print one JSON object')
    .action(async (a: string, b: string, options: DiffCliOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new ClearanceError('invalid_input', `--limit ${options.limit} is not a whole number`, { field: 'limit' });
      const store = new FsListStore(dataDir());
      const all = await store.listVersions();
      const active = await store.activeVersions();
      const va = resolveVersion(a, all, active, 'a');
      const vb = resolveVersion(b, all, active, 'b');
      const [ea, eb] = await Promise.all([store.versionEntries(va.id), store.versionEntries(vb.id)]);
      const diff = diffLists(ea ?? [], eb ?? []);
      if (options.json === true) {
        printJson({ from: va, to: vb, ...diffJson(diff) });
        return;
      }
      if (va.source !== vb.source) process.stdout.write(`note: comparing versions of two sources (${va.source} and ${vb.source})\n`);
      process.stdout.write(renderDiff(va, vb, diff, limit));
    });
}

function parseFormat(value: string): ListFormat {
  const f = LIST_FORMATS.find((x) => x === value);
  if (f === undefined) throw ClearanceError.fromIssues([{ code: 'invalid_input', field: 'format', message: `"${value}" is not a list format`, accepted: LIST_FORMATS.join(', ') }]);
  return f;
}

function parseSource(value: string): ListSource {
  const s = OFFICIAL_SOURCES.find((x) => x.source === value)?.source;
  if (s === undefined) {
    throw ClearanceError.fromIssues([{ code: 'invalid_input', field: 'source', message: `"${value}" is not a downloadable source`, accepted: OFFICIAL_SOURCES.map((x) => x.source).join(', ') }]);
  }
  return s;
}

function parsePublished(value: string): string {
  const parsed = parseIsoDate(value, 'published');
  if (!parsed.ok) throw ClearanceError.fromIssues([parsed.error]);
  return parsed.value;
}

/** An id, a unique fragment of one, SOURCE (its active version) or SOURCE~N (N versions back). */
export function resolveVersion(ref: string, all: readonly ListVersion[], active: readonly ListVersion[], field: string): ListVersion {
  const exact = all.find((v) => v.id === ref);
  if (exact !== undefined) return exact;
  const back = /^([a-z-]+)(?:~(\d+))?$/.exec(ref);
  const source = LIST_SOURCES.find((s) => s === back?.[1]);
  if (source !== undefined) {
    const ofSource = all.filter((v) => v.source === source);
    const current = active.find((v) => v.source === source);
    const at = current === undefined ? ofSource.length - 1 : ofSource.findIndex((v) => v.id === current.id);
    const wanted = ofSource[at - Number(back?.[2] ?? 0)];
    if (wanted === undefined) throw new ClearanceError('not_found', `${field}: ${ref} names no recorded version (${ofSource.length} version(s) of ${source})`, { field });
    return wanted;
  }
  const partial = all.filter((v) => v.id.includes(ref));
  if (partial.length === 1 && partial[0] !== undefined) return partial[0];
  if (partial.length > 1) throw new UsageError(`${field}: "${ref}" matches ${partial.length} versions (${partial.map((v) => v.id).join(', ')}); give more of the id`);
  throw new ClearanceError('not_found', `${field}: no list version "${ref}" (see \`clearance lists versions\`)`, { field });
}

function outcomeJson(o: ImportOutcome): Record<string, unknown> {
  return o.kind === 'imported' ? { kind: o.kind, version: o.version, replaced: o.replaced?.id ?? null } : { kind: o.kind, version: o.version };
}

function describeOutcome(o: ImportOutcome): string {
  const v = o.version;
  const counts = Object.entries(v.countsByList).map(([k, n]) => `${k} ${n}`).join(', ');
  if (o.kind === 'unchanged') return `${v.source}: unchanged — the files are identical to active version ${v.id}\n`;
  const lines = [
    `${v.source}: imported version ${v.id}${o.replaced === null ? '' : ` (replaces ${o.replaced.id})`}`,
    `  ${v.entryCount} entries (${counts}); published ${v.publishedAt ?? 'unknown'}${v.publishedAtBasis === null ? '' : ` [${v.publishedAtBasis}]`}`,
    ...v.files.map((f) => `  ${f.name}: ${f.rows} rows, ${f.bytes} bytes, sha256 ${f.sha256}`),
    ...v.warnings.map((w) => `  warning: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

function brief(e: ListEntry): Record<string, unknown> {
  return { list: e.list, sourceId: e.sourceId, name: e.name };
}

function diffJson(d: ListDiff): Record<string, unknown> {
  return {
    counts: { added: d.added.length, removed: d.removed.length, changed: d.changed.length, unchanged: d.unchanged },
    added: d.added,
    removed: d.removed,
    changed: d.changed.map((c) => ({ ...brief(c.after), changes: c.changes })),
  };
}

function renderDiff(a: ListVersion, b: ListVersion, d: ListDiff, limit: number): string {
  const lines = [
    `${a.id} → ${b.id}`,
    `added ${d.added.length}, removed ${d.removed.length}, changed ${d.changed.length}, unchanged ${d.unchanged}`,
  ];
  const section = (title: string, rows: readonly string[]): void => {
    if (rows.length === 0) return;
    lines.push('', `${title}:`, ...rows.slice(0, limit).map((r) => `  ${r}`));
    if (rows.length > limit) lines.push(`  … ${rows.length - limit} more (--limit N or --json)`);
  };
  section('Added', d.added.map((e) => `+ [${e.list}] ${e.name} (${e.sourceId})`));
  section('Removed', d.removed.map((e) => `- [${e.list}] ${e.name} (${e.sourceId})`));
  section('Changed', d.changed.map((c) => `~ [${c.after.list}] ${c.after.name} (${c.after.sourceId}): ${c.changes.map((x) => x.field).join(', ')}`));
  return lines.join('\n') + '\n';
}
