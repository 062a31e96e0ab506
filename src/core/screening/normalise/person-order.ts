/**
 * OFAC and the CSL write persons as "SURNAME, Given Names". Matching is order-tolerant,
 * but explanations and the order bonus read better in natural order, so the two halves are
 * swapped when the name looks like a person's: one comma, and no legal form after it
 * ("ACME, INC." stays as it is).
 */
import { canonicalLegalForm } from './legal-forms.ts';

export function reorderPersonName(name: string, kind: 'person' | 'entity' | 'unknown'): string {
  if (kind === 'entity') return name;
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const surname = (parts[0] ?? '').trim();
  const given = (parts[1] ?? '').trim();
  if (surname === '' || given === '') return name;
  if (kind === 'unknown' && looksLikeLegalForm(given)) return name;
  return `${given} ${surname}`;
}

function looksLikeLegalForm(text: string): boolean {
  const words = text.toLowerCase().replace(/\./g, ' ').split(/\s+/).filter((w) => w !== '');
  return words.some((w) => canonicalLegalForm(w) !== undefined);
}
