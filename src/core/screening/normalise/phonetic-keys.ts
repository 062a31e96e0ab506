/**
 * Sound-alike keys for one token. `skeleton` folds spelling variants common in
 * transliterated names (kh/h, ph/f, -off/-ov, y/i, w/v, doubled letters, x/ks, c/k …);
 * `consonants` drops vowels, the only fair comparison for names romanised from Arabic,
 * Hebrew or Thai script, which write few vowels; `metaphone` is Double Metaphone.
 */
import { doubleMetaphone } from 'double-metaphone';

const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ou/g, 'u'],
  [/oo/g, 'u'],
  [/ee/g, 'i'],
  [/eo/g, 'o'],
  [/eu/g, 'u'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/c(?!h)/g, 'k'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  [/ff$/g, 'v'],
  [/(.)\1+/g, '$1'],
];

export function skeletonKey(token: string): string {
  let out = token;
  for (const [pattern, replacement] of SKELETON_RULES) out = out.replace(pattern, replacement);
  return out;
}

export function consonantKey(skeleton: string): string {
  const consonants = skeleton.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return consonants === '' ? skeleton : consonants;
}

export function metaphoneKeys(token: string): readonly [string, string] {
  if (/^\d+$/.test(token)) return [token, token];
  const [primary, secondary] = doubleMetaphone(token);
  return [primary, secondary];
}
