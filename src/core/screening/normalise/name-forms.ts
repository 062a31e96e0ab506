/**
 * A raw name → one or more normalised forms (token lists with roles). Several forms exist
 * when readings differ: a wholly Cyrillic/Greek token read as look-alike Latin letters and
 * read by sound, or two transliteration libraries that disagree.
 */
import { canonicalAbbreviation, fuzzyDescriptor } from './abbreviations.ts';
import { foldConfusables, hasCyrillicOrGreek, isFullyFoldable, isMixedScriptToken } from './confusables.ts';
import { isGenericWord, isStopWord } from './generic-words.ts';
import { canonicalLegalForm, collapseLegalForms, isLegalFormPart, rejoinSplitLegalWords, replaceCjkLegalForms, splitGluedLegalWord } from './legal-forms.ts';
import { repairMisspeltLegalWords } from './misspelt-legal-words.ts';
import { personNameParts } from './person-order.ts';
import { consonantKey, metaphoneKeys, skeletonKey } from './phonetic-keys.ts';
import { sinoKoreanReadings } from './sino-korean.ts';
import { stripListBoilerplate, tokenise } from './tokenise.ts';
import { isAbjadScript, isSyllabicScript, transliterations } from './transliterate.ts';
import { foldUnicode } from './unicode.ts';

/** `secondary`: identifying but often left out, such as Russian patronymics (-ovich, -evna). */
export type TokenRole = 'strong' | 'number' | 'secondary' | 'initial' | 'generic' | 'legal' | 'stop';

export interface NameToken {
  readonly text: string;
  readonly role: TokenRole;
  readonly skeleton: string;
  readonly consonants: string;
  readonly metaphone: readonly [string, string];
  /** Came from a script written mostly without vowels (Arabic, Hebrew, Thai): compare by consonants. */
  readonly abjad: boolean;
  /** 2–6 Latin letters: could be an acronym of several words on the other side (a romanised Arabic word without its vowels, "mr" for عمر, is none). */
  readonly acronymLike: boolean;
  /** A romanised Han syllable: matches only exactly (or glued with its neighbours). */
  readonly exactOnly: boolean;
}

export type FormReading = 'latin' | 'transliterated' | 'lookalike';

export interface NameForm {
  readonly tokens: readonly NameToken[];
  /** All but legal forms and particles glued together: equal keys mean the same name up to spacing and legal form. */
  readonly strongKey: string;
  /** Each pair of adjacent tokens glued together, for joined/split matching. */
  readonly glued: readonly string[];
  /** The same pairs glued as written ("tech"+"nology", "machinery"+"company"); equal to `glued` where nothing was rewritten. */
  readonly gluedSurface: readonly string[];
  /** Each run of three adjacent words glued as written ("van der bilt" → "vanderbilt"). */
  readonly glued3: readonly string[];
  readonly reading: FormReading;
  /** Index of the first token of the family name when the name was written "SURNAME, Given" (then last); absent when unknown. */
  readonly familyFrom?: number;
}

export type NameKind = 'person' | 'entity' | 'unknown';

const MAX_FORMS = 4;
const MAX_TOKENS = 16;

/** What is known of the party besides its name that changes how the name is read. */
export interface NameContext {
  /** ISO 3166-1 alpha-2 codes. Korea (KR, KP) has Han characters read in Korean as well as in pinyin. */
  readonly countries?: readonly string[];
  /** Single letters are designators, not initials: ship and aircraft names ("M SOPHIA", "EMILY S"). */
  readonly designators?: boolean;
}

const KOREAN_READING_COUNTRIES = new Set(['KR', 'KP']);

export function nameForms(raw: string, kind: NameKind = 'unknown', context: NameContext = {}): NameForm[] {
  const stripped = stripListBoilerplate(raw.normalize('NFKC'));
  const person = personNameParts(stripped, kind);
  const cleaned = person === null ? stripped : `${person.given} ${person.surname}`;
  const familyWords = person === null ? 0 : Math.max(1, tokenise(foldUnicode(person.surname)).length);
  const withCjkForms = replaceCjkLegalForms(cleaned);
  const rawTokens = withCjkForms.split(/\s+/).filter((t) => t !== '');
  const readings = readingsOf(rawTokens);
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  const add = (form: NameForm): boolean => {
    const key = form.tokens.map((t) => t.text).join(' ');
    if (form.tokens.length === 0 || seen.has(key)) return false;
    seen.add(key);
    forms.push(form);
    return forms.length >= MAX_FORMS;
  };
  for (const { text, reading } of readings) {
    const abjad = isAbjadScript(text);
    const syllabic = isSyllabicScript(text);
    for (const ascii of transliterations(foldUnicode(text))) {
      if (add(buildForm(ascii, reading === 'latin' && ascii !== foldUnicode(text) ? 'transliterated' : reading, abjad, syllabic, familyWords, context.designators === true))) return forms;
    }
  }
  // A Korean party's name written in hanja is also read in Korean (Hangul romanisations vary, so
  // its syllables stay fuzzy). Not for everyone: a Chinese name read in Korean is only noise.
  const korean = context.countries?.some((c) => KOREAN_READING_COUNTRIES.has(c.toUpperCase())) === true;
  for (const hangul of korean ? sinoKoreanReadings(cleaned) : []) {
    for (const ascii of transliterations(hangul)) if (add(buildForm(ascii, 'transliterated', false, false))) return forms;
  }
  return forms;
}

