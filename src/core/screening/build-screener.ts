/**
 * Builds a Screener over list entries: every primary name and alias is normalised once into
 * its forms and indexed; a query retrieves candidate names through the index (no full scan),
 * scores each candidate with the token aligner, adds country/address evidence and returns
 * the best name per entry with its explanation.
 */
import { alignmentScore, alignNames, ROLE_WEIGHT, UNTYPED_PERSON_COSTS, type AlignmentCosts, type AlignmentOptions } from './align-names.ts';
import { compoundConsonants } from './arabic-compounds.ts';
import { costsFor } from './compare-names.ts';
import { CandidateIndex } from './candidate-index.ts';
import { contextAdjustment, maxContextGain } from './context-evidence.ts';
import { looksLikePersonName } from './person-like.ts';
import { nameForms, type NameContext, type NameForm, type NameKind, type NameToken } from './normalise/index.ts';
import { DEFAULT_THRESHOLD } from './threshold.ts';
import { gluedSimilarity, tokenSimilarity, type TokenSimilarity } from './token-similarity.ts';
import type { ListEntry, MatchExplanation, PartyType, ScreenOptions, Screener, ScreeningMatch, ScreeningQuery } from './types.ts';

export interface BuildScreenerOptions {
  /** Score used when `screen` is called without a threshold. */
  readonly defaultThreshold?: number;
  /** Matches returned per query when `screen` is called without a limit. */
  readonly defaultLimit?: number;
  /** A candidate name must share at least this share of the query's token weight to be scored (default: derived from the threshold). */
  readonly candidateShare?: number;
  /** At most this many candidate names are scored per query form, those sharing the most weight first. */
  readonly maxCandidates?: number;
  /**
   * Forms computed earlier for name `text` of entry `entryIndex` (an adapter's cache built over the same
   * entries and normalisation code); undefined means "compute them here". Must equal what `nameForms` gives.
   */
  readonly cachedForms?: (entryIndex: number, text: string) => readonly NameForm[] | undefined;
  /** Called with the forms of every distinct name as indexed, in order, so that an adapter can save them. */
  readonly onForms?: (entryIndex: number, text: string, forms: readonly NameForm[]) => void;
}

interface IndexedName {
  readonly entry: number;
  readonly text: string;
  readonly alias: boolean;
  readonly forms: readonly NameForm[];
  readonly costs: AlignmentCosts;
  /** Token weights (role × rarity) per form, filled once the index is sealed. */
  weights: readonly (readonly number[])[];
  /** Vocabulary id of each token per form, filled once the index is sealed. */
  ids: readonly Int32Array[];
}

/** Statistics of the last query, for the benchmark. */
export interface QueryStatistics {
  /** Names retrieved from the index. */
  readonly candidates: number;
  /** Name forms actually aligned (after the score bound). */
  readonly aligned: number;
}

export interface IndexedScreenerInfo {
  readonly nameCount: number;
  readonly vocabularySize: number;
  lastQuery(): QueryStatistics;
}

const DEFAULT_LIMIT = 20;
const DEFAULT_MAX_CANDIDATES = 250;

export function nameKindOf(type: PartyType): NameKind {
  if (type === 'individual') return 'person';
  if (type === 'unknown') return 'unknown';
  return 'entity';
}

/** What of a list entry besides its name changes how the name is read. */
export function nameContextOf(entry: ListEntry): NameContext {
  return { countries: entry.countries, designators: entry.type === 'vessel' || entry.type === 'aircraft' };
}

export function buildScreener(entries: readonly ListEntry[], options: BuildScreenerOptions = {}): Screener & IndexedScreenerInfo {
  const index = new CandidateIndex();
  const names: IndexedName[] = [];
  entries.forEach((entry, entryIndex) => {
    const kind = nameKindOf(entry.type);
    const seen = new Set<string>();
    [entry.name, ...entry.aliases].forEach((text, k) => {
      const trimmed = text.trim();
      if (trimmed === '' || seen.has(trimmed)) return;
      seen.add(trimmed);
      const forms = options.cachedForms?.(entryIndex, trimmed) ?? nameForms(trimmed, kind, nameContextOf(entry));
      options.onForms?.(entryIndex, trimmed, forms);
      if (forms.length === 0) return;
      index.add(names.length, forms);
      const costs = kind === 'unknown' && looksLikePersonName(forms) ? UNTYPED_PERSON_COSTS : costsFor(kind);
      names.push({ entry: entryIndex, text: trimmed, alias: k > 0, forms, costs, weights: [], ids: [] });
    });
  });
  index.seal();
  for (const name of names) {
    name.weights = name.forms.map((f) => f.tokens.map((t) => ROLE_WEIGHT[t.role] * index.rarity(t)));
    name.ids = name.forms.map((f) => Int32Array.from(f.tokens, (t) => index.exactToken(t.text) ?? -1));
  }
  return new IndexedScreener(entries, names, index, options);
}

interface Best {
  score: number;
  name: IndexedName;
  queryForm: NameForm;
  queryWeights: readonly number[];
  form: number;
}

