/**
 * Builds a Screener over list entries: every primary name and alias is normalised once into
 * its forms and indexed; a query retrieves candidate names through the index (no full scan),
 * scores each candidate with the token aligner, adds country/address evidence and returns
 * the best name per entry with its explanation.
 */
import { alignNames } from './align-names.ts';
import { CandidateIndex } from './candidate-index.ts';
import { contextAdjustment } from './context-evidence.ts';
import { nameForms, type NameForm, type NameKind, type NameToken } from './normalise/index.ts';
import { DEFAULT_THRESHOLD } from './threshold.ts';
import type { ListEntry, MatchExplanation, PartyType, ScreenOptions, Screener, ScreeningMatch, ScreeningQuery, TokenAlignment } from './types.ts';

export interface BuildScreenerOptions {
  /** Score used when `screen` is called without a threshold. */
  readonly defaultThreshold?: number;
  /** Matches returned per query when `screen` is called without a limit. */
  readonly defaultLimit?: number;
  /** A candidate name must share at least this share of the query's token weight to be scored. */
  readonly candidateShare?: number;
  /** At most this many candidate names are scored per query form (the best-sharing ones). */
  readonly maxCandidates?: number;
}

interface IndexedName {
  readonly entry: number;
  readonly text: string;
  readonly alias: boolean;
  readonly forms: readonly NameForm[];
}

const DEFAULT_LIMIT = 20;
const DEFAULT_CANDIDATE_SHARE = 0.3;
const DEFAULT_MAX_CANDIDATES = 400;

export function nameKindOf(type: PartyType): NameKind {
  if (type === 'individual') return 'person';
  if (type === 'unknown') return 'unknown';
  return 'entity';
}

export function buildScreener(entries: readonly ListEntry[], options: BuildScreenerOptions = {}): Screener {
  const index = new CandidateIndex();
  const names: IndexedName[] = [];
  entries.forEach((entry, entryIndex) => {
    const kind = nameKindOf(entry.type);
    const texts = [entry.name, ...entry.aliases];
    const seen = new Set<string>();
    texts.forEach((text, k) => {
      const trimmed = text.trim();
      if (trimmed === '' || seen.has(trimmed)) return;
      seen.add(trimmed);
      const forms = nameForms(trimmed, kind);
      if (forms.length === 0) return;
      index.add(names.length, forms);
      names.push({ entry: entryIndex, text: trimmed, alias: k > 0, forms });
    });
  });
  index.seal();
  return new IndexedScreener(entries, names, index, options);
}

class IndexedScreener implements Screener {
  readonly entryCount: number;
  private readonly accumulated: Float64Array;
  /** Per name: the last query that touched it (so accumulators reset lazily) and the last token step. */
  private readonly seenInQuery: Int32Array;
  private readonly seenForToken: Int32Array;
  private queryCounter = 0;
  private stepCounter = 0;
  private readonly rarity: (t: NameToken) => number;

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
    this.rarity = (t) => index.rarity(t);
  }

  get nameCount(): number {
    return this.names.length;
  }

  screen(query: ScreeningQuery, options: ScreenOptions = {}): readonly ScreeningMatch[] {
    const threshold = options.threshold ?? this.options.defaultThreshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? this.options.defaultLimit ?? DEFAULT_LIMIT;
    const queryForms = nameForms(query.name, 'unknown');
    const best = new Map<number, { score: number; nameScore: number; name: IndexedName; alignment: ReturnType<typeof alignNames> }>();
    for (const queryForm of queryForms) {
      for (const nameId of this.candidates(queryForm)) {
        const name = this.names[nameId] as IndexedName;
        for (const entryForm of name.forms) {
          const alignment = alignNames(queryForm, entryForm, { rarity: this.rarity });
          const previous = best.get(name.entry);
          if (previous === undefined || alignment.score > previous.nameScore) {
            best.set(name.entry, { score: alignment.score, nameScore: alignment.score, name, alignment });
          }
        }
      }
    }
    const matches: ScreeningMatch[] = [];
    for (const [entryIndex, found] of best) {
      const entry = this.entries[entryIndex] as ListEntry;
      const context = contextAdjustment(query, entry, found.nameScore);
      const score = Math.max(0, Math.min(1, found.nameScore + context.total));
      if (score < threshold) continue;
      const explanation: MatchExplanation = {
        matchedOn: found.name.alias ? 'alias' : 'primary',
        tokens: found.alignment.tokens as readonly TokenAlignment[],
        parts: { name: round(found.nameScore), ...context.parts, ...prefixed(found.alignment.parts) },
        notes: [...found.alignment.notes, ...context.notes],
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

  /** Names sharing enough (possibly misspelt) token weight with the query form. */
  private candidates(form: NameForm): number[] {
    const tokens = form.tokens;
    const identifying = tokens.some((t) => t.role === 'strong' || t.role === 'number');
    const weights = tokens.map((t) => tokenWeight(t) * this.index.rarity(t));
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
    for (let i = 0; i + 1 < tokens.length; i += 1) {
      const a = tokens[i] as NameToken;
      const b = tokens[i + 1] as NameToken;
      if (a.role === 'stop' || b.role === 'stop') continue;
      // The query writes as two words what the list writes as one ("Gazprom Bank").
      const joined = this.index.exactToken(a.text + b.text);
      if (joined === undefined) continue;
      this.stepCounter += 1;
      visit(this.index.postingsOf(joined), (weights[i] ?? 0) + (weights[i + 1] ?? 0));
    }
    const needed = (this.options.candidateShare ?? DEFAULT_CANDIDATE_SHARE) * totalWeight;
    const kept = touched.filter((id) => (acc[id] ?? 0) >= needed);
    const max = this.options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    if (kept.length <= max) return kept;
    kept.sort((a, b) => (acc[b] ?? 0) - (acc[a] ?? 0));
    return kept.slice(0, max);
  }
}

function tokenWeight(t: NameToken): number {
  switch (t.role) {
    case 'strong':
    case 'number':
      return 1;
    case 'initial':
      return 0.4;
    case 'generic':
      return 0.35;
    case 'legal':
      return 0.2;
    case 'stop':
      return 0.1;
  }
}

function prefixed(parts: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(parts)) out[`name.${k}`] = v;
  return out;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
