/**
 * Determination benchmark.
 *  1. Pure engine: determinations per second over a realistic line mix, against parseOrderLine on the same
 *     records (the cheapest per-line work any checker must do) measured in the same run.
 *  2. End to end: `clearance check --json` on a generated book (default 1,000,000 lines; BENCH_BOOK_LINES to
 *     change; 0 skips it), lines/s and peak RSS, against streaming the same CSV through csv-parse alone, each in its own process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClassificationCache } from '../src/core/determination/classification-context.ts';
import { determine } from '../src/core/determination/determine.ts';
import { parseOrderLine } from '../src/core/determination/parse-order-line.ts';
import type { OrderLine } from '../src/core/determination/types.ts';
import { BOOK_HEADER, bookLine, writeBook } from './support/order-book-generator.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function records(n: number): Record<string, string>[] {
  const cols = BOOK_HEADER.split(',');
  return Array.from({ length: n }, (_, i) => {
    const values = bookLine(i).split(',');
    return Object.fromEntries(cols.map((c, j) => [c, values[j] ?? '']));
  });
}

/**
 * Runs the subjects in interleaved rounds and keeps each one's best round: on a shared, noisy machine the
 * fastest round is the one least disturbed by other work, and interleaving exposes all subjects to the same noise.
 */
function bestOfInterleaved(rounds: number, subjects: readonly { label: string; body: () => number }[]): number[] {
  for (const s of subjects) s.body(); // warm-up
  const best = subjects.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    subjects.forEach((s, i) => {
      const started = performance.now();
      const ops = s.body();
      best[i] = Math.max(best[i]!, ops / ((performance.now() - started) / 1000));
    });
  }
  subjects.forEach((s, i) => process.stdout.write(`  ${s.label.padEnd(44)} ${Math.round(best[i]!).toLocaleString('en-US').padStart(12)} /s (best of ${rounds})\n`));
  return best;
}

async function engine(): Promise<void> {
  const recs = records(20_000);
  const lines: OrderLine[] = [];
  for (const [i, r] of recs.entries()) {
    const p = parseOrderLine(r, i + 2);
    if (p.ok) lines.push(p.value);
  }
  const cache = new ClassificationCache();
  for (const l of lines) cache.get(l.item, l.orderDate);
  process.stdout.write(`pure engine (${lines.length} distinct lines, classification cached)\n`);
  const decideAll = (regime: 'enforced' | 'codified') => () => {
    for (const l of lines) {
      const c = cache.get(l.item, l.orderDate);
      determine(l, { classification: c.classification, item: c.item, regime });
    }
    return lines.length;
  };
  const [parse, det, cod] = bestOfInterleaved(7, [
    {
      label: 'baseline: parseOrderLine',
      body: () => {
        let n = 0;
        for (const [i, r] of recs.entries()) if (parseOrderLine(r, i + 2).ok) n++;
        return n;
      },
    },
    { label: 'determine (enforced)', body: decideAll('enforced') },
    { label: 'determine (codified)', body: decideAll('codified') },
  ]);
  process.stdout.write(`  ratio determine/parse: ${(det! / parse!).toFixed(2)} (enforced), ${(cod! / parse!).toFixed(2)} (codified)\n`);
}

interface ChildResult {
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly exitCode: number;
}

function child(mode: 'parse' | 'check', file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'support', 'measured-child.ts'), mode, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', () => {
      const last = err.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as ChildResult);
      } catch {
        reject(new Error(`benchmark child (${mode}) failed: ${err.slice(-2000)}`));
      }
    });
  });
}

async function endToEnd(): Promise<void> {
  const n = Number(process.env['BENCH_BOOK_LINES'] ?? 1_000_000);
  if (!(n > 0)) return; // BENCH_BOOK_LINES=0: engine figures only
  const dir = mkdtempSync(join(tmpdir(), 'clearance-bench-'));
  const file = join(dir, 'book.csv');
  try {
    await writeBook(file, n);
    const mb = statSync(file).size / 1024 / 1024;
    process.stdout.write(`\nend to end: ${n.toLocaleString('en-US')}-line book (${mb.toFixed(0)} MB), each run in its own process\n`);
    const base = await child('parse', file);
    const check = await child('check', file);
    // Bounded memory: the same check on a tenth of the book should peak at about the same RSS.
    const smallFile = join(dir, 'book-tenth.csv');
    await writeBook(smallFile, Math.max(1, Math.floor(n / 10)));
    const small = await child('check', smallFile);
    const row = (label: string, r: ChildResult) =>
      process.stdout.write(`  ${label.padEnd(44)} ${Math.round(n / (r.wallMs / 1000)).toLocaleString('en-US').padStart(12)} lines/s  ${(r.wallMs / 1000).toFixed(1).padStart(7)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB\n`);
    row('baseline: csv-parse stream only', base);
    row('clearance check --json (to /dev/null)', check);
    process.stdout.write(`  ratio check/parse throughput: ${(base.wallMs / check.wallMs).toFixed(3)}; peak RSS check/parse ${(check.maxRssMb / base.maxRssMb).toFixed(2)}\n`);
    process.stdout.write(`  bounded memory: peak RSS ${small.maxRssMb.toFixed(0)} MB at ${Math.floor(n / 10).toLocaleString('en-US')} lines vs ${check.maxRssMb.toFixed(0)} MB at ${n.toLocaleString('en-US')} lines (ratio ${(check.maxRssMb / small.maxRssMb).toFixed(2)} for 10× the lines)\n`);
    if (check.exitCode !== 0) process.stdout.write(`  (check exited ${check.exitCode})\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await engine();
  await endToEnd();
}
