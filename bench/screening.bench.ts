/**
 * Screening speed: our index (candidate retrieval + aligner) against a brute-force
 * Jaro-Winkler scan over every list name, both measured in this run on the same queries.
 * Corpora: the OFAC SDN full set of 2021-07 (the one Watchman's benchmarks use) and the
 * whole Consolidated Screening List of 2026-07-31. Figures: names screened per second on one
 * core, p50/p99 per query, index build time and heap, candidate-set sizes, and recall of the
 * index against exhaustive scoring and against the brute-force scan. Times are CPU time of
 * this process (user + system), so other jobs on a shared machine distort them less.
 */
import { loadListEntries } from '../eval/data/load-lists.ts';
import { fixed, pct, quantile } from '../eval/metrics.ts';
import { generateNegatives } from '../eval/negatives.ts';
import { generateVariants } from '../eval/variants.ts';
import { compareForms } from '../src/core/screening/compare-names.ts';
import { buildScreener, nameKindOf } from '../src/core/screening/build-screener.ts';
import { foldUnicode, nameForms } from '../src/core/screening/normalise/index.ts';
import { DEFAULT_THRESHOLD } from '../src/core/screening/threshold.ts';
import type { ListEntry } from '../src/core/screening/types.ts';
import { missingShared, sharedPath } from '../tests/support/shared-data.ts';

/** CPU time of this process in ms: unlike wall time it does not count waiting while other jobs hold the core. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const out = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (matchedB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i += 1) {
    if (matchedA[i] !== 1) continue;
    while (matchedB[k] !== 1) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const simple = (name: string): string =>
  foldUnicode(name)
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
    .trim();

interface BruteIndex {
  readonly names: readonly string[];
  readonly entryOf: readonly number[];
}

export function bruteIndex(entries: readonly ListEntry[]): BruteIndex {
  const names: string[] = [];
  const entryOf: number[] = [];
  entries.forEach((e, i) => {
    for (const n of [e.name, ...e.aliases]) {
      names.push(simple(n));
      entryOf.push(i);
    }
  });
  return { names, entryOf };
}

/** Best Jaro-Winkler score per entry over all its names; returns the entries at or above `threshold`, best first. */
export function bruteScreen(index: BruteIndex, query: string, threshold: number): Array<{ entry: number; score: number }> {
  const q = simple(query);
  const best = new Map<number, number>();
  for (let i = 0; i < index.names.length; i += 1) {
    const s = jaroWinkler(q, index.names[i] as string);
    if (s < threshold) continue;
    const e = index.entryOf[i] as number;
    if ((best.get(e) ?? 0) < s) best.set(e, s);
  }
  return [...best].map(([entry, score]) => ({ entry, score })).sort((a, b) => b.score - a.score);
}

interface Query {
  readonly name: string;
  /** The entry a variant was made from, or -1 for a clean name. */
  readonly entry: number;
}