class IndexedScreener implements Screener, IndexedScreenerInfo {
  readonly entryCount: number;
  private readonly accumulated: Float64Array;
  /** Per name: the last query that touched it (so accumulators reset lazily) and the last token step. */
  private readonly seenInQuery: Int32Array;
  private readonly seenForToken: Int32Array;
  private queryCounter = 0;
  private stepCounter = 0;
  private statistics: QueryStatistics = { candidates: 0, aligned: 0 };
  /** One row per query token: similarity of that token to every vocabulary token (sparse, reset after use). */
  private readonly rows: Float32Array[] = [];

  constructor(
    private readonly entries: readonly ListEntry[],
    private readonly names: readonly IndexedName[],
    private readonly index: CandidateIndex,
    private readonly options: BuildScreenerOptions,
  ) {
    this.entryCount = entries.length;
    this.accumulated = new Float64Array(names.length);
    this.seenInQuery = new Int32Array(names.length);
    this.seenForToken = new Int32Array(names.length);
  }

  get nameCount(): number {
    return this.names.length;
  }

  get vocabularySize(): number {
    return this.index.vocabularySize;
  }

  lastQuery(): QueryStatistics {
    return this.statistics;
  }

  screen(query: ScreeningQuery, options: ScreenOptions = {}): readonly ScreeningMatch[] {
    const threshold = options.threshold ?? this.options.defaultThreshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? this.options.defaultLimit ?? DEFAULT_LIMIT;
    const gain = maxContextGain(query);
    const share = candidateShareFor(threshold, this.options.candidateShare, gain);
    const memo = memoisedSimilarity(this.index);
    const best = new Map<number, Best>();
    let candidateCount = 0;
    let aligned = 0;
    for (const queryForm of nameForms(query.name, 'unknown', query.country === undefined ? {} : { countries: [query.country] })) {
      const queryWeights = queryForm.tokens.map((t) => ROLE_WEIGHT[t.role] * this.index.rarity(t));
      const candidates = this.candidates(queryForm, queryWeights, share);
      candidateCount += candidates.length;
      const filled = this.fillRows(queryForm);
      const rows = this.rows;
      const qt = queryForm.tokens;
      for (const nameId of candidates) {
        const name = this.names[nameId] as IndexedName;
        name.forms.forEach((entryForm, f) => {
          const ids = name.ids[f] as Int32Array;
          const et = entryForm.tokens;
          const similarityAt = (i: number, j: number): number => {
            const q = qt[i] as NameToken;
            const e = et[j] as NameToken;
            if (q.text.length === 1 || e.text.length === 1) return tokenSimilarity(q, e).similarity;
            const id = ids[j] ?? -1;
            return id < 0 ? 0 : ((rows[i] as Float32Array)[id] ?? 0);
          };
          aligned += 1;
          const score = alignmentScore(queryForm, entryForm, { glued: memo.glued, similarityAt, queryWeights, entryWeights: name.weights[f] ?? [], costs: name.costs });
          const previous = best.get(name.entry);
          if (previous === undefined || score > previous.score) best.set(name.entry, { score, name, queryForm, queryWeights, form: f });
        });
      }
      this.resetRows(filled);
    }
    this.statistics = { candidates: candidateCount, aligned };
    const matches: ScreeningMatch[] = [];
    for (const [entryIndex, found] of best) {
      if (found.score + gain < threshold) continue;
      const entry = this.entries[entryIndex] as ListEntry;
      const context = contextAdjustment(query, entry, found.score, found.name.forms);
      const score = Math.max(0, Math.min(1, found.score + context.total));
      if (score < threshold) continue;
      const entryForm = found.name.forms[found.form] as NameForm;
      const alignment = alignNames(found.queryForm, entryForm, {
        ...memo,
        queryWeights: found.queryWeights,
        entryWeights: found.name.weights[found.form] ?? [],
        costs: found.name.costs,
      });
      const explanation: MatchExplanation = {
        matchedOn: found.name.alias ? 'alias' : 'primary',
        tokens: alignment.tokens,
        parts: { name: round(found.score), ...context.parts, ...prefixed(alignment.parts) },
        notes: [...alignment.notes, ...context.notes],
      };
      matches.push({
        list: entry.list,
        sourceId: entry.sourceId,
        name: entry.name,
        matchedName: found.name.text,
        score: round(score),
        explanation,
        entry,
      });
    }
    matches.sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId));
    return matches.slice(0, limit);
  }

  private tokenCount(nameId: number): number {
    return this.names[nameId]?.forms[0]?.tokens.length ?? 0;
  }

  /** Fill one similarity row per query token from the vocabulary lookup; returns what to reset. */
  private fillRows(form: NameForm): number[][] {
    const filled: number[][] = [];
    form.tokens.forEach((t, i) => {
      let row = this.rows[i];
      if (row === undefined) {
        row = new Float32Array(this.index.vocabularySize);
        this.rows[i] = row;
      }
      const ids: number[] = [];
      for (const hit of this.index.similarTokens(t)) {
        row[hit.token] = hit.similarity;
        ids.push(hit.token);
      }
      filled.push(ids);
    });
    return filled;
  }

  private resetRows(filled: readonly (readonly number[])[]): void {
    filled.forEach((ids, i) => {
      const row = this.rows[i];
      if (row !== undefined) for (const id of ids) row[id] = 0;
    });
  }

  /** Names sharing enough (possibly misspelt) token weight with the query form, most-sharing first. */
  private candidates(form: NameForm, weights: readonly number[], share: number): number[] {
    const tokens = form.tokens;
    const identifying = tokens.some((t) => t.role === 'strong' || t.role === 'number');
    let totalWeight = 0;
    for (const w of weights) totalWeight += w;
    if (totalWeight === 0) return [];
    const touched: number[] = [];
    const acc = this.accumulated;
    const seenInQuery = this.seenInQuery;
    const seenForToken = this.seenForToken;
    this.queryCounter += 1;
    const query = this.queryCounter;
    const visit = (postings: readonly number[], gain: number): void => {
      const step = this.stepCounter;
      for (const nameId of postings) {
        if (seenForToken[nameId] === step) continue;
        seenForToken[nameId] = step;
        if (seenInQuery[nameId] !== query) {
          seenInQuery[nameId] = query;
          acc[nameId] = 0;
          touched.push(nameId);
        }
        acc[nameId] = (acc[nameId] ?? 0) + gain;
      }
    };
    tokens.forEach((t, i) => {
      if (t.role === 'stop' || t.role === 'initial') return;
      if (identifying && (t.role === 'generic' || t.role === 'legal')) return;
      this.stepCounter += 1;
      const w = weights[i] ?? 0;
      for (const hit of this.index.similarTokens(t)) visit(this.index.postingsOf(hit.token), w * hit.similarity);
      // The query writes as one word what the list writes as two ("GAZPROMBANK").
      visit(this.index.gluedPostings(t.text), w);
    });
    // The query writes as two or three words what the list writes as one ("Gazprom Bank", "Yong Hong An"); exact only, fuzzy
    // glued matches are left to the aligner on candidates found through other words.
    const runs: Array<readonly [string, number, number]> = [];
    form.glued.forEach((g, i) => runs.push([g, i, 2]));
    if (form.gluedSurface !== form.glued) form.gluedSurface.forEach((g, i) => runs.push([g, i, 2]));
    form.glued3.forEach((g, i) => runs.push([g, i, 3]));
    for (const [glued, start, length] of runs) {
      const covered = tokens.slice(start, start + length);
      if (covered.some((t) => t.role === 'stop') && length === 2) continue;
      let gain = 0;
      for (let k = start; k < start + length; k += 1) gain += weights[k] ?? 0;
      this.stepCounter += 1;
      const joined = this.index.exactToken(glued);
      if (joined !== undefined) visit(this.index.postingsOf(joined), gain);
      const consonants = compoundConsonants(tokens, start, start + length - 1);
      if (consonants !== '') for (const id of this.index.tokensWithConsonants(consonants)) visit(this.index.postingsOf(id), gain);
    }
    // Weak words were not looked up; they may still match, so they count for every candidate.
    let weakWeight = 0;
    if (identifying) tokens.forEach((t, i) => (t.role === 'generic' || t.role === 'legal' ? (weakWeight += weights[i] ?? 0) : 0));
    const needed = share * totalWeight - weakWeight;
    const kept = touched.filter((id) => (acc[id] ?? 0) >= needed);
    const max = this.options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    if (kept.length <= max) return kept;
    // Ties (e.g. every name containing one common word) go to the shorter names, which can score higher.
    kept.sort((a, b) => (acc[b] ?? 0) - (acc[a] ?? 0) || this.tokenCount(a) - this.tokenCount(b));
    return kept.slice(0, max);
  }
}

