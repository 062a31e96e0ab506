/**
 * Whether an untyped list name reads as a person's name. The BIS lists (Entity List, Denied
 * Persons, Unverified, MEU) and State's debarred list carry no entry type, yet a third of their
 * entries are people ("JOSE LUIS GARCIA", "Herbert J. Hoffmann"); scoring those with the
 * company costs lets a partial person name pass as if it lacked only a descriptor.
 */
import type { NameForm } from './normalise/index.ts';

const MIN_PERSON_TOKENS = 2;
const MAX_PERSON_TOKENS = 5;

/** Two to five name words, none of them a legal form, descriptor or number, in every reading. */
export function looksLikePersonName(forms: readonly NameForm[]): boolean {
  if (forms.length === 0) return false;
  return forms.every((form) => {
    const words = form.tokens.filter((t) => t.role !== 'stop');
    if (words.length < MIN_PERSON_TOKENS || words.length > MAX_PERSON_TOKENS) return false;
    if (!words.some((t) => t.role === 'strong' && t.text.length > 1)) return false;
    return words.every((t) => t.role === 'strong' || t.role === 'initial' || t.role === 'secondary');
  });
}
