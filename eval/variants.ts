/**
 * List-level recall: labelled query variants generated from real list entries, one family per
 * kind of spelling difference a screener meets in practice (screening.md §6.2.3). Each
 * variant remembers the entry it came from; it is found when that entry is returned at or
 * above the threshold.
 */
import type { ListEntry } from '../src/core/screening/types.ts';
import { isHeldOut, prng } from './metrics.ts';

export const FAMILIES = [
  'exact',
  'typo',
  'word-order',
  'legal-form',
  'generic-extra',
  'split-join',
  'punctuation',
  'diacritics-case',
  'homoglyph',
  'transliteration',
  'cyrillic-script',
  'alias',
] as const;
export type Family = (typeof FAMILIES)[number];

export interface Variant {
  readonly family: Family;
  readonly query: string;
  readonly entry: number;
  /** `list:sourceId` of the entry the variant was made from. */
  readonly expectedKey: string;
  readonly heldOut: boolean;
}

type Random = () => number;

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(word: string, edits: number, rnd: Random): string {
  let w = word;
  for (let k = 0; k < edits; k += 1) {
    const i = 1 + Math.floor(rnd() * Math.max(1, w.length - 1));
    const op = Math.floor(rnd() * 4);
    const isUpper = w === w.toUpperCase();
    let letter = pick(rnd, LETTERS.split(''));
    if (isUpper) letter = letter.toUpperCase();
    if (op === 0) w = w.slice(0, i) + letter + w.slice(i + 1);
    else if (op === 1) w = w.slice(0, i) + w.slice(i + 1);
    else if (op === 2) w = w.slice(0, i) + letter + w.slice(i);
    else if (i + 1 < w.length) w = w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
  }
  return w;
}

const LEGAL_GROUPS: readonly (readonly string[])[] = [
  ['Co., Ltd.', 'Company Limited', 'Co Ltd', 'CO. LTD', '有限公司', 'Limited Company'],
  ['LLC', 'L.L.C.', 'OOO', 'ООО', 'Limited Liability Company'],
  ['JSC', 'AO', 'АО', 'Joint Stock Company', 'OAO', 'PJSC'],
  ['GmbH', 'G.m.b.H.'],
  ['Pte. Ltd.', 'Pte Ltd', 'PTE. LIMITED'],
  ['Ltd.', 'Limited', 'LTD'],
  ['Inc.', 'Incorporated', 'INC'],
  ['Corp.', 'Corporation', 'CORP'],
  ['S.A. de C.V.', 'SA de CV'],
  ['Co.', 'Company'],
];
const LEGAL_PATTERN = new RegExp(
  `(,?\\s+)(${LEGAL_GROUPS.flat()
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\s*$`,
  'i',
);

function legalVariant(name: string, rnd: Random, country: string | undefined): string | null {
  const m = LEGAL_PATTERN.exec(name);
  if (m !== null) {
    const found = (m[2] ?? '').toLowerCase();
    const group = LEGAL_GROUPS.find((g) => g.some((s) => s.toLowerCase() === found));
    const base = name.slice(0, m.index);
    if (group === undefined || rnd() < 0.25) return base;
    const others = group.filter((s) => s.toLowerCase() !== found);
    return `${base} ${pick(rnd, others)}`;
  }
  const added = country === 'CN' || country === 'HK' ? pick(rnd, ['Co., Ltd.', 'Limited', '有限公司']) : country === 'RU' ? pick(rnd, ['OOO', 'LLC', 'АО']) : pick(rnd, ['LLC', 'Ltd.', 'Inc.', 'GmbH']);
  return `${name} ${added}`;
}

const GENERIC_EXTRAS = ['Group', 'Holdings', '(HK)', 'Shenzhen Branch', 'Technology', 'International', 'Trading'];