/** Token and glued-token similarities memoised for one query. */
function memoisedSimilarity(index: CandidateIndex): Required<Pick<AlignmentOptions, 'similarity' | 'glued'>> {
  const tokens = new Map<NameToken, Map<NameToken, TokenSimilarity>>();
  const glued = new Map<string, Map<string, number>>();
  return {
    similarity: (q, e) => {
      let row = tokens.get(q);
      if (row === undefined) {
        row = new Map();
        tokens.set(q, row);
      }
      let s = row.get(e);
      if (s === undefined) {
        s = index.similarity(q, e);
        row.set(e, s);
      }
      return s;
    },
    glued: (a, b) => {
      let row = glued.get(a);
      if (row === undefined) {
        row = new Map();
        glued.set(a, row);
      }
      let s = row.get(b);
      if (s === undefined) {
        s = gluedSimilarity(a, b);
        row.set(b, s);
      }
      return s;
    },
  };
}

/**
 * If a candidate keeps only share f of the query's token weight, its aligned score is at most
 * about 2f/(1+f) (the list side matches no better than the query side). Solving for the
 * threshold, with a safety margin, gives the share below which a name cannot reach it.
 */
export function candidateShareFor(threshold: number, override: number | undefined, contextGain: number): number {
  if (override !== undefined) return override;
  const t = Math.max(0, threshold - contextGain);
  return Math.max(0.15, (0.8 * t) / (2 - t));
}

function prefixed(parts: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(parts)) out[`name.${k}`] = v;
  return out;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
