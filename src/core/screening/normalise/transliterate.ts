/**
 * Transliteration of non-Latin scripts to ASCII. Two libraries are used because they
 * disagree in useful ways (any-ascii follows per-script standards, `transliteration`
 * inserts spaces between Han syllables and spells some vowels differently); every distinct
 * reading becomes its own key. Han and Hangul are split per syllable so that joined/split
 * token matching can rebuild "Huawei" from "hua wei".
 */
import anyAscii from 'any-ascii';
import { transliterate as transliterateLib } from 'transliteration';

const NON_ASCII = /[^\x00-\x7f]/;
const SYLLABIC = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
/** Scripts whose usual romanisation drops most vowels; their tokens are compared by consonants. */
const ABJAD_OR_LOSSY = /[\u0590-\u08ff\u0e00-\u0e7f\ufb1d-\ufdff\ufe70-\ufeff]/u;

export function needsTransliteration(text: string): boolean {
  return NON_ASCII.test(text);
}

const SYLLABIC_TEST = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/**
 * Han: romanised in pinyin one syllable per token, where a one-letter difference is another
 * syllable altogether. (Hangul is not included: its romanisations differ systematically —
 * Gim/Kim, Jeong/Jong — so it keeps fuzzy matching.)
 */
export function isSyllabicScript(text: string): boolean {
  return SYLLABIC_TEST.test(text);
}

export function isAbjadScript(text: string): boolean {
  return ABJAD_OR_LOSSY.test(text);
}

/** Space out Han/Kana/Hangul characters so each syllable becomes a token. */
function spaceSyllables(text: string): string {
  return text.replace(SYLLABIC, (c) => ` ${c} `);
}

/** Distinct ASCII readings of a text (lower case); one element when the libraries agree. */
export function transliterations(text: string): string[] {
  if (!needsTransliteration(text)) return [text];
  const spaced = spaceSyllables(text);
  const readings = new Set<string>();
  readings.add(anyAscii(spaced).toLowerCase());
  readings.add(transliterateLib(spaced).toLowerCase());
  return [...readings];
}
