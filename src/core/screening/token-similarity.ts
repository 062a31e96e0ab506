/**
 * Similarity of two normalised tokens in [0, 1], and what kind of likeness it was.
 * Spelling distance is a weighted optimal-string-alignment distance where swaps that
 * transliteration and typing produce often (vowel for vowel, c/k, 0/o, 1/l …) cost less than
 * other edits. Below a floor the similarity is zero: too many edits mean a different name.
 */
import type { NameToken } from './normalise/index.ts';

export type TokenLikeness = 'exact' | 'fuzzy' | 'phonetic' | 'abbreviation';

export interface TokenSimilarity {
  readonly similarity: number;
  readonly kind: TokenLikeness;
}

const FIRST_SOUND_PENALTY = 0.95;
/** Below this a token pair does not count as matched at all. */
export const TOKEN_FLOOR = 0.7;

const NONE: TokenSimilarity = { similarity: 0, kind: 'fuzzy' };
const EXACT: TokenSimilarity = { similarity: 1, kind: 'exact' };

const CHEAP_PAIRS = ['ck', 'cs', 'kq', 'iy', 'ie', 'ou', 'vw', 'sz', 'o0', 'l1', 'i1', 's5', 'b8', 'fv', 'gj', 'bp', 'dt', 'gk', 'a4', 'e3', 'g9'];
const VOWELS = 'aeiouy';

/** Substitution costs on ASCII codes: 0.5 for look-alike/sound-alike pairs, 0.6 vowel for vowel, else 1. */
const COSTS = (() => {
  const table = new Float64Array(128 * 128).fill(1);
  for (let c = 0; c < 128; c += 1) table[c * 128 + c] = 0;
  for (const a of VOWELS) for (const b of VOWELS) if (a !== b) table[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = 0.6;
  for (const p of CHEAP_PAIRS) {
    const a = p.charCodeAt(0);
    const b = p.charCodeAt(1);
    table[a * 128 + b] = 0.5;
    table[b * 128 + a] = 0.5;
  }
  return table;
})();

/** Two neighbouring letters swapped are one slip of the fingers, cheaper than two unrelated edits ("Mhoaiad" / "Mohamad"). */
const TRANSPOSITION_COST = 0.75;

let previousRow = new Float64Array(64);
let currentRow = new Float64Array(64);
let twoBack = new Float64Array(64);

/**
 * Weighted optimal string alignment distance (adjacent transpositions cost 0.75). Stops early
 * and returns a value above `cutoff` once every alignment already costs more.
 */
export function weightedDistance(a: string, b: string, cutoff = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > previousRow.length) {
    previousRow = new Float64Array(m + 1);
    currentRow = new Float64Array(m + 1);
    twoBack = new Float64Array(m + 1);
  }
  for (let j = 0; j <= m; j += 1) previousRow[j] = j;
  for (let i = 1; i <= n; i += 1) {
    currentRow[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1) & 127;
    const caPrev = i > 1 ? a.charCodeAt(i - 2) & 127 : -1;
    for (let j = 1; j <= m; j += 1) {
      const cb = b.charCodeAt(j - 1) & 127;
      let best = (previousRow[j - 1] as number) + (COSTS[ca * 128 + cb] as number);
      const del = (previousRow[j] as number) + 1;
      if (del < best) best = del;
      const ins = (currentRow[j - 1] as number) + 1;
      if (ins < best) best = ins;
      if (j > 1 && caPrev === cb && ca === (b.charCodeAt(j - 2) & 127)) {
        const tr = (twoBack[j - 2] as number) + TRANSPOSITION_COST;
        if (tr < best) best = tr;
      }
      currentRow[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > cutoff) return rowMin;
    const spare = twoBack;
    twoBack = previousRow;
    previousRow = currentRow;
    currentRow = spare;
  }
  return previousRow[m] as number;
}

/** Spelling similarity with a length-dependent edit budget. */
export function spellingSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > budget(longest)) return 0;
  const allowed = budget(longest);
  const d = weightedDistance(a, b, allowed);
  if (d > allowed) return 0;
  return 1 - d / longest;
}

/** Edits a token of this length may differ by and still count as the same word. */
export function editBudget(length: number): number {
  return Math.floor(budget(length));
}

function budget(length: number): number {
  if (length <= 2) return 0.6;
  if (length <= 4) return 1;
  if (length <= 7) return 2;
  if (length <= 11) return 3;
  return 4;
}

export function tokenSimilarity(q: NameToken, e: NameToken): TokenSimilarity {
  const a = q.text;
  const b = e.text;
  if (a === b) return EXACT;
  if (q.role === 'number' || e.role === 'number' || q.exactOnly || e.exactOnly) return NONE;
  if (a.length === 1 || b.length === 1) {
    // A single letter read as a designator (ship and aircraft names) stands for no word.
    const single = a.length === 1 ? q : e;
    if (single.role === 'strong') return NONE;
    return a[0] === b[0] ? { similarity: 0.9, kind: 'abbreviation' } : NONE;
  }
  let best = spellingSimilarity(a, b);
  let kind: TokenLikeness = 'fuzzy';
  if (q.skeleton === e.skeleton) {
    if (0.95 > best) {
      best = 0.95;
      kind = 'phonetic';
    }
  } else if (best < 0.9) {
    const viaSkeleton = 0.95 * spellingSimilarity(q.skeleton, e.skeleton);
    if (viaSkeleton > best) {
      best = viaSkeleton;
      kind = 'phonetic';
    }
  }
  if ((q.abjad || e.abjad) && best < 0.9) {
    // Equal consonant skeletons are strong evidence only when there are enough consonants.
    const n = q.consonants.length;
    const viaConsonants =
      q.consonants === e.consonants ? (n >= 3 ? 0.9 : n === 2 ? 0.8 : 0.7) : 0.85 * spellingSimilarity(q.consonants, e.consonants);
    if (viaConsonants > best) {
      best = viaConsonants;
      kind = 'phonetic';
    }
  }
  const sameStart = a[0] === b[0] || q.skeleton[0] === e.skeleton[0];
  if (sameStart && best >= 0.6 && best < 0.9 && sharesMetaphone(q, e)) {
    best = Math.min(0.9, best + 0.05);
    kind = 'phonetic';
  }
  // Names rarely differ in their first sound (Watchman gates on it); "Fang" is not "Wang".
  if (!sameStart) best *= FIRST_SOUND_PENALTY;
  return best >= TOKEN_FLOOR ? { similarity: best, kind } : NONE;
}

function sharesMetaphone(q: NameToken, e: NameToken): boolean {
  const [qp, qs] = q.metaphone;
  const [ep, es] = e.metaphone;
  return qp !== '' && (qp === ep || qp === es || qs === ep);
}

/** A spelling difference inside words that are also split or joined differently is weaker evidence. */
const GLUED_FUZZY_DISCOUNT = 1;

/** Similarity of a glued string against one token's text (joined/split words). */
export function gluedSimilarity(glued: string, token: string): number {
  if (glued === token) return 1;
  const s = GLUED_FUZZY_DISCOUNT * spellingSimilarity(glued, token);
  return s >= TOKEN_FLOOR ? s : 0;
}
