/**
 * OFAC and the CSL write persons as "SURNAME, Given Names". Matching is order-tolerant,
 * but explanations and the order bonus read better in natural order, so the two halves are
 * swapped when the name looks like a person's: one comma, and no legal form after it
 * ("ACME, INC." stays as it is).
 */
import { canonicalLegalForm } from './legal-forms.ts';

export function reorderPersonName(name: string, kind: 'person' | 'entity' | 'unknown'): string {
  const parts = personNameParts(name, kind);
  return parts === null ? name : `${parts.given} ${parts.surname}`;
}

/** The two halves of a name written "SURNAME, Given", or null when it is not written so. */
export function personNameParts(name: string, kind: 'person' | 'entity' | 'unknown'): { readonly surname: string; readonly given: string } | null {
  if (kind === 'entity') return null;
  const parts = name.split(',');
  if (parts.length !== 2) return null;
  const surname = (parts[0] ?? '').trim();
  const given = (parts[1] ?? '').trim();
  if (surname === '' || given === '') return null;
  if (kind === 'unknown' && looksLikeLegalForm(given)) return null;
  return { surname, given };
}

function looksLikeLegalForm(text: string): boolean {
  const words = text.toLowerCase().replace(/\./g, ' ').split(/\s+/).filter((w) => w !== '');
  return words.some((w) => canonicalLegalForm(w) !== undefined);
}
