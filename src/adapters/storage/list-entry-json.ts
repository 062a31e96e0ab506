import { LIST_CODES, type ListAddress, type ListCode, type ListEntry, type PartyType } from '../../core/screening/types.ts';
import type { JsonObject } from '../../ports/store.ts';
import { fingerprint } from '../../core/audit/fingerprint.ts';

/** A list entry as a plain JSON object (absent optional fields left out), for jsonb and fingerprints. */
export function entryToJson(e: ListEntry): JsonObject {
  const out: Record<string, JsonObject[string]> = {
    list: e.list,
    sourceId: e.sourceId,
    name: e.name,
    aliases: [...e.aliases],
    type: e.type,
    countries: [...e.countries],
    addresses: e.addresses.map((a) => (a.country === undefined ? { text: a.text } : { text: a.text, country: a.country })),
    programs: [...e.programs],
  };
  if (e.birthYears !== undefined && e.birthYears.length > 0) out['birthYears'] = [...e.birthYears];
  const optional = {
    remarks: e.remarks, licenseRequirement: e.licenseRequirement, licensePolicy: e.licensePolicy,
    federalRegisterNotice: e.federalRegisterNotice, startDate: e.startDate, endDate: e.endDate, sourceUrl: e.sourceUrl,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out;
}

/** The fingerprint of an entry's content: changes when any published field of the entry changes. */
export function entryFingerprint(e: ListEntry): string {
  return fingerprint(entryToJson(e));
}

const PARTY_TYPES: readonly PartyType[] = ['entity', 'individual', 'vessel', 'aircraft', 'unknown'];
const OPTIONAL_TEXT = ['remarks', 'licenseRequirement', 'licensePolicy', 'federalRegisterNotice', 'startDate', 'endDate', 'sourceUrl'] as const;

/** Reads back what `entryToJson` stored; throws on anything else (the table is our own). */
export function entryFromJson(value: unknown): ListEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('stored list entry is not an object');
  const v = new Map(Object.entries(value));
  const text = (k: string): string => {
    const x = v.get(k);
    if (typeof x !== 'string') throw new Error(`stored list entry: ${k} is not text`);
    return x;
  };
  const texts = (k: string): string[] => {
    const x = v.get(k);
    if (!Array.isArray(x) || !x.every((s): s is string => typeof s === 'string')) throw new Error(`stored list entry: ${k} is not a list of text`);
    return x;
  };
  const list = LIST_CODES.find((c): c is ListCode => c === v.get('list'));
  const type = PARTY_TYPES.find((t) => t === v.get('type'));
  if (list === undefined || type === undefined) throw new Error('stored list entry: unknown list or type');
  const addressesRaw = v.get('addresses');
  if (!Array.isArray(addressesRaw)) throw new Error('stored list entry: addresses is not a list');
  const addresses: ListAddress[] = addressesRaw.map((a: unknown) => {
    if (typeof a !== 'object' || a === null) throw new Error('stored list entry: bad address');
    const m = new Map(Object.entries(a));
    const t = m.get('text');
    const c = m.get('country');
    if (typeof t !== 'string') throw new Error('stored list entry: address without text');
    return typeof c === 'string' ? { text: t, country: c } : { text: t };
  });
  const entry: { -readonly [K in keyof ListEntry]: ListEntry[K] } = {
    list, sourceId: text('sourceId'), name: text('name'), aliases: texts('aliases'), type,
    countries: texts('countries'), addresses, programs: texts('programs'),
  };
  for (const key of OPTIONAL_TEXT) {
    const x = v.get(key);
    if (typeof x === 'string') entry[key] = x;
  }
  const years = v.get('birthYears');
  if (years !== undefined) {
    if (!Array.isArray(years) || !years.every((y): y is number => Number.isInteger(y))) throw new Error('stored list entry: birthYears is not a list of years');
    entry.birthYears = years;
  }
  return entry;
}