export function queriesFor(entries: readonly ListEntry[], variantsPerStratum: Readonly<Record<string, number>>, negatives: number): Query[] {
  const variants = generateVariants(entries, variantsPerStratum, 99).filter((v) => v.family !== 'exact');
  const clean = generateNegatives(negatives / 2, negatives / 2, 77);
  const qs: Query[] = [...variants.map((v) => ({ name: v.query, entry: v.entry })), ...clean.map((n) => ({ name: n.name, entry: -1 }))];
  // Interleave deterministically so every slice mixes variants and clean names.
  return qs.map((q, i) => ({ q, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.q);
}

async function benchCorpus(label: string, entries: readonly ListEntry[], queries: readonly Query[]): Promise<void> {
  out(`\n### ${label}: ${entries.length} entries\n`);
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = cpuNow();
  const screener = buildScreener(entries);
  const buildMs = cpuNow() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const brute = bruteIndex(entries);
  out(`Index: ${screener.nameCount} names, ${screener.vocabularySize} distinct tokens, built in ${fixed(buildMs / 1000, 2)} s CPU, heap +${fixed(heapMb, 0)} MB (brute-force list: ${brute.names.length} names).`);

  // Warm-up so the JIT has compiled both paths before timing.
  for (const q of queries.slice(0, 150)) screener.screen({ name: q.name });
  for (const q of queries.slice(0, 5)) bruteScreen(brute, q.name, 0.9);

  const timed = queries.slice(150);
  const times: number[] = [];
  const candidates: number[] = [];
  const wall0 = cpuNow();
  const results = timed.map((q) => {
    const t = cpuNow();
    const matches = screener.screen({ name: q.name }, { threshold: DEFAULT_THRESHOLD, limit: 10 });
    times.push(cpuNow() - t);
    candidates.push(screener.lastQuery().aligned);
    return matches;
  });
  const wallMs = cpuNow() - wall0;
  times.sort((a, b) => a - b);
  candidates.sort((a, b) => a - b);
  const oursMean = wallMs / timed.length;

  const bruteSample = timed.slice(0, Math.min(120, timed.length));
  const bruteTimes: number[] = [];
  const bruteResults = bruteSample.map((q) => {
    const t = cpuNow();
    const r = bruteScreen(brute, q.name, 0.85);
    bruteTimes.push(cpuNow() - t);
    return r;
  });
  bruteTimes.sort((a, b) => a - b);
  const bruteMean = bruteTimes.reduce((s, x) => s + x, 0) / bruteTimes.length;

  out(`Ours: ${timed.length} names screened, ${fixed(1000 / oursMean, 0)} names/s on one core; per query p50 ${fixed(quantile(times, 0.5), 3)} ms, p99 ${fixed(quantile(times, 0.99), 3)} ms, mean ${fixed(oursMean, 3)} ms; name forms aligned per query p50 ${quantile(candidates, 0.5)}, p99 ${quantile(candidates, 0.99)}.`);
  out(`Brute-force Jaro-Winkler scan: ${bruteSample.length} names, ${fixed(1000 / bruteMean, 1)} names/s; per query p50 ${fixed(quantile(bruteTimes, 0.5), 2)} ms, p99 ${fixed(quantile(bruteTimes, 0.99), 2)} ms.`);
  out(`**Speed-up: ${fixed(bruteMean / oursMean, 0)}× the brute-force scan** (mean CPU time per query, same run, same queries).`);

  const entryIndex = new Map<ListEntry, number>();
  entries.forEach((e, i) => entryIndex.set(e, i));
  let variantsInSample = 0;
  let oursHit = 0;
  let bruteHit90 = 0;
  let bruteHit85 = 0;
  let bruteOnly = 0;
  const bruteOnlyExamples: string[] = [];
  bruteSample.forEach((q, i) => {
    if (q.entry < 0) return;
    variantsInSample += 1;
    const ours = (results[i] ?? []).some((m) => entryIndex.get(m.entry) === q.entry);
    const b = bruteResults[i] ?? [];
    const b85 = b.slice(0, 10).some((m) => m.entry === q.entry);
    const b90 = b.filter((m) => m.score >= 0.9).slice(0, 10).some((m) => m.entry === q.entry);
    if (ours) oursHit += 1;
    if (b85) bruteHit85 += 1;
    if (b90) bruteHit90 += 1;
    if (b85 && !ours) {
      bruteOnly += 1;
      const jw = b.find((m) => m.entry === q.entry)?.score ?? 0;
      const mine = screener.screen({ name: q.name }, { threshold: 0, limit: 50 }).find((m) => entryIndex.get(m.entry) === q.entry)?.score ?? 0;
      bruteOnlyExamples.push(`"${q.name}" → "${entries[q.entry]?.name ?? ''}" (JW ${jw.toFixed(3)}, ours ${mine.toFixed(3)})`);
    }
  });
  out(
    `Recall on the ${variantsInSample} variant queries of that sample: ours (≥ ${DEFAULT_THRESHOLD}, top 10) ${pct(oursHit / Math.max(1, variantsInSample))}; brute-force JW top 10 at ≥ 0.85 ${pct(bruteHit85 / Math.max(1, variantsInSample))}, at ≥ 0.90 ${pct(bruteHit90 / Math.max(1, variantsInSample))}; found by the JW scan (≥ 0.85) but not by us: ${bruteOnly}.`,
  );
  for (const example of bruteOnlyExamples) out(`  - ${example}`);
  const bruteAlerts = bruteSample.filter((q, i) => q.entry < 0 && (bruteResults[i] ?? []).some((m) => m.score >= 0.9)).length;
  const oursAlerts = bruteSample.filter((q, i) => q.entry < 0 && (results[i] ?? []).length > 0).length;
  const cleanInSample = bruteSample.filter((q) => q.entry < 0).length;
  out(`Clean names in that sample alerting: ours ${oursAlerts}/${cleanInSample}, brute-force JW ≥ 0.90 ${bruteAlerts}/${cleanInSample}.`);

  // Candidate-generation recall: the index against exhaustive scoring of every name with the same aligner.
  const exhaustiveSample = timed.filter((q) => q.entry >= 0).slice(0, 40);
  const allForms = entries.map((e) => [e.name, ...e.aliases].map((n) => nameForms(n, nameKindOf(e.type))));
  let exhaustiveHits = 0;
  let indexHits = 0;
  for (const q of exhaustiveSample) {
    const qf = nameForms(q.name);
    let bestExpected = 0;
    for (const forms of allForms[q.entry] ?? []) bestExpected = Math.max(bestExpected, compareForms(qf, forms).score);
    if (bestExpected >= DEFAULT_THRESHOLD) {
      exhaustiveHits += 1;
      if (screener.screen({ name: q.name }, { limit: 50 }).some((m) => entryIndex.get(m.entry) === q.entry)) indexHits += 1;
    }
  }
  out(`Index recall against exhaustive scoring (same aligner on every name of the true entry): ${indexHits}/${exhaustiveHits} variants the aligner accepts are retrieved by the index.`);
}

export async function run(): Promise<void> {
  const ofacMissing = missingShared('data/lists/ofac_sdn_full_set_2021-07/sdn.csv');
  if (ofacMissing === null) {
    const entries = await loadListEntries(sharedPath('data/lists/ofac_sdn_full_set_2021-07'));
    await benchCorpus('OFAC SDN full set 2021-07 (Watchman’s benchmark corpus)', entries, queriesFor(entries, { 'ofac-sdn': 200 }, 700));
  } else out(ofacMissing);
  const cslMissing = missingShared('data/lists/csl_2026-07-31/consolidated.csv');
  if (cslMissing === null) {
    const entries = await loadListEntries(sharedPath('data/lists/csl_2026-07-31/consolidated.csv'));
    await benchCorpus('Consolidated Screening List 2026-07-31 (whole corpus)', entries, queriesFor(entries, { 'bis-entity': 100, 'ofac-sdn': 60, default: 10 }, 700));
  } else out(cslMissing);
  out('\nWatchman publishes ~0.85 ms per search (HTTP handler, 4 vCPU) and 12.7-18.2 ms for a whole-list person query; yente ~4 /match requests per vCPU-second.');
}
