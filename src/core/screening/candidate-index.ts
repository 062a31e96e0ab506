/**
 * Candidate retrieval without scanning the list: an inverted index from normalised tokens
 * (and from adjacent tokens glued together) to the list names containing them, plus a
 * trigram index over the token vocabulary so a misspelt query token finds the list tokens
 * it resembles (and transpositions and a bigram count filter for words two or three edits
 * away). Each query token is looked up once; lookups are memoised per screener.
 */
import type { NameForm, NameToken } from './normalise/index.ts';
import { editBudget, spellingSimilarity, TOKEN_FLOOR, tokenSimilarity, type TokenSimilarity } from './token-similarity.ts';

export interface VocabularyHit {
  readonly token: number;
  readonly similarity: number;
}

export class CandidateIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly vocabularyTokens: NameToken[] = [];
  private postings: number[][] = [];
  private readonly documentFrequency: number[] = [];
  /** Adjacent token pairs glued ("gazprom"+"bank") → names, for queries that write them as one word. */
  private readonly glued = new Map<string, number[]>();
  private readonly trigrams = new Map<string, number[]>();
  /**
   * Bigrams over the vocabulary, keyed by bigram and token length: two or three edits leave
   * too few shared trigrams.
   */
  private readonly bigrams = new Map<number, number[]>();
  /** Shared-gram counts per vocabulary token, reset after each lookup. */
  private gramCounts = new Int32Array(0);
  /** Distinct padded bigrams of each vocabulary token. */
  private bigramTotals = new Int32Array(0);
  private readonly skeletons = new Map<string, number[]>();
  private readonly consonants = new Map<string, number[]>();
  /** Single-character deletions of short vocabulary tokens (symmetric-delete lookup for one edit). */
  private readonly deletions = new Map<string, number[]>();
  private readonly lookupCache = new Map<string, readonly VocabularyHit[]>();
  private nameCount = 0;
  private logNames = 1;

  /** Register every form of list name `nameId`. Call with increasing ids. */
  add(nameId: number, forms: readonly NameForm[]): void {
    this.nameCount = Math.max(this.nameCount, nameId + 1);
    const seenTokens = new Set<number>();
    for (const form of forms) {
      const tokens = form.tokens;
      for (let i = 0; i < tokens.length; i += 1) {
        const t = tokens[i] as NameToken;
        const id = this.tokenId(t);
        if (!seenTokens.has(id)) {
          seenTokens.add(id);
          (this.postings[id] as number[]).push(nameId);
          this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
        }
      }
      for (const g of form.glued) pushUnique(this.glued, g, nameId);
      if (form.gluedSurface !== form.glued) for (const g of form.gluedSurface) pushUnique(this.glued, g, nameId);
    }
  }

  /** Finish building: trigram and sound-alike maps over the vocabulary. */
  seal(): void {
    this.logNames = Math.log(1 + this.nameCount);
    this.gramCounts = new Int32Array(this.vocabularyTokens.length);
    this.bigramTotals = new Int32Array(this.vocabularyTokens.length);
    this.vocabularyTokens.forEach((t, id) => {
      for (const g of trigramsOf(t.text)) pushUnique(this.trigrams, g, id);
      if (t.text.length >= MIN_BIGRAM_LENGTH - 3) {
        const grams = bigramsOf(t.text);
        this.bigramTotals[id] = grams.size;
        for (const g of grams) pushUnique(this.bigrams, bigramKey(g, t.text.length), id);
      }
      pushUnique(this.skeletons, t.skeleton, id);
      pushUnique(this.consonants, t.consonants, id);
      if (t.text.length >= 3 && t.text.length <= MAX_DELETION_LENGTH) for (const d of deletionsOf(t.text)) pushUnique(this.deletions, d, id);
    });
  }

  get vocabularySize(): number {
    return this.vocabularyTokens.length;
  }

  /** 0.4–1: how much a token identifies a name, from how many list names contain it. */
  rarity(token: NameToken): number {
    const id = this.vocabulary.get(token.text);
    if (id === undefined) return 1;
    const df = this.documentFrequency[id] ?? 1;
    const idf = Math.log(1 + this.nameCount / df) / this.logNames;
    return 0.4 + 0.6 * idf;
  }

  postingsOf(token: number): readonly number[] {
    return this.postings[token] ?? [];
  }

  gluedPostings(text: string): readonly number[] {
    return this.glued.get(text) ?? [];
  }

  /** Vocabulary tokens with these consonants (a word written without vowels, read against romanised list words). */
  tokensWithConsonants(consonants: string): readonly number[] {
    return this.consonants.get(consonants) ?? [];
  }

  exactToken(text: string): number | undefined {
    return this.vocabulary.get(text);
  }

  /** Token likeness as the screener scores it: spelling likeness between two listed words discounted. */
  similarity(query: NameToken, listed: NameToken): TokenSimilarity {
    const s = tokenSimilarity(query, listed);
    if (s.kind !== 'fuzzy' || !this.vocabulary.has(query.text)) return s;
    const discounted = s.similarity * LISTED_WORD_FUZZY_DISCOUNT;
    return { similarity: discounted >= TOKEN_FLOOR ? discounted : 0, kind: s.kind };
  }

  /** List tokens resembling a query token, best first (memoised). */
  similarTokens(query: NameToken): readonly VocabularyHit[] {
    const key = `${query.abjad ? 'a' : ''}${query.exactOnly ? 'x' : ''}|${query.role === 'number' ? 'n' : ''}|${query.text}`;
    const cached = this.lookupCache.get(key);
    if (cached !== undefined) return cached;
    const hits = this.computeSimilarTokens(query);
    if (this.lookupCache.size > 100_000) this.lookupCache.clear();
    this.lookupCache.set(key, hits);
    return hits;
  }

  private computeSimilarTokens(query: NameToken): VocabularyHit[] {
    const exact = this.vocabulary.get(query.text);
    if (query.role === 'number' || query.text.length === 1 || query.exactOnly) {
      return exact === undefined ? [] : [{ token: exact, similarity: 1 }];
    }
    const candidates = new Set<number>();
    if (exact !== undefined) candidates.add(exact);
    for (const id of this.skeletons.get(query.skeleton) ?? []) candidates.add(id);
    // Same consonants: abjad scripts, and the vowels transliteration varies (Mohamed/Muhammad, Husayn/Hossein).
    if (query.abjad || query.consonants.length >= MIN_CONSONANT_KEY) for (const id of this.consonants.get(query.consonants) ?? []) candidates.add(id);
    // One edit, whatever its position: symmetric deletions (short tokens share too few trigrams).
    if (query.text.length <= MAX_DELETION_LENGTH + 1) {
      this.addOneEditNeighbours(query.text, candidates);
      // A swapped pair of letters plus one more edit ("mhoaiad" / "mohamad") breaks three bigrams and most trigrams.
      for (const swapped of transpositionsOf(query.text)) this.addOneEditNeighbours(swapped, candidates);
    }
    const grams = trigramsOf(query.text);
    // An edit touches up to three trigrams and the budget allows up to four edits on long tokens.
    const needed = Math.max(2, Math.ceil(grams.length * 0.25));
    const length = query.text.length;
    this.countShared(
      grams.map((g) => this.trigrams.get(g)),
      (id, count) => count >= needed && Math.abs((this.vocabularyTokens[id] as NameToken).text.length - length) <= 3,
      candidates,
    );
    const spelled = new Set<number>();
    if (exact === undefined && length >= MIN_BIGRAM_LENGTH) this.addBigramNeighbours(query.text, spelled);
    const hits: VocabularyHit[] = [];
    for (const id of candidates) {
      const t = this.vocabularyTokens[id] as NameToken;
      const s = id === exact ? 1 : this.similarity(query, t).similarity;
      if (s >= TOKEN_FLOOR) hits.push({ token: id, similarity: s });
    }
    // Bigram neighbours are spelling neighbours: the full likeness only for those within the edit budget.
    for (const id of spelled) {
      if (candidates.has(id)) continue;
      const t = this.vocabularyTokens[id] as NameToken;
      if (spellingSimilarity(query.text, t.text) === 0) continue;
      const s = this.similarity(query, t).similarity;
      if (s >= TOKEN_FLOOR) hits.push({ token: id, similarity: s });
    }
    hits.sort((a, b) => b.similarity - a.similarity);
    return hits;
  }

  /** Vocabulary tokens one insertion, deletion or substitution away (symmetric deletions). */
  private addOneEditNeighbours(text: string, candidates: Set<number>): void {
    const same = this.vocabulary.get(text);
    if (same !== undefined) candidates.add(same);
    for (const id of this.deletions.get(text) ?? []) candidates.add(id);
    for (const d of deletionsOf(text)) {
      const id = this.vocabulary.get(d);
      if (id !== undefined) candidates.add(id);
      for (const other of this.deletions.get(d) ?? []) candidates.add(other);
    }
  }

  /**
   * Vocabulary tokens within the edit budget of a query token. A substitution,
   * insertion or deletion destroys at most two of its distinct padded bigrams, so a token within
   * k such edits shares all but 2k of them (transpositions are looked up separately).
   */
  private addBigramNeighbours(text: string, candidates: Set<number>): void {
    const grams = bigramsOf(text);
    const edits = editBudget(text.length);
    const needed = Math.max(2, grams.size - 2 * edits);
    const postings: Array<readonly number[] | undefined> = [];
    for (let length = Math.max(1, text.length - edits); length <= text.length + edits; length += 1) {
      for (const g of grams) postings.push(this.bigrams.get(bigramKey(g, length)));
    }
    this.countShared(
      postings,
      (id, shared) => {
        // The bound holds from both sides: the list token keeps all but 2k of its own bigrams too.
        const pairEdits = editBudget(Math.max(text.length, (this.vocabularyTokens[id] as NameToken).text.length));
        return shared >= needed && shared >= (this.bigramTotals[id] ?? 0) - 2 * pairEdits;
      },
      candidates,
    );
  }

  /** Counts, per vocabulary token, the posting lists it is on; adds those `keep` accepts. */
  private countShared(postings: ReadonlyArray<readonly number[] | undefined>, keep: (id: number, count: number) => boolean, candidates: Set<number>): void {
    const counts = this.gramCounts;
    const touched: number[] = [];
    for (const list of postings) {
      for (const id of list ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    for (const id of touched) {
      if (keep(id, counts[id] ?? 0)) candidates.add(id);
      counts[id] = 0;
    }
  }

  private tokenId(t: NameToken): number {
    const existing = this.vocabulary.get(t.text);
    if (existing !== undefined) return existing;
    const id = this.vocabularyTokens.length;
    this.vocabulary.set(t.text, id);
    this.vocabularyTokens.push(t);
    this.postings.push([]);
    this.documentFrequency.push(0);
    return id;
  }
}

function pushUnique<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

const MAX_DELETION_LENGTH = 10;

function transpositionsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (text[i] !== text[i + 1]) out.push(text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2));
  }
  return out;
}

function deletionsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const d = text.slice(0, i) + text.slice(i + 1);
    if (out[out.length - 1] !== d) out.push(d);
  }
  return out;
}

/**
 * A query word that is itself a word of some listed name is less likely a misspelling of another
 * listed word: "Carter" and "Carper" are both surnames on the lists, so "Charles Carter" is
 * probably not "Charles Carper". Spelling likeness between two listed words counts for a little
 * less; sound-alike and transliteration likeness (Mohamed/Mohammed by skeleton) is untouched.
 * Measured on the harness: person false alerts on clean names 10.7 → 5.9 per 1,000, recall on
 * variants unchanged (typos are rarely listed words), 0.90 cost a point of typo recall.
 */
export const LISTED_WORD_FUZZY_DISCOUNT = 0.95;

/** A consonant key this long is specific enough to look up for any script (shorter ones match half the vocabulary). */
const MIN_CONSONANT_KEY = 3;

/** Bigram lookups are for tokens long enough to carry two edits. */
const MIN_BIGRAM_LENGTH = 5;

/** Distinct padded bigrams of a token, each as one number (two UTF-16 code units). */
function bigramsOf(text: string): Set<number> {
  const out = new Set<number>();
  let previous = BOUNDARY;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : BOUNDARY;
    out.add(previous * 65536 + code);
    previous = code;
  }
  return out;
}

const BOUNDARY = 0;
const MAX_KEYED_LENGTH = 63;

function bigramKey(gram: number, length: number): number {
  return gram * 64 + Math.min(length, MAX_KEYED_LENGTH);
}

export function trigramsOf(text: string): string[] {
  const padded = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) out.push(padded.slice(i, i + 3));
  return out;
}
