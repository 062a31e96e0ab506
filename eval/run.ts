/**
 * `npm run eval`: the screening evaluation harness. Reads the shared list data beside the
 * project (../shared/data/lists, or CLEARANCE_SHARED_DIR) and prints every figure of
 * docs/screening-matching.md; sections whose files are absent are skipped with a message.
 * Options: --quick (smaller samples), --misses (print recall misses and false alerts).
 */
import { existsSync } from 'node:fs';
import { buildScreener } from '../src/core/screening/build-screener.ts';
import { DEFAULT_THRESHOLD } from '../src/core/screening/threshold.ts';
import type { ListEntry, PartyType, ScreeningMatch, ScreeningQuery } from '../src/core/screening/types.ts';
import { missingShared, sharedPath } from '../tests/support/shared-data.ts';
import { loadListEntries } from './data/load-lists.ts';
import { runListRecall } from './list-recall.ts';
import { fixed, pct, table } from './metrics.ts';
import { runBirthYears } from './birth-years.ts';
import { HomonymJudge, type HomonymKind } from './homonyms.ts';
import { generateNegatives, type Negative } from './negatives.ts';
import { runPairs } from './pairs.ts';
import { runCrossScript, runOfacParity } from './parity.ts';
import { generateVariants } from './variants.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const showMisses = args.has('--misses');
const THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.9].filter((t, i, a) => a.indexOf(t) === i);
const out = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};

async function section(title: string, needs: readonly string[][], body: () => void | Promise<void>): Promise<void> {
  out(`\n## ${title}\n`);
  for (const parts of needs) {
    const missing = missingShared(...parts);
    if (missing !== null) {
      out(missing);
      return;
    }
  }
  await body();
}

out(`# Screening evaluation (default threshold ${DEFAULT_THRESHOLD})`);

await section('Pair level: nomenklatura labelled pairs', [['data/lists/peer_tests/nomenklatura/cases.csv'], ['data/lists/peer_tests/nomenklatura/logicv2-frozen.csv']], () => {
  const r = runPairs(sharedPath('data/lists/peer_tests/nomenklatura/cases.csv'), sharedPath('data/lists/peer_tests/nomenklatura/logicv2-frozen.csv'), DEFAULT_THRESHOLD);
  out(r.text);
});

await section('OFAC parity', [['data/lists/peer_tests/nomenklatura/ofac_fixtures.csv']], () => {
  out(runOfacParity(sharedPath('data/lists/peer_tests/nomenklatura/ofac_fixtures.csv'), DEFAULT_THRESHOLD));
});

await section('Cross-script pairs (Watchman)', [['data/lists/peer_tests/watchman/cross_script_pairs.csv']], () => {
  out(runCrossScript(sharedPath('data/lists/peer_tests/watchman/cross_script_pairs.csv'), DEFAULT_THRESHOLD));
});

