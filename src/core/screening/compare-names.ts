/**
 * Pair-level name comparison without an index: every form of one name against every form
 * of the other, best alignment wins. Used by the evaluation harness on labelled pairs and
 * by anyone who needs to score two names directly.
 */
import { alignNames, DEFAULT_COSTS, PERSON_COSTS, type AlignmentCosts, type AlignmentOptions, type NameAlignment } from './align-names.ts';
import { nameForms, type NameForm, type NameKind } from './normalise/index.ts';

export interface NameComparison extends NameAlignment {
  readonly queryForm: NameForm | null;
  readonly entryForm: NameForm | null;
}

export function compareNames(query: string, listed: string, kind: NameKind = 'unknown'): NameComparison {
  return compareForms(nameForms(query, 'unknown'), nameForms(listed, kind), { costs: costsFor(kind) });
}

export function costsFor(kind: NameKind): AlignmentCosts {
  return kind === 'person' ? PERSON_COSTS : DEFAULT_COSTS;
}

export function compareForms(queryForms: readonly NameForm[], entryForms: readonly NameForm[], options: AlignmentOptions = {}): NameComparison {
  let best: NameComparison = { score: 0, tokens: [], parts: {}, notes: [], queryForm: null, entryForm: null };
  for (const q of queryForms) {
    for (const e of entryForms) {
      const alignment = alignNames(q, e, options);
      if (alignment.score > best.score) best = { ...alignment, queryForm: q, entryForm: e };
      if (best.score >= 1) return best;
    }
  }
  return best;
}
