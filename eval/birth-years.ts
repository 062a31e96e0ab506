/**
 * Year of birth as supporting evidence, on the OFAC SDN set whose remarks carry years of birth
 * (the CSL file of 2026-07-31 has none). Clean person names are screened without a year and with
 * a plausible random one; person variants are screened with the listed person's own year.
 */
import { buildScreener } from '../src/core/screening/build-screener.ts';
import type { ListEntry } from '../src/core/screening/types.ts';
import { DEFAULT_THRESHOLD } from '../src/core/screening/threshold.ts';
import type { HomonymJudge } from './homonyms.ts';
import { fixed, pct, prng } from './metrics.ts';
import { generateNegatives } from './negatives.ts';
import { generateVariants } from './variants.ts';

export function runBirthYears(entries: readonly ListEntry[], judge: HomonymJudge, quick: boolean): string {
  const screener = buildScreener(entries);
  const rnd = prng(1971);
  const year = (): number => 1940 + Math.floor(rnd() * 60);
  const drawn = generateNegatives(quick ? 2500 : 10_000, 0, 4242);
  const persons = [...new Map(drawn.map((n) => [n.name, n])).values()].filter((n) => judge.judge(n.name, 'person') === null);
  const alerts = (birthYear: () => number | undefined): number =>
    persons.filter((n) => {
      const born = birthYear();
      return (screener.screen(born === undefined ? { name: n.name } : { name: n.name, birthYear: born }, { limit: 1 })[0]?.score ?? 0) >= DEFAULT_THRESHOLD;
    }).length;
  const without = alerts(() => undefined);
  const withYear = alerts(year);
  const per1000 = (k: number): string => fixed((1000 * k) / Math.max(1, persons.length), 1);

  const variants = generateVariants(entries, quick ? { 'ofac-sdn': 150 } : { 'ofac-sdn': 600 }, 77).filter((v) => {
    const e = entries[v.entry];
    return e !== undefined && e.type === 'individual' && (e.birthYears ?? []).length > 0 && v.family !== 'exact';
  });
  const found = (withYears: boolean): number =>
    variants.filter((v) => {
      const e = entries[v.entry] as ListEntry;
      const q = withYears ? { name: v.query, birthYear: (e.birthYears ?? [])[0] as number } : { name: v.query };
      return screener.screen(q, { limit: 10 }).some((m) => m.entry === e);
    }).length;
  const recallPlain = found(false);
  const recallYears = found(true);
  const withBirth = entries.filter((e) => e.type === 'individual' && (e.birthYears ?? []).length > 0).length;
  const listedPersons = entries.filter((e) => e.type === 'individual').length;
  return [
    `${withBirth} of ${listedPersons} listed persons carry a year of birth.`,
    `Clean person names (${persons.length}, homonyms set aside as above): ${per1000(without)} alerts per 1,000 without a year of birth, ${per1000(withYear)} with a random year from 1940–1999.`,
    `Person variants of entries with a year (${variants.length}): recall at ${DEFAULT_THRESHOLD} ${pct(recallPlain / Math.max(1, variants.length))} without a year, ${pct(recallYears / Math.max(1, variants.length))} with the person's own year.`,
  ].join('\n');
}
