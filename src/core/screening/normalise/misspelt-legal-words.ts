/**
 * A misspelt word inside a legal-form phrase ("Joint Stokc Company", "JOINC STOCK", "Lited
 * Liability") is read as the word it misspells. Left alone, the broken word would stay an
 * identifying token while the list's spelling collapses into one weak legal form, and a one-letter
 * typo would cost the whole match. Only next to a word that exists only inside legal forms
 * (joint, stock, liability, public …): "Opel Company" keeps its Opel.
 */
import { editDistanceAtMost } from './abbreviations.ts';
import { canonicalLegalForm, isLegalFormPart, legalFormPartWords } from './legal-forms.ts';

const MIN_LENGTH = 4;
const REPAIRABLE = [...legalFormPartWords(), 'company', 'limited', 'corporation', 'incorporated'];

export function repairMisspeltLegalWords(tokens: readonly string[]): string[] {
  return tokens.map((token, i) => {
    if (token.length < MIN_LENGTH || isLegalFormPart(token) || canonicalLegalForm(token) !== undefined) return token;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const inPhrase = (before !== undefined && isLegalFormPart(before)) || (after !== undefined && isLegalFormPart(after));
    if (!inPhrase) return token;
    return REPAIRABLE.find((word) => word[0] === token[0] && Math.abs(word.length - token.length) <= 2 && editDistanceAtMost(token, word, word.length >= 7 ? 2 : 1)) ?? token;
  });
}