function genericVariant(name: string, rnd: Random): string {
  const generic = /\b(Group|Holdings?|International|Trading|Technology|Technologies)\b/i;
  if (generic.test(name) && rnd() < 0.5) return name.replace(generic, '').replace(/\s+/g, ' ').trim();
  const m = LEGAL_PATTERN.exec(name);
  const extra = pick(rnd, GENERIC_EXTRAS);
  if (m !== null) return `${name.slice(0, m.index)} ${extra}${m[0]}`;
  return `${name} ${extra}`;
}

const PINYIN_INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
const PINYIN_FINALS = ['iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'ian', 'iao', 'uai', 'uan', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'in', 'un', 'ia', 'ie', 'iu', 'ua', 'uo', 'ui', 'ue', 'er', 'a', 'o', 'e', 'i', 'u'];
const PINYIN = new Set(PINYIN_INITIALS.flatMap((i) => PINYIN_FINALS.map((f) => i + f)));

/** Split a pinyin word into syllables greedily ("Huaxin" → "Hua Xin"); null when it is not pinyin. */
function pinyinSyllables(word: string): string[] | null {
  const w = word.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < w.length) {
    let found = 0;
    for (let len = Math.min(6, w.length - i); len >= 1; len -= 1) {
      if (PINYIN.has(w.slice(i, i + len))) {
        found = len;
        break;
      }
    }
    if (found < 2) return null;
    out.push(w.slice(i, i + found));
    i += found;
  }
  return out;
}

function splitJoinVariant(name: string, rnd: Random): string | null {
  const words = name.split(/\s+/);
  const longIdx = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{7,}$/.test(w));
  if (longIdx.length > 0 && rnd() < 0.5) {
    const [w, i] = pick(rnd, longIdx);
    const cut = 3 + Math.floor(rnd() * (w.length - 5));
    words[i] = `${w.slice(0, cut)} ${w.slice(cut)}`;
    return words.join(' ');
  }
  const pairs = words.map((w, i) => i).filter((i) => i + 1 < words.length && /^[A-Za-z]{2,}$/.test(words[i] ?? '') && /^[A-Za-z]{2,}$/.test(words[i + 1] ?? ''));
  if (pairs.length === 0) return null;
  const i = pick(rnd, pairs);
  words.splice(i, 2, `${words[i] ?? ''}${words[i + 1] ?? ''}`);
  return words.join(' ');
}

function pinyinVariant(name: string, rnd: Random): string | null {
  const words = name.split(/\s+/);
  const changed = words.map((w) => {
    const syllables = /^[A-Za-z]{4,}$/.test(w) ? pinyinSyllables(w) : null;
    if (syllables === null || syllables.length < 2) return w;
    return rnd() < 0.7 ? syllables.map((s) => s[0]?.toUpperCase() + s.slice(1)).join(' ') : syllables.join('-');
  });
  const out = changed.join(' ');
  return out === name ? null : out;
}

const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/moham+ed/gi, 'Muhammad'],
  [/muham+ad/gi, 'Mohamed'],
  [/ov\b/gi, 'off'],
  [/ev\b/gi, 'eff'],
  [/kh/gi, 'h'],
  [/iy\b/gi, 'y'],
  [/yu/gi, 'iu'],
  [/ya/gi, 'ia'],
  [/ou/gi, 'u'],
  [/ei/gi, 'ey'],
  [/ss/gi, 's'],
  [/ph/gi, 'f'],
  [/hossein/gi, 'Husayn'],
  [/abdul /gi, 'Abd al-'],
  [/qa/gi, 'ka'],
];

function transliterationVariant(name: string, rnd: Random, pinyinLikely: boolean): string | null {
  const pinyin = pinyinLikely ? pinyinVariant(name, rnd) : null;
  if (pinyin !== null && rnd() < 0.5) return pinyin;
  const rules = SPELLING_RULES.filter(([re]) => {
    re.lastIndex = 0;
    return re.test(name);
  });
  if (rules.length === 0) return pinyin;
  const [re, replacement] = pick(rnd, rules);
  re.lastIndex = 0;
  return name.replace(re, (m) => (m === m.toUpperCase() ? replacement.toUpperCase() : replacement));
}

const TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sh', 'ш'], ['ch', 'ч'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ya', 'я'], ['yu', 'ю'], ['yo', 'ё'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'], ['y', 'й'], ['k', 'к'],
  ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'],
  ['h', 'х'], ['c', 'к'], ['w', 'в'], ['x', 'кс'], ['j', 'дж'], ['q', 'к'],
];

function toCyrillic(name: string): string {
  let out = '';
  const lower = name.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    const rule = TO_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    if (rule === undefined) {
      out += lower[i] ?? '';
      i += 1;
    } else {
      out += rule[1];
      i += rule[0].length;
    }
  }
  return out.replace(/(^|\s)(\p{L})/gu, (_m, space: string, c: string) => space + c.toUpperCase());
}

const HOMOGLYPHS: Readonly<Record<string, readonly string[]>> = {
  a: ['а', 'α'], c: ['с'], e: ['е', 'ε'], o: ['о', 'ο'], p: ['р', 'ρ'], x: ['х', 'χ'], y: ['у'], i: ['і', 'ι'],
  A: ['А', 'Α'], B: ['В', 'Β'], C: ['С'], E: ['Е', 'Ε'], H: ['Н', 'Η'], K: ['К', 'Κ'], M: ['М', 'Μ'], O: ['О', 'Ο'],
  P: ['Р', 'Ρ'], T: ['Т', 'Τ'], X: ['Х', 'Χ'], Y: ['У', 'Υ'], I: ['І', 'Ι'],
};

function homoglyphVariant(name: string, rnd: Random): string | null {
  let changed = 0;
  const out = [...name]
    .map((c) => {
      const options = HOMOGLYPHS[c];
      if (options === undefined || rnd() > 0.5) return c;
      changed += 1;
      return pick(rnd, options);
    })
    .join('');
  return changed === 0 ? null : out;
}

const DIACRITIC: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç', s: 'ş' };

function diacriticsVariant(name: string, rnd: Random): string {
  const lower = name.toLowerCase();
  return [...lower].map((c) => (DIACRITIC[c] !== undefined && rnd() < 0.3 ? (DIACRITIC[c] as string) : c)).join('');
}

function wordOrderVariant(entry: ListEntry, name: string, rnd: Random): string | null {
  if (entry.type === 'individual' && name.includes(',')) {
    const [surname, given] = name.split(',', 2).map((s) => s.trim());
    if (surname === undefined || given === undefined || given === '') return null;
    return rnd() < 0.5 ? `${given} ${surname}` : `${surname} ${given}`;
  }
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return null;
  const m = LEGAL_PATTERN.exec(name);
  const core = m === null ? words : name.slice(0, m.index).split(/\s+/).filter((w) => w !== '');
  if (core.length < 2) return null;
  const rotated = [...core.slice(1), core[0] as string];
  return `${rotated.join(' ')}${m === null ? '' : m[0]}`;
}

