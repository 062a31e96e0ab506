/**
 * Korean readings of a name written in Han characters (hanja), so that 金正恩 meets "Kim Jong Un"
 * the way 김정은 does. Only for texts of two to four Han characters, the shape of a Korean
 * personal name: Chinese company names would gain nothing but noise from a Korean reading.
 * Two readings, because the lists carry both conventions: the North Korean one keeps an initial
 * r/n (李 → 리 "Ri", 柳 → 류 "Ryu"); the South Korean one applies the initial-sound rule
 * (두음법칙, Korean orthography arts. 10–12) to the surname and the given name's first syllable
 * (李 → 이 "Yi/Lee", 柳 → 유 "Yu").
 */
import hanjaeum from 'hanja/lib/data/hanjaeum.json' with { type: 'json' };

/** Character → its Sino-Korean reading (one Hangul syllable), from the hanja package's table. */
const READINGS: Readonly<Record<string, string>> = hanjaeum;
const NAME_OF_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}$/u;
/**
 * Surnames whose reading differs from the character's everyday one: 金 is 금 (gold) in words
 * but 김 (Kim) as a surname. A table, so that a correction is a data change.
 */
const SURNAME_READINGS: Readonly<Record<string, string>> = { 金: '김' };

/** Hangul readings of a two-to-four-character Han name; none for anything else. */
export function sinoKoreanReadings(text: string): string[] {
  const name = text.replace(/\s+/g, '');
  if (!NAME_OF_HAN.test(name)) return [];
  const syllables = [...name].map((c, i) => (i === 0 ? SURNAME_READINGS[c] : undefined) ?? READINGS[c]);
  if (syllables.some((s) => s === undefined)) return [];
  const north = syllables.join('');
  // Surname and given name each begin a word; four-character names are taken as two-syllable surnames.
  const givenStart = syllables.length === 4 ? 2 : 1;
  const south = syllables.map((s, i) => (i === 0 || i === givenStart ? initialSoundRule(s as string) : s)).join('');
  return [...new Set([south, north])];
}

const HANGUL_BASE = 0xac00;
const PER_INITIAL = 588;
const PER_MEDIAL = 28;
const RIEUL = 5;
const NIEUN = 2;
const IEUNG = 11;
/** ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: before these an initial ㄹ or ㄴ is dropped. */
const Y_OR_I_MEDIALS = new Set([2, 6, 7, 12, 17, 20]);

/** Word-initial ㄹ becomes ㄴ, and ㄴ/ㄹ before y- or i becomes silent (량 → 양, 로 → 노, 녀 → 여). */
export function initialSoundRule(syllable: string): string {
  const code = syllable.charCodeAt(0) - HANGUL_BASE;
  if (code < 0 || code >= 19 * PER_INITIAL) return syllable;
  const initial = Math.floor(code / PER_INITIAL);
  const medial = Math.floor((code % PER_INITIAL) / PER_MEDIAL);
  if (initial !== RIEUL && initial !== NIEUN) return syllable;
  const next = Y_OR_I_MEDIALS.has(medial) ? IEUNG : initial === RIEUL ? NIEUN : initial;
  return String.fromCharCode(HANGUL_BASE + next * PER_INITIAL + (code % PER_INITIAL));
}
