import { err, ok, type Result } from '../result.ts';
import type { FieldIssue } from '../errors.ts';
import { ISO_3166_ALPHA2, type CountryCode } from './iso-3166.ts';

export type { CountryCode } from './iso-3166.ts';

/** Codes people type that are not ISO 3166-1 alpha-2, with the code they almost certainly meant. */
const COMMON_MISTAKES: Readonly<Record<string, CountryCode>> = {
  UK: 'GB',
  EL: 'GR',
  KO: 'KR',
  SP: 'ES',
  RC: 'CN',
  PRC: 'CN',
  USA: 'US',
  CHN: 'CN',
  HKG: 'HK',
  MAC: 'MO',
  ARE: 'AE',
  UAE: 'AE',
  MYS: 'MY',
  SGP: 'SG',
  TWN: 'TW',
  RUS: 'RU',
};

const CODES: ReadonlySet<string> = new Set(Object.keys(ISO_3166_ALPHA2));

export function isCountryCode(value: string): value is CountryCode {
  return CODES.has(value);
}

const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(ISO_3166_ALPHA2));

export function countryName(code: CountryCode): string {
  return NAMES.get(code) ?? code;
}

/** Parses an ISO 3166-1 alpha-2 code (case-insensitive); a near miss gets a message naming the likely code. */
export function parseCountryCode(input: string, field: string): Result<CountryCode, FieldIssue> {
  const code = input.trim().toUpperCase();
  if (isCountryCode(code)) return ok(code);
  const hint = COMMON_MISTAKES[code];
  const message =
    code === ''
      ? 'country code is empty'
      : hint === undefined
        ? `"${input.trim()}" is not an ISO 3166-1 alpha-2 country code`
        : `"${input.trim()}" is not an ISO 3166-1 alpha-2 country code; did you mean ${hint} (${countryName(hint)})?`;
  return err({ code: 'unknown_country', field, message, accepted: 'two-letter ISO 3166-1 alpha-2 code, e.g. US, CN, HK, MO, AE, MY' });
}

/**
 * The country as the EAR sees it. Hong Kong has been treated as China since the December 2020 rule
 * removing it as a separate destination; Macau stays a destination of its own.
 */
export function earDestination(code: CountryCode): CountryCode {
  return code === 'HK' ? 'CN' : code;
}

export const HONG_KONG_AS_CHINA = {
  text: 'Hong Kong is treated as China under the EAR (no separate row in Supp. No. 1 to Part 740)',
  citation: '85 FR 83765 (2020-12-23), "Removal of Hong Kong as a Separate Destination Under the EAR"',
} as const;

/** China including Hong Kong, and Macau: the scope the 2025 "is informed" letters name. */
export function isChinaHongKongOrMacau(code: CountryCode): boolean {
  return code === 'CN' || code === 'HK' || code === 'MO';
}
