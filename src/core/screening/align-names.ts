/**
 * Lines up the tokens of a query name with those of one list name and scores the result.
 * Candidate pairings are one-to-one tokens, two query tokens glued against one list token
 * ("Gazprom Bank" / "GAZPROMBANK") and the reverse, and acronyms against runs of words
 * ("PLA" / "People's Liberation Army"). Pairings are taken greedily, best first, each token
 * once. The score is the similarity-weighted share of all token weight that was matched,
 * where unmatched query words cost more than unmatched list words (a list name often carries
 * extra descriptors the screener never types).
 */
import type { NameForm, NameToken, TokenRole } from './normalise/index.ts';
import type { TokenAlignment } from './types.ts';
import { gluedSimilarity, tokenSimilarity } from './token-similarity.ts';

export interface AlignmentWeights {
  /** Extra weight factor for a token of the list name (e.g. from how rare it is); 1 when unknown. */
  readonly rarity?: (token: NameToken) => number;
}

export interface NameAlignment {
  readonly score: number;
  readonly tokens: readonly TokenAlignment[];
  readonly parts: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
}

const ROLE_WEIGHT: Readonly<Record<TokenRole, number>> = {
  strong: 1,
  number: 1,
  initial: 0.4,
  generic: 0.35,
  legal: 0.2,
  stop: 0.1,
};

/** How much an unmatched token counts against the score, per side. */
export const UNMATCHED_QUERY_COST = 1;
export const UNMATCHED_ENTRY_COST = 0.55;
const ACRONYM_SIMILARITY = 0.85;

type PairKind = TokenAlignment['kind'];

interface Pairing {
  readonly q: readonly number[];
  readonly e: readonly number[];
  readonly similarity: number;
  readonly kind: PairKind;
}

const identifying = (t: NameToken): boolean => t.role === 'strong' || t.role === 'number' || t.role === 'initial';

export function alignNames(query: NameForm, entry: NameForm, weights: AlignmentWeights = {}): NameAlignment {
  const qt = query.tokens;
  const et = entry.tokens;
  const rarity = weights.rarity ?? (() => 1);
  const wq = qt.map((t) => ROLE_WEIGHT[t.role] * rarity(t));
  const we = et.map((t) => ROLE_WEIGHT[t.role] * rarity(t));

  const pairings = candidatePairings(qt, et);
  pairings.sort((x, y) => y.similarity - x.similarity || y.q.length + y.e.length - (x.q.length + x.e.length));
  const usedQ = new Array<boolean>(qt.length).fill(false);
  const usedE = new Array<boolean>(et.length).fill(false);
  const chosen: Pairing[] = [];
  for (const p of pairings) {
    if (p.q.some((i) => usedQ[i]) || p.e.some((j) => usedE[j])) continue;
    for (const i of p.q) usedQ[i] = true;
    for (const j of p.e) usedE[j] = true;
    chosen.push(p);
  }

  let matched = 0;
  let coveredWeight = 0;
  let strongMatched = false;
  for (const p of chosen) {
    const w = sum(p.q.map((i) => wq[i] ?? 0)) + sum(p.e.map((j) => we[j] ?? 0));
    matched += p.similarity * w;
    coveredWeight += w;
    if (p.q.some((i) => identifying(qt[i] as NameToken)) || p.e.some((j) => identifying(et[j] as NameToken))) strongMatched = true;
  }
  const unmatchedQuery = sum(qt.map((_, i) => (usedQ[i] ? 0 : (wq[i] ?? 0))));
  const unmatchedEntry = sum(et.map((_, j) => (usedE[j] ? 0 : (we[j] ?? 0))));
  const denominator = coveredWeight + UNMATCHED_QUERY_COST * unmatchedQuery + UNMATCHED_ENTRY_COST * unmatchedEntry;
  let score = denominator > 0 ? matched / denominator : 0;
  const notes: string[] = [];
  const parts: Record<string, number> = {
    matched: round(matched),
    unmatchedQuery: round(unmatchedQuery),
    unmatchedEntry: round(unmatchedEntry),
  };

  if (!strongMatched) {
    score *= 0.5;
    notes.push('only descriptive words (legal forms, generic words) matched');
  }
  if (numbersDisagree(qt, et, usedQ, usedE)) {
    score *= 0.7;
    notes.push('numbers differ');
  }
  if (query.strongKey !== '' && query.strongKey === entry.strongKey && score < 0.97) {
    score = 0.97;
    notes.push('same name once spacing, legal forms and generic words are ignored');
  }
  parts['tokens'] = round(score);

  const tokens: TokenAlignment[] = [];
  for (const p of chosen) {
    tokens.push({
      query: p.q.map((i) => qt[i]?.text ?? '').join(' '),
      entry: p.e.map((j) => et[j]?.text ?? '').join(' '),
      kind: p.kind === 'exact' || p.kind === 'fuzzy' || p.kind === 'phonetic' ? kindForRoles(p, qt, et) : p.kind,
      similarity: round(p.similarity),
    });
  }
  qt.forEach((t, i) => {
    if (!usedQ[i]) tokens.push({ query: t.text, entry: null, kind: 'unmatched', similarity: 0 });
  });
  return { score: clamp01(score), tokens, parts, notes };
}

