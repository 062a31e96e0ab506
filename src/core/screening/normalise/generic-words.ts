/**
 * Words that describe rather than identify: trade descriptors ("Trading", "Technology"),
 * particles and titles. They count for little in a match, so "Shenzhen Technology Co Ltd"
 * cannot alert on every Shenzhen technology company, yet a name made only of them still matches.
 */

const GENERIC = new Set([
  'group', 'holding', 'international', 'trading', 'trade', 'technology', 'industry', 'enterprise', 'import', 'export',
  'development', 'science', 'scientific', 'engineering', 'electronics', 'equipment', 'system', 'service', 'solution',
  'logistics', 'investment', 'manufacturing', 'product', 'global', 'research', 'institute', 'university', 'academy',
  'center', 'centre', 'branch', 'office', 'factory', 'plant', 'firm', 'agency', 'partners', 'associates', 'network',
  'resources', 'commercial', 'general', 'works', 'management', 'consulting', 'supply', 'supplies', 'shipping',
  'industrial', 'national', 'association', 'department', 'laboratory', 'materials', 'machinery', 'instruments',
  'automation', 'software', 'communication', 'communications', 'energy', 'power', 'petroleum', 'chemical', 'construction',
  'marine', 'transport', 'aviation', 'defense', 'defence', 'brothers', 'sons', 'and', 'affiliates', 'subsidiary',
  'subsidiaries', 'successor', 'successors', 'limited', 'unit', 'division', 'bureau', 'ministry', 'organization',
  'organisation', 'foundation', 'council', 'committee', 'ventures', 'capital', 'finance', 'financial', 'partnership',
  // Regional qualifiers: "FABERLIC EUROPE" is still Faberlic.
  'europe', 'european', 'asia', 'asian', 'pacific', 'africa', 'african', 'america', 'americas', 'american', 'middle', 'east',
  'eastern', 'western', 'north', 'south', 'northern', 'southern', 'overseas', 'worldwide', 'hk', 'usa', 'uk', 'emea',
  // Cities that prefix company names where diversion concentrates ("Shenzhen … Co., Ltd."): they place, not identify.
  'shenzhen', 'beijing', 'shanghai', 'guangzhou', 'hangzhou', 'chengdu', 'wuhan', 'xian', 'tianjin', 'nanjing', 'suzhou',
  'dongguan', 'xiamen', 'hefei', 'qingdao', 'dalian', 'shenyang', 'harbin', 'changsha', 'zhengzhou', 'jinan', 'ningbo',
  'kong', 'macau', 'moscow', 'petersburg', 'novosibirsk', 'yekaterinburg', 'dubai', 'sharjah', 'tehran', 'istanbul',
  'branch',
]);

/** Particles and titles: almost no weight. */
const STOP = new Set([
  'the', 'of', 'de', 'la', 'le', 'les', 'du', 'des', 'del', 'della', 'da', 'do', 'dos', 'das', 'y', 'e', 'et', 'und',
  'for', 'in', 'on', 'at', 'to', 'a', 'an', 'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'ben', 'van', 'von', 'der', 'den',
  'ter', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'president', 'sheikh', 'shaikh', 'sheik', 'haji', 'hajji',
  'aka', 'fka', 'nka', 'dba', 'also', 'known', 'as', 'formerly', 'general', 'colonel', 'col', 'gen',
  // Titles the lists and the press write into names ("Mullah Omar", "Präsident Obama").
  'praesident', 'prasident', 'presidente', 'mullah', 'mulla', 'maulavi', 'maulvi', 'mawlawi', 'mawlavi', 'qari',
  'ayatollah', 'hojatoleslam', 'monsieur', 'madame', 'mme', 'mlle', 'herr', 'frau', 'senor', 'senora', 'signor', 'signora',
]);

export function isGenericWord(token: string): boolean {
  return GENERIC.has(token);
}

export function isStopWord(token: string): boolean {
  return STOP.has(token);
}