/** The raw text in its readings: as written (mixed-script tokens folded), and with look-alikes folded. */
function readingsOf(rawTokens: readonly string[]): Array<{ text: string; reading: FormReading }> {
  const asWritten = rawTokens.map((t) => (isMixedScriptToken(t) ? foldConfusables(t) : t)).join(' ');
  const out: Array<{ text: string; reading: FormReading }> = [{ text: asWritten, reading: 'latin' }];
  if (hasCyrillicOrGreek(asWritten)) {
    const folded = rawTokens.map((t) => (hasCyrillicOrGreek(t) && isFullyFoldable(t) ? foldConfusables(t) : t)).join(' ');
    if (folded !== asWritten) out.push({ text: folded, reading: 'lookalike' });
  }
  return out;
}

function buildForm(ascii: string, reading: FormReading, abjad: boolean, syllabic: boolean, familyWords = 0, designators = false): NameForm {
  const words: string[] = [];
  const written: string[] = [];
  const split = abjad ? tokenise(ascii) : repairMisspeltLegalWords(rejoinSplitLegalWords(tokenise(ascii).flatMap((t) => splitGluedLegalWord(t))));
  for (const raw of split) {
    const canonical = canonicalAbbreviation(fuzzyDescriptor(raw));
    for (const c of canonical) {
      words.push(c);
      written.push(canonical.length === 1 ? raw : c);
    }
  }
  const { tokens, legal, surfaces: allSurfaces } = collapseLegalForms(words, written);
  const roles = tokens.map((t, i) => (abjad ? abjadRole(t) : roleOf(t, legal[i] ?? false)));
  // A ship's "S" names the ship, it abbreviates nothing: it must match as written.
  if (designators) for (let i = 0; i < roles.length; i += 1) if (roles[i] === 'initial') roles[i] = 'strong';
  promoteWhenAllWeak(roles);
  const built: NameToken[] = [];
  const surfaces: string[] = [];
  for (let i = 0; i < tokens.length && built.length < MAX_TOKENS; i += 1) {
    const role = roles[i];
    const text = tokens[i];
    if (role === undefined || text === undefined) continue;
    built.push(nameToken(text, role, abjad, syllabic && role === 'strong' && text.length <= 6));
    surfaces.push(allSurfaces[i] ?? text);
  }
  const strongKey = built
    .filter((t) => t.role !== 'legal' && t.role !== 'stop')
    .map((t) => t.text)
    .join('');
  const glued: string[] = [];
  for (let i = 0; i + 1 < built.length; i += 1) glued.push((built[i] as NameToken).text + (built[i + 1] as NameToken).text);
  const surfaceGlue: string[] = [];
  for (let i = 0; i + 1 < surfaces.length; i += 1) surfaceGlue.push(canonicalGlue((surfaces[i] as string) + (surfaces[i + 1] as string)));
  const gluedSurface = surfaceGlue.every((g, i) => g === glued[i]) ? glued : surfaceGlue;
  const glued3: string[] = [];
  for (let i = 0; i + 2 < surfaces.length; i += 1) glued3.push(canonicalGlue((surfaces[i] as string) + (surfaces[i + 1] as string) + (surfaces[i + 2] as string)));
  const form: NameForm = { tokens: built, strongKey, glued, gluedSurface, glued3, reading };
  // The surname is the tail only if nothing was cut off at MAX_TOKENS.
  const whole = built.length === tokens.length;
  return familyWords > 0 && whole && built.length > familyWords ? { ...form, familyFrom: built.length - familyWords } : form;
}

const PATRONYMIC = /^[a-z]{3,}(ovich|evich|yevich|ievich|ovych|ovna|evna|yevna|ievna|ichna)$/;

/** Words split by a stray space are read like the whole word ("Techno logies" → technology, "Lim ited" → ltd). */
function canonicalGlue(glued: string): string {
  // Exact spellings only: a fuzzy reading would let "company"+"23" pass for "company".
  const canonical = canonicalAbbreviation(glued);
  const one = canonical.length === 1 ? (canonical[0] as string) : glued;
  return canonicalLegalForm(one) ?? one;
}

/** Romanised Arabic/Hebrew/Thai carries no Latin particles or titles ("عمر" reads "mr", not Mister). */
function abjadRole(token: string): TokenRole {
  if (/^\d+$/.test(token)) return 'number';
  if (token === 'al' || token === 'l' || token === 'bn' || token === 'bin') return 'stop';
  return token.length === 1 ? 'initial' : 'strong';
}

function roleOf(token: string, legal: boolean): TokenRole {
  if (legal || isLegalFormPart(token)) return 'legal';
  if (/^\d+$/.test(token)) return 'number';
  if (isStopWord(token)) return 'stop';
  if (isGenericWord(token)) return 'generic';
  if (token.length === 1) return 'initial';
  if (PATRONYMIC.test(token)) return 'secondary';
  return 'strong';
}

/** A name made only of descriptive words ("Trading Company") still has to identify something. */
function promoteWhenAllWeak(roles: TokenRole[]): void {
  const identifying = (r: TokenRole): boolean => r === 'strong' || r === 'number' || r === 'secondary' || r === 'initial';
  if (roles.some(identifying)) return;
  for (const from of ['generic', 'stop', 'legal'] as const) {
    if (roles.includes(from)) {
      for (let i = 0; i < roles.length; i += 1) if (roles[i] === from) roles[i] = 'strong';
      return;
    }
  }
}

const tokenCache = new Map<string, NameToken>();
const TOKEN_CACHE_LIMIT = 200_000;

export function nameToken(text: string, role: TokenRole, abjad = false, exactOnly = false): NameToken {
  const cacheKey = `${role}|${abjad ? 1 : 0}${exactOnly ? 1 : 0}|${text}`;
  const cached = tokenCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const skeleton = skeletonKey(text);
  const token: NameToken = { text, role, skeleton, consonants: consonantKey(skeleton), metaphone: metaphoneKeys(text), abjad, acronymLike: !abjad && /^[a-z]{2,6}$/.test(text), exactOnly };
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(cacheKey, token);
  return token;
}