function kindForRoles(p: Pairing, qt: readonly NameToken[], et: readonly NameToken[]): PairKind {
  const allWeak = p.q.every((i) => !identifying(qt[i] as NameToken)) && p.e.every((j) => !identifying(et[j] as NameToken));
  return allWeak ? 'weak' : p.kind;
}

function candidatePairings(qt: readonly NameToken[], et: readonly NameToken[]): Pairing[] {
  const out: Pairing[] = [];
  for (let i = 0; i < qt.length; i += 1) {
    const q = qt[i] as NameToken;
    for (let j = 0; j < et.length; j += 1) {
      const s = tokenSimilarity(q, et[j] as NameToken);
      if (s.similarity > 0) out.push({ q: [i], e: [j], similarity: s.similarity, kind: s.kind === 'abbreviation' ? 'abbreviation' : s.kind });
    }
  }
  addGluedPairings(qt, et, out, false);
  addGluedPairings(et, qt, out, true);
  addAcronymPairings(qt, et, out, false);
  addAcronymPairings(et, qt, out, true);
  return out;
}

/** Two adjacent tokens on one side glued, against one token on the other side. */
function addGluedPairings(side: readonly NameToken[], other: readonly NameToken[], out: Pairing[], reversed: boolean): void {
  for (let i = 0; i + 1 < side.length; i += 1) {
    const glued = (side[i] as NameToken).text + (side[i + 1] as NameToken).text;
    for (let j = 0; j < other.length; j += 1) {
      const target = (other[j] as NameToken).text;
      if (Math.abs(target.length - glued.length) > 3) continue;
      const s = gluedSimilarity(glued, target);
      if (s <= 0) continue;
      out.push(
        reversed
          ? { q: [j], e: [i, i + 1], similarity: s, kind: 'split' }
          : { q: [i, i + 1], e: [j], similarity: s, kind: 'joined' },
      );
    }
  }
}

/** A token of 2–6 letters equal to the initials of a run of words on the other side. */
function addAcronymPairings(side: readonly NameToken[], other: readonly NameToken[], out: Pairing[], reversed: boolean): void {
  for (let i = 0; i < side.length; i += 1) {
    const acronym = (side[i] as NameToken).text;
    if (acronym.length < 2 || acronym.length > 6 || !/^[a-z]+$/.test(acronym)) continue;
    for (let start = 0; start < other.length; start += 1) {
      if (other[start]?.role === 'stop') continue;
      const run: number[] = [];
      let letters = '';
      for (let j = start; j < other.length && letters.length < acronym.length; j += 1) {
        const t = other[j] as NameToken;
        run.push(j);
        if (t.role === 'stop') continue;
        letters += t.text[0] ?? '';
      }
      if (letters === acronym && run.length >= 2) {
        out.push(reversed ? { q: run, e: [i], similarity: ACRONYM_SIMILARITY, kind: 'abbreviation' } : { q: [i], e: run, similarity: ACRONYM_SIMILARITY, kind: 'abbreviation' });
      }
    }
  }
}

function numbersDisagree(qt: readonly NameToken[], et: readonly NameToken[], usedQ: readonly boolean[], usedE: readonly boolean[]): boolean {
  const qNumbers = qt.some((t, i) => t.role === 'number' && !usedQ[i]);
  const eNumbers = et.some((t, j) => t.role === 'number' && !usedE[j]);
  return qNumbers && eNumbers;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