const cslParts = ['data/lists/csl_2026-07-31/consolidated.csv'];
await section('List level: the Consolidated Screening List of 2026-07-31', [cslParts], async () => {
  const entries = await loadListEntries(sharedPath(...cslParts));
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const screener = buildScreener(entries);
  const buildMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  out(`${entries.length} entries, ${screener.nameCount} names (primary + aliases), vocabulary ${screener.vocabularySize} tokens; index built in ${fixed(buildMs / 1000, 2)} s, heap +${fixed(heapMb, 0)} MB.`);

  out('\n### Recall on generated variants\n');
  const perStratum = quick ? { 'bis-entity': 150, 'ofac-sdn': 60, default: 15 } : { 'bis-entity': 700, 'ofac-sdn': 250, default: 60 };
  const variants = generateVariants(entries, perStratum);
  const describe = (v: { entry: number }): string => `${entries[v.entry]?.list ?? ''} "${entries[v.entry]?.name ?? ''}"`;
  const recall = runListRecall(screener, variants, THRESHOLDS, DEFAULT_THRESHOLD, describe);
  out(`${variants.length} variants from ${new Set(variants.map((v) => v.entry)).size} entries (Entity List weighted up; 70% from CN, HK, RU, AE, IR, SG, TW, MY where available).`);
  out(recall.text);
  out(`Misses at the default threshold: ${recall.misses.length}`);
  for (const m of recall.misses.slice(0, showMisses ? 400 : 15)) out(`  - ${m}`);

  out('\n### False alerts on generated clean names\n');
  const judge = new HomonymJudge(entries);
  const drawn = generateNegatives(quick ? 2500 : 10_000, quick ? 2500 : 10_000);
  // Small name-part tables repeat combinations; each distinct name counts once.
  const generated = [...new Map(drawn.map((n) => [n.name, n])).values()];
  const judged = generated.map((n) => ({ n, homonym: judge.judge(n.name, n.kind) }));
  const negatives = judged.filter((j) => j.homonym === null).map((j) => j.n);
  const nearHomonyms = judged.filter((j) => j.homonym === 'sound-alike' || j.homonym === 'partial-person');
  const countOf = (kind: HomonymKind): number => judged.filter((j) => j.homonym === kind).length;
  out(
    `${drawn.length} names drawn, ${generated.length} distinct. Set aside as names of listed parties (screening them should alert): ${countOf('exact')} exact homonyms, ` +
      `${countOf('sound-alike')} sound-alike homonyms (same Double Metaphone code, or consonants for abjad scripts, for every word), ` +
      `${countOf('partial-person')} partial person homonyms (a listed person's name with a given name, middle name or patronymic missing on one side). ${negatives.length} screened as clean.`,
  );
  const best = (name: string): ScreeningMatch | undefined => screener.screen({ name }, { threshold: Math.min(...THRESHOLDS), limit: 1 })[0];
  const top = negatives.map((n) => ({ n, score: best(n.name) }));
  const rows: string[][] = [];
  const groups = new Map<string, typeof top>();
  for (const t of top) {
    const key = `${t.n.kind} / ${t.n.script}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const alertRate = (set: typeof top, th: number): string => fixed((1000 * set.filter((t) => (t.score?.score ?? 0) >= th).length) / Math.max(1, set.length), 1);
  for (const [key, set] of [...groups].sort()) rows.push([key, String(set.length), ...THRESHOLDS.map((th) => alertRate(set, th))]);
  for (const kind of ['person', 'company'] as const) {
    const set = top.filter((t) => t.n.kind === kind);
    rows.push([`all ${kind} names`, String(set.length), ...THRESHOLDS.map((th) => alertRate(set, th))]);
  }
  rows.push(['all', String(top.length), ...THRESHOLDS.map((th) => alertRate(top, th))]);
  out('Alerts per 1,000 clean names screened (a name alerts when its best match reaches the threshold):');
  out(table(['kind / script', 'n', ...THRESHOLDS.map((t) => `@${t}${Math.abs(t - DEFAULT_THRESHOLD) < 1e-9 ? '*' : ''}`)], rows));
  const alerts = top.filter((t) => (t.score?.score ?? 0) >= DEFAULT_THRESHOLD);
  for (const a of alerts.slice(0, showMisses ? 200 : 10)) out(`  - "${a.n.name}" → ${a.score?.list ?? ''} "${a.score?.matchedName ?? ''}" ${fixed(a.score?.score ?? 0)}`);
  // Screening as a compliance user does: the party's type is known (a person, a company), and so is its country.
  const typeOf = (n: Negative): PartyType => (n.kind === 'person' ? 'individual' : 'entity');
  const conditions: ReadonlyArray<readonly [string, (n: Negative) => ScreeningQuery]> = [
    ['type stated', (n) => ({ name: n.name, type: typeOf(n) })],
    ["type and the name's country", (n) => ({ name: n.name, type: typeOf(n), country: n.country })],
  ];
  const byCondition = [
    { label: 'name only', top },
    ...conditions.map(([label, queryOf]) => ({
      label,
      top: negatives.map((n) => ({ n, score: screener.screen(queryOf(n), { threshold: Math.min(...THRESHOLDS), limit: 1 })[0] })),
    })),
  ];
  out("\nThe same names screened as a user would, with the party's type (individual or entity) and with the country such a name most plausibly gives (one per culture: CN for Chinese names, RU for Russian, AE for Arabic, GR, VN, US …), alerts per 1,000:");
  out(
    table(
      ['condition', 'kind', 'n', ...THRESHOLDS.map((t) => `@${t}${Math.abs(t - DEFAULT_THRESHOLD) < 1e-9 ? '*' : ''}`)],
      byCondition.flatMap(({ label, top: set }) =>
        (['person', 'company'] as const).map((kind) => {
          const ofKind = set.filter((t) => t.n.kind === kind);
          return [label, kind, String(ofKind.length), ...THRESHOLDS.map((th) => alertRate(ofKind, th))];
        }),
      ),
    ),
  );
  for (const { label, top: set } of byCondition.slice(1)) {
    const left = set.filter((t) => (t.score?.score ?? 0) >= DEFAULT_THRESHOLD);
    out(`Alerts left with ${label} (${left.length}): ${left.slice(0, showMisses ? 200 : 10).map((a) => `"${a.n.name}" (${a.n.country}) → "${a.score?.matchedName ?? ''}" ${fixed(a.score?.score ?? 0)}`).join('; ') || 'none'}.`);
  }
  const nearTop = nearHomonyms.map((j) => ({ n: j.n, score: best(j.n.name) }));
  out(`\nThe ${nearTop.length} sound-alike and partial homonyms, for comparison (these should alert): ${alertRate(nearTop, DEFAULT_THRESHOLD)} per 1,000 reach the default threshold.`);
  const raw = [...top, ...nearTop];
  out(`Counting them as false alerts anyway (only exact homonyms set aside, n=${raw.length}): persons ${alertRate(raw.filter((t) => t.n.kind === 'person'), DEFAULT_THRESHOLD)} per 1,000, companies ${alertRate(raw.filter((t) => t.n.kind === 'company'), DEFAULT_THRESHOLD)} per 1,000.`);

  out('\n### Country as supporting evidence\n');
  const sample = variants.filter((v) => v.family === 'typo' && (entries[v.entry]?.countries.length ?? 0) > 0).slice(0, 400);
  const scoreWith = (name: string, country: string | undefined, key: string): number => {
    const m = screener.screen(country === undefined ? { name } : { name, country }, { threshold: 0.5, limit: 50 }).find((x) => `${x.list}:${x.sourceId}` === key);
    return m?.score ?? 0;
  };
  let none = 0;
  let right = 0;
  let wrong = 0;
  for (const v of sample) {
    const entry = entries[v.entry] as ListEntry;
    none += scoreWith(v.query, undefined, v.expectedKey);
    right += scoreWith(v.query, entry.countries[0], v.expectedKey);
    wrong += scoreWith(v.query, entry.countries.includes('US') ? 'FR' : 'US', v.expectedKey);
  }
  const n = Math.max(1, sample.length);
  out(`Typo variants (n=${sample.length}), mean score of the true entry: no country ${fixed(none / n)}, correct country ${fixed(right / n)}, contradicting country ${fixed(wrong / n)}.`);
  const alertsWithCountry = negatives.slice(0, 3000).filter((neg) => (screener.screen({ name: neg.name, country: 'BR' }, { limit: 1 })[0]?.score ?? 0) >= DEFAULT_THRESHOLD).length;
  out(`Clean names screened with a country that no listed entry near them has (BR), first 3,000: ${fixed((1000 * alertsWithCountry) / Math.min(3000, negatives.length), 1)} alerts per 1,000 (vs ${alertRate(top.slice(0, 3000), DEFAULT_THRESHOLD)} without country).`);
});

const ofacParts = ['data/lists/ofac_sdn_full_set_2021-07/sdn.csv'];
await section('Year of birth as supporting evidence: the OFAC SDN full set of 2021-07', [ofacParts], async () => {
  const entries = await loadListEntries(sharedPath('data/lists/ofac_sdn_full_set_2021-07'));
  out(runBirthYears(entries, new HomonymJudge(entries), quick));
});

if (!existsSync(sharedPath('data/lists'))) out('\nNo shared list data found: nothing was measured. Set CLEARANCE_SHARED_DIR to the folder holding data/lists.');
