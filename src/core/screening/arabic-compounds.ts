/**
 * Arabic compounds that Arabic script writes as two words and romanisations as one: عبد + name
 * ("Abdullah", "Abdulrahman"), name + الله ("Fathallah") or + الدين ("Nuruddin"). Read by their
 * consonants; other pairs of Arabic words are not glued this way ("رانيا عزيز" is not "RENEEZ").
 * The heads and tails are data: add a compound here.
 */
import type { NameToken } from './normalise/index.ts';

const ABJAD_COMPOUND_HEADS = new Set(['bd']);
const ABJAD_COMPOUND_TAILS = new Set(['lh', 'ldn']);
/** A compound whose consonants equal a list word's counts as that word, less a little for the lost vowels. */
export const ABJAD_GLUED_SIMILARITY = 0.9;

/** The consonants of tokens [from, to] read as one Arabic compound, or '' when they are not one. */
export function compoundConsonants(tokens: readonly NameToken[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  if (first === undefined || last === undefined || !first.abjad) return '';
  if (!ABJAD_COMPOUND_HEADS.has(first.consonants) && !ABJAD_COMPOUND_TAILS.has(last.consonants)) return '';
  // Per word, so that no digraph forms across the join ("khld"+"hdd" is not "kh-l-dh").
  let key = '';
  for (let k = from; k <= to; k += 1) key += (tokens[k] as NameToken).consonants;
  return key.replace(/(.)\1+/g, '$1');
}
