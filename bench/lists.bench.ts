/**
 * List ingestion and loading. Baseline, measured in the same run: parsing the official files
 * again (what a store-less tool does at every start). The ratio shows what the compact list
 * store saves when `clearance screen`/`check` load the active lists.
 * Reads ../shared/data/lists (CSL of 2026-07-31, OFAC SDN full set of July 2021); skips when absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsListStore } from '../src/adapters/list-store-fs/fs-list-store.ts';
import { parseListFiles } from '../src/adapters/lists/detect.ts';
import { readListPath } from '../src/adapters/lists/read-path.ts';
import type { RawFile } from '../src/adapters/lists/raw-file.ts';
import { buildScreener } from '../src/core/screening/build-screener.ts';
import { missingShared, sharedPath } from '../tests/support/shared-data.ts';

const FOLDERS = ['csl_2026-07-31', 'ofac_sdn_full_set_2021-07'] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timed<T>(rounds: number, body: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let value = await body(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    value = await body();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

export async function run(): Promise<void> {
  const missing = FOLDERS.map((f) => missingShared('data', 'lists', f)).find((m) => m !== null);
  if (missing !== undefined) {
    process.stdout.write(`${missing}\n`);
    return;
  }
  const files: { folder: string; files: RawFile[] }[] = [];
  for (const folder of FOLDERS) files.push({ folder, files: await readListPath(sharedPath('data', 'lists', folder)) });
  const dir = mkdtempSync(join(tmpdir(), 'clearance-bench-lists-'));
  try {
    const parse = await timed(3, () => files.map((f) => parseListFiles(f.files, f.folder).imports).flat());
    const imports = parse.value;
    const entryTotal = imports.reduce((n, i) => n + [...i.entries].length, 0);
    const store = new FsListStore(dir);
    const importStart = performance.now();
    for (const [k, i] of imports.entries()) await store.importVersion(i, { now: new Date(Date.UTC(2026, 0, 1, 0, 0, k)) });
    const importMs = performance.now() - importStart;
    const load = await timed(5, () => store.active());
    const active = load.value;
    const heapBefore = process.memoryUsage().heapUsed;
    const build = await timed(1, () => buildScreener(active.entries));
    const heapAfter = process.memoryUsage().heapUsed;

    const w = (s: string): void => void process.stdout.write(s + '\n');
    w(`lists: ${FOLDERS.join(' + ')}: ${entryTotal} entries parsed, ${active.entries.length} after de-duplicating shared SDN entries`);
    w(`baseline  parse the official files again:      ${parse.ms.toFixed(0)} ms (median of 3)`);
    w(`store     load the active versions (JSONL):     ${load.ms.toFixed(0)} ms (median of 5) — ${(parse.ms / load.ms).toFixed(1)}× faster than the baseline`);
    w(`store     import both sources (write + fsync):  ${importMs.toFixed(0)} ms`);
    w(`screener  build over the loaded entries:        ${build.ms.toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB (matcher's index; shown for the end-to-end start-up cost)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
