/**
 * `lists update`: download each source's official files, parse them with the same checks as a
 * local import, and swap each source in only when every one of its files arrived whole.
 * A source that fails leaves its current version active; the others still update.
 */
import { ClearanceError } from '../../core/errors.ts';
import type { ImportOutcome, ListSource, ListStore } from '../../ports/list-store.ts';
import { parseListFiles } from './detect.ts';
import type { Fetcher } from './fetcher.ts';
import type { RawFile } from './raw-file.ts';

export interface OfficialSource {
  readonly source: ListSource;
  readonly title: string;
  readonly files: readonly { readonly name: string; readonly url: string }[];
}

const OFAC = 'https://www.treasury.gov/ofac/downloads';

/** Public download locations (checked 2026; agencies move them now and then — see docs/screening-lists.md). */
export const OFFICIAL_SOURCES: readonly OfficialSource[] = [
  {
    source: 'trade-csl',
    title: 'Consolidated Screening List (trade.gov): Entity List, MEU, UVL, DPL, SDN and the rest',
    files: [{ name: 'consolidated.csv', url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv' }],
  },
  {
    source: 'ofac-sdn',
    title: 'OFAC SDN list (legacy CSV set)',
    files: ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].map((name) => ({ name, url: `${OFAC}/${name}` })),
  },
  {
    source: 'ofac-consolidated',
    title: 'OFAC consolidated non-SDN list (legacy CSV set)',
    files: ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'].map((name) => ({ name, url: `${OFAC}/consolidated/${name}` })),
  },
  {
    source: 'bis-dpl',
    title: 'BIS Denied Persons List (text file)',
    files: [{ name: 'dpl.txt', url: 'https://www.bis.doc.gov/dpl/dpl.txt' }],
  },
];

/** What `lists update` fetches when no source is named: the CSL and the OFAC SDN set. */
export const DEFAULT_UPDATE_SOURCES: readonly ListSource[] = ['trade-csl', 'ofac-sdn'];

/** Points every file of the sources at `<mirror>/<file name>` (an internal mirror, or a test server). */
export function fromMirror(sources: readonly OfficialSource[], mirror: string): OfficialSource[] {
  const base = mirror.replace(/\/+$/, '');
  return sources.map((s) => ({ ...s, files: s.files.map((f) => ({ name: f.name, url: `${base}/${f.name}` })) }));
}

export type SourceOutcome =
  | { readonly source: ListSource; readonly status: 'updated' | 'unchanged'; readonly outcome: ImportOutcome }
  | { readonly source: ListSource; readonly status: 'failed'; readonly error: ClearanceError };

export interface UpdateOptions {
  readonly fetcher: Fetcher;
  readonly now: () => Date;
  readonly sources: readonly OfficialSource[];
  readonly allowShrink?: boolean;
  /** Called before each download, for progress output. */
  readonly onFetch?: (url: string) => void;
}

export async function updateLists(store: ListStore, options: UpdateOptions): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  for (const official of options.sources) {
    try {
      const files: RawFile[] = [];
      let lastModified: string | null = null;
      for (const f of official.files) {
        options.onFetch?.(f.url);
        const fetched = await options.fetcher(f.url);
        files.push({ name: f.name, bytes: fetched.bytes });
        if (fetched.lastModified !== null && (lastModified === null || fetched.lastModified > lastModified)) lastModified = fetched.lastModified;
      }
      const { imports } = parseListFiles(files, official.files[0]?.url ?? official.source, {
        publishedAt: lastModified,
        publishedAtBasis: lastModified === null ? null : 'HTTP Last-Modified of the download',
      });
      const parsed = imports.find((i) => i.source === official.source);
      if (parsed === undefined || imports.length !== 1) {
        throw new ClearanceError('list_integrity', `the files downloaded for ${official.source} are not the expected list (found ${imports.map((i) => i.format).join(', ') || 'nothing'})`);
      }
      const outcome = await store.importVersion(parsed, { now: options.now(), ...(options.allowShrink === undefined ? {} : { allowShrink: options.allowShrink }) });
      outcomes.push({ source: official.source, status: outcome.kind === 'imported' ? 'updated' : 'unchanged', outcome });
    } catch (error) {
      const wrapped =
        error instanceof ClearanceError
          ? error
          : new ClearanceError('internal', error instanceof Error ? error.message : String(error), { cause: error });
      outcomes.push({ source: official.source, status: 'failed', error: wrapped });
    }
  }
  return outcomes;
}
