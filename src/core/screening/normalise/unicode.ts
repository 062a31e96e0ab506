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

const COMBINING_MARKS = /\p{M}+/gu;
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
 * Decompose and drop combining marks, but only for scripts where marks are diacritics.
 * Hangul, Devanagari, Thai, Arabic etc. carry vowels in marks or recompose; they keep theirs.
 */
export function stripDiacritics(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x0590 || (code >= 0x1e00 && code <= 0x1fff)) {
      out += char.normalize('NFD').replace(COMBINING_MARKS, '');
    } else {
      out += char;
    }
  }
  return out.normalize('NFC');
}
