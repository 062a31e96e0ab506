/**
 * `npm run bench`: runs every benchmark module in turn. Each prints its figures as ratios
 * against a baseline measured in the same run, because these machines are noisy.
 * Pass names to run a subset: `npm run bench -- classification screening`.
 */
const suites: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  classification: () => import('./classification.bench.ts'),
  determination: () => import('./determination.bench.ts'),
  http: () => import('./http.bench.ts'),
  lists: () => import('./lists.bench.ts'),
  screening: () => import('./screening.bench.ts'),
  storage: () => import('./storage.bench.ts'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  const suite = await load();
  await suite.run();
}