function punctuationVariant(name: string, rnd: Random): string | null {
  if (/[.,'"()&-]/.test(name) && rnd() < 0.6) return name.replace(/[.,'"()]/g, ' ').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const words = name.split(/\s+/);
  if (words.length < 2) return null;
  return words.join('-');
}

/** Entity-typed, or untyped but carrying a legal form. */
function isCompany(entry: ListEntry): boolean {
  if (entry.type === 'entity') return true;
  return entry.type === 'unknown' && LEGAL_PATTERN.test(entry.name);
}

function chineseSpelling(entry: ListEntry): boolean {
  return entry.countries.some((c) => c === 'CN' || c === 'HK' || c === 'TW' || c === 'MO');
}

function variantFor(family: Family, entry: ListEntry, rnd: Random): string | null {
  const name = entry.name;
  const country = entry.countries[0];
  switch (family) {
    case 'exact':
      return name;
    case 'typo': {
      const words = name.split(/\s+/);
      const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{4,}$/u.test(w));
      if (candidates.length === 0) return null;
      const [w, i] = pick(rnd, candidates);
      words[i] = typo(w, w.length <= 6 ? 1 : 2, rnd);
      return words.join(' ');
    }
    case 'word-order':
      return wordOrderVariant(entry, name, rnd);
    case 'legal-form':
      return isCompany(entry) ? legalVariant(name, rnd, country) : null;
    case 'generic-extra':
      return isCompany(entry) ? genericVariant(name, rnd) : null;
    case 'split-join':
      return splitJoinVariant(name, rnd);
    case 'punctuation':
      return punctuationVariant(name, rnd);
    case 'diacritics-case':
      return diacriticsVariant(name, rnd);
    case 'homoglyph':
      return homoglyphVariant(name, rnd);
    case 'transliteration':
      return transliterationVariant(name.includes(',') && entry.type === 'individual' ? name.replace(',', '') : name, rnd, chineseSpelling(entry));
    case 'cyrillic-script': {
      if (entry.type !== 'individual' || !/^[A-Za-z ,.'-]+$/.test(name)) return null;
      const natural = name.includes(',') ? `${name.split(',')[1]?.trim() ?? ''} ${name.split(',')[0]?.trim() ?? ''}` : name;
      return toCyrillic(natural.replace(/[.,']/g, ''));
    }
    case 'alias': {
      const aliases = entry.aliases.filter((a) => a.trim().length > 3);
      if (aliases.length === 0) return null;
      const alias = pick(rnd, aliases);
      return rnd() < 0.5 ? alias.toLowerCase() : alias.replace(/[.,]/g, '');
    }
  }
}

const PRIORITY_COUNTRIES = new Set(['CN', 'HK', 'RU', 'AE', 'IR', 'SG', 'TW', 'MY']);

/** Sample entries stratified by list (Entity List weighted up) and generate every applicable family for each. */
export function generateVariants(entries: readonly ListEntry[], perStratum: Readonly<Record<string, number>>, seed = 20260731): Variant[] {
  const rnd = prng(seed);
  const strata = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.type === 'vessel' || e.type === 'aircraft') return;
    const key = `${e.list}:${e.type === 'individual' ? 'person' : 'entity'}`;
    const list = strata.get(key) ?? [];
    list.push(i);
    strata.set(key, list);
  });
  const chosen: number[] = [];
  for (const [key, indices] of strata) {
    const wanted = perStratum[key] ?? perStratum[key.split(':')[0] ?? ''] ?? perStratum['default'] ?? 0;
    // Priority countries first, so diversion-relevant names dominate the sample.
    const weighted = [...indices].sort((a, b) => {
      const pa = (entries[a]?.countries ?? []).some((c) => PRIORITY_COUNTRIES.has(c)) ? 0 : 1;
      const pb = (entries[b]?.countries ?? []).some((c) => PRIORITY_COUNTRIES.has(c)) ? 0 : 1;
      return pa - pb || rnd() - 0.5;
    });
    const priority = weighted.filter((i) => (entries[i]?.countries ?? []).some((c) => PRIORITY_COUNTRIES.has(c)));
    const rest = weighted.filter((i) => !(entries[i]?.countries ?? []).some((c) => PRIORITY_COUNTRIES.has(c)));
    shuffle(priority, rnd);
    shuffle(rest, rnd);
    const fromPriority = Math.min(priority.length, Math.round(wanted * 0.7));
    chosen.push(...priority.slice(0, fromPriority), ...rest.slice(0, wanted - fromPriority));
  }
  const out: Variant[] = [];
  for (const index of chosen) {
    const entry = entries[index] as ListEntry;
    for (const family of FAMILIES) {
      const query = variantFor(family, entry, rnd);
      if (query === null || query.trim() === '') continue;
      out.push({ family, query, entry: index, expectedKey: `${entry.list}:${entry.sourceId}`, heldOut: isHeldOut(`${entry.list}:${entry.sourceId}`) });
    }
  }
  return out;
}

function shuffle<T>(items: T[], rnd: Random): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
}
