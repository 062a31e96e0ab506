/**
 * Look-alike letters from Cyrillic and Greek that render like Latin letters. A name typed
 * with such letters ("НUAWEI" with a Cyrillic Н) must not evade screening, so these are
 * folded to the Latin letter they imitate — as opposed to transliterated by sound (Н → N).
 * Both readings are kept as separate keys when a token is wholly Cyrillic or Greek.
 */

const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic upper case
  А: 'a', В: 'b', Е: 'e', Ё: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x',
  Ѕ: 's', І: 'i', Ї: 'i', Ј: 'j', Ԛ: 'q', Ԝ: 'w', Ү: 'y', Һ: 'h', Ӏ: 'i', Ь: 'b', З: '3', Ч: '4',
  // Cyrillic lower case
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h', ӏ: 'l', ԁ: 'd', ь: 'b', п: 'n', г: 'r',
  // Greek upper case
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  // Greek lower case
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', η: 'n', ω: 'w',
};

const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u052f]/u;
const LATIN_LETTER = /[a-z\u00c0-\u024f]/iu;

export function hasCyrillicOrGreek(text: string): boolean {
  return CYRILLIC_OR_GREEK.test(text);
}

/** True when a token mixes Latin letters with Cyrillic/Greek ones: a typical evasion or a typing slip. */
export function isMixedScriptToken(token: string): boolean {
  return CYRILLIC_OR_GREEK.test(token) && LATIN_LETTER.test(token);
}

/** Every Cyrillic/Greek letter in the token has a Latin look-alike. */
export function isFullyFoldable(token: string): boolean {
  for (const char of token) {
    if (CYRILLIC_OR_GREEK.test(char) && LOOKALIKES[char] === undefined) return false;
  }
  return true;
}

/** Replace Cyrillic/Greek look-alikes by the Latin letter they imitate; other characters unchanged. */
export function foldConfusables(text: string): string {
  let out = '';
  for (const char of text) out += LOOKALIKES[char] ?? char;
  return out;
}
