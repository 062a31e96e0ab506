/**
 * Unicode folding: compatibility forms (NFKC), case, diacritics and the few Latin letters
 * that do not decompose (ß, ø, æ, ł, đ, ı …). Output keeps non-Latin scripts untouched;
 * transliteration is a separate step so that look-alike folding can run first.
 */

const NON_DECOMPOSING: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
};

const DIACRITICS = /[\u0300-\u036f]+/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const SPECIAL_LETTERS = /[ßẞøØæÆœŒłŁđĐðÐþÞıħĦŋĸ]/g;
/** Typographic quotes, dashes and the like that NFKC leaves alone. */
const PUNCTUATION_VARIANTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u02bb': "'",
  '`': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};
const PUNCTUATION_PATTERN = /[\u2018\u2019\u201a\u201b\u02bc\u02bb`\u00b4\u201c\u201d\u2010-\u2014\u2212]/g;

/** NFKC, typographic punctuation to ASCII, diacritics stripped, lower case. */
export function foldUnicode(text: string): string {
  const compatible = text.normalize('NFKC').replace(PUNCTUATION_PATTERN, (c) => PUNCTUATION_VARIANTS[c] ?? c);
  const special = compatible.replace(SPECIAL_LETTERS, (c) => NON_DECOMPOSING[c] ?? c);
  return stripDiacritics(special).toLowerCase();
}

/**
 * Decompose and drop the generic combining diacritics (U+0300–U+036F) only: Arabic harakat,
 * Indic vowel signs and Thai marks live in other blocks and carry meaning, so they stay.
 */
export function stripDiacritics(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
}
