import { isCountryCode as isIsoCountryCode } from '../../core/countries/country.ts';

/**
 * Country names as the lists write them → ISO 3166-1 alpha-2. English region names come from
 * ICU (Intl.DisplayNames); OFAC's own spellings ("Korea, North", "Burma", "Region: Crimea") are added.
 */
const OFAC_SPELLINGS: Readonly<Record<string, string>> = {
  'korea, north': 'KP',
  'korea, south': 'KR',
  burma: 'MM',
  russia: 'RU',
  iran: 'IR',
  syria: 'SY',
  laos: 'LA',
  vietnam: 'VN',
  brunei: 'BN',
  macau: 'MO',
  macao: 'MO',
  'bahamas, the': 'BS',
  'the gambia': 'GM',
  'gambia, the': 'GM',
  'congo, democratic republic of the': 'CD',
  'congo, republic of the': 'CG',
  'cote d ivoire': 'CI',
  "cote d'ivoire": 'CI',
  'czech republic': 'CZ',
  'man, isle of': 'IM',
  'virgin islands, british': 'VG',
  'north macedonia, the republic of': 'MK',
  macedonia: 'MK',
  turkey: 'TR',
  palestinian: 'PS',
  'west bank': 'PS',
  'region: gaza': 'PS',
  'region: north gaza': 'PS',
  'region: northern gaza': 'PS',
  'region: west bank': 'PS',
  'region: crimea': 'UA',
  'region: russia': 'RU',
  'region: northern mali': 'ML',
  'hong kong': 'HK',
  taiwan: 'TW',
  'united states': 'US',
  'united kingdom': 'GB',
  kosovo: 'XK',
  'netherlands antilles': 'AN',
  'bolivia': 'BO',
  'venezuela': 'VE',
  'tanzania': 'TZ',
  'moldova': 'MD',
  'micronesia, federated states of': 'FM',
  'st. kitts and nevis': 'KN',
  'saint kitts and nevis': 'KN',
  'saint vincent and the grenadines': 'VC',
  'china': 'CN',
};

let table: Map<string, string> | null = null;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i += 1) {
    for (let j = 0; j < 26; j += 1) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name === undefined || name === code) continue;
      map.set(fold(name), code);
      // "Myanmar (Burma)", "Congo - Kinshasa": also index the part before the qualifier
      const short = name.replace(/\s*\(.*\)$/, '');
      if (short !== name && !map.has(fold(short))) map.set(fold(short), code);
    }
  }
  for (const [name, code] of Object.entries(OFAC_SPELLINGS)) map.set(fold(name), code);
  return map;
}

function fold(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** ISO alpha-2 for a country name or code as written on a list; undefined when unknown. */
export function countryCode(value: string): string | undefined {
  const v = value.trim();
  if (v === '' || v === '-0-') return undefined;
  if (/^[A-Z]{2}$/.test(v)) return v;
  table ??= build();
  return table.get(fold(v));
}

/** Codes the lists use that ISO 3166-1 does not assign (Kosovo, the former Netherlands Antilles). */
const LIST_ONLY_CODES: ReadonlySet<string> = new Set(['XK', 'AN']);

/** Whether a two-letter code is an ISO 3166-1 alpha-2 code (the core's table) or one the lists use. */
export function isCountryCode(code: string): boolean {
  return isIsoCountryCode(code) || LIST_ONLY_CODES.has(code);
}
