/**
 * Country, address and year of birth as supporting evidence. They never create a match on their
 * own (they only adjust a name score that is already substantial), but an agreeing country lifts
 * a borderline score and a contradicting one lowers it. A year of birth more than a year away from
 * every year the list gives is the strongest sign of another person (OpenSanctions' logic-v2
 * takes 0.15 off for disjoint years; so do we).
 */
import { listedPartyType, partyTypesConflict } from './party-type.ts';
import type { ListEntry, PartyType, ScreeningQuery } from './types.ts';
import { foldUnicode, type NameForm } from './normalise/index.ts';

export const COUNTRY_AGREES = 0.04;
export const COUNTRY_DIFFERS = -0.08;
export const ADDRESS_AGREES = 0.03;
export const BIRTH_YEAR_AGREES = 0.03;
export const BIRTH_YEAR_DIFFERS = -0.15;
/** A person screened against a company or ship (or the reverse): as strong a sign as a disjoint year of birth. */
export const PARTY_TYPE_DIFFERS = -0.15;
/** Lists write "circa 1950" and years differ by one between calendars and sources. */
const BIRTH_YEAR_TOLERANCE = 1;
/** Below this name score, context is not considered at all. */
const CONTEXT_FLOOR = 0.5;

/** The most context evidence can add to a name score for this query (candidate bounds rest on it). */
export function maxContextGain(query: ScreeningQuery): number {
  return COUNTRY_AGREES + ADDRESS_AGREES + (query.birthYear === undefined ? 0 : BIRTH_YEAR_AGREES);
}

export interface ContextAdjustment {
  readonly parts: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
  readonly total: number;
}

/** `matchedForms`: the forms of the entry's name that matched (an untyped entry may read as an entity by them). */
export function contextAdjustment(query: ScreeningQuery, entry: ListEntry, nameScore: number, matchedForms: readonly NameForm[] = []): ContextAdjustment {
  const parts: Record<string, number> = {};
  const notes: string[] = [];
  if (nameScore < CONTEXT_FLOOR) return { parts, notes, total: 0 };
  if (query.type !== undefined) {
    const listedType = listedPartyType(entry, matchedForms);
    if (partyTypesConflict(query.type, listedType)) {
      parts['partyType'] = PARTY_TYPE_DIFFERS;
      const how = entry.type === 'unknown' ? ' by its name' : '';
      notes.push(`the party is ${article(query.type)}; the entry is ${article(listedType)}${how}`);
    }
  }
  const country = query.country?.trim().toUpperCase();
  if (country !== undefined && country !== '' && entry.countries.length > 0) {
    if (entry.countries.some((c) => c.toUpperCase() === country)) {
      parts['country'] = COUNTRY_AGREES;
      notes.push(`country ${country} agrees with the entry`);
    } else {
      parts['country'] = COUNTRY_DIFFERS;
      notes.push(`country ${country} is not among the entry's countries (${entry.countries.join(', ')})`);
    }
  }
  if (query.address !== undefined && query.address.trim() !== '' && entry.addresses.length > 0) {
    const overlap = addressOverlap(query.address, entry.addresses.map((a) => a.text).join(' '));
    if (overlap >= 0.5) {
      parts['address'] = ADDRESS_AGREES;
      notes.push(`address shares ${Math.round(overlap * 100)}% of its words with the entry's addresses`);
    }
  }
  const years = entry.birthYears ?? [];
  if (query.birthYear !== undefined && years.length > 0) {
    const born = query.birthYear;
    if (years.some((y) => Math.abs(y - born) <= BIRTH_YEAR_TOLERANCE)) {
      parts['birthYear'] = BIRTH_YEAR_AGREES;
      notes.push(`year of birth ${born} agrees with the entry (${years.join(', ')})`);
    } else {
      parts['birthYear'] = BIRTH_YEAR_DIFFERS;
      notes.push(`year of birth ${born} is none of the entry's (${years.join(', ')})`);
    }
  }
  let total = 0;
  for (const v of Object.values(parts)) total += v;
  return { parts, notes, total };
}

function article(type: PartyType): string {
  return type === 'individual' || type === 'entity' || type === 'aircraft' ? `an ${type}` : `a ${type}`;
}

function addressWords(text: string): Set<string> {
  return new Set(
    foldUnicode(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3),
  );
}

function addressOverlap(queryAddress: string, entryAddress: string): number {
  const q = addressWords(queryAddress);
  if (q.size === 0) return 0;
  const e = addressWords(entryAddress);
  let shared = 0;
  for (const w of q) if (e.has(w)) shared += 1;
  return shared / q.size;
}
