/**
 * Common abbreviations and inflections with one canonical spelling, so "Intl" meets
 * "International", "Technologies" meets "Tech" and "1st" meets "First".
 */

const CANONICAL: ReadonlyMap<string, string> = new Map(Object.entries({
  intl: 'international', internat: 'international', internatl: 'international',
  tech: 'technology', technologies: 'technology', techn: 'technology', technol: 'technology', technologie: 'technology', tecnologia: 'technology',
  mfg: 'manufacturing', manufacture: 'manufacturing', manufacturer: 'manufacturing',
  univ: 'university', uni: 'university',
  inst: 'institute', institut: 'institute', instituto: 'institute',
  natl: 'national',
  assn: 'association', assoc: 'association',
  dept: 'department', bros: 'brothers',
  svc: 'service', svcs: 'service', services: 'service', servicos: 'service', servicios: 'service',
  hldg: 'holding', hldgs: 'holding', holdings: 'holding',
  grp: 'group', groups: 'group',
  inds: 'industry', industries: 'industry', indus: 'industry',
   enterprises: 'enterprise', entreprise: 'enterprise',
  electronic: 'electronics', elec: 'electronics', elect: 'electronics',
  sys: 'system', systems: 'system', sistemas: 'system', systemy: 'system',
  eng: 'engineering', engg: 'engineering',
  mgmt: 'management', mgt: 'management',
  dev: 'development', devt: 'development',
  invest: 'investment', investments: 'investment',
  products: 'product', prod: 'product',
  solutions: 'solution',
  labs: 'laboratory', lab: 'laboratory', laboratories: 'laboratory',
  ctr: 'center', cntr: 'center',
  sci: 'science', sciences: 'science',
  comm: 'communication', comms: 'communication',
  expt: 'export', exp: 'export', imp: 'import', impex: 'import export',
  '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fourty: '40', fifty: '50', hundred: '100',
  mohd: 'mohammed', muhd: 'mohammed',
}));

/** One token in, one or more tokens out (a few abbreviations expand to two words). */
export function canonicalAbbreviation(token: string): readonly string[] {
  const canonical = CANONICAL.get(token);
  return canonical === undefined ? [token] : canonical.split(' ');
}

/**
 * Long descriptive words that are often misspelt ("Compny", "Corporaiton", "Limted"). A token
 * within a small edit distance of one of them is read as that word, so a typo in a legal form
 * does not turn it into an identifying word.
 */
const DESCRIPTORS = [
  'company', 'limited', 'corporation', 'incorporated', 'technology', 'technologies', 'international', 'industry',
  'industries', 'electronics', 'engineering', 'trading', 'holding', 'holdings', 'enterprise', 'development',
  'manufacturing', 'investment', 'laboratory', 'institute', 'university', 'research', 'logistics', 'equipment',
  'public', 'liability', 'aktsionernoe', 'obshchestvo', 'scientific', 'production',
];
const DESCRIPTOR_SET = new Set(DESCRIPTORS);
const fuzzyCache = new Map<string, string>();

export function fuzzyDescriptor(token: string): string {
  if (token.length < 6 || DESCRIPTOR_SET.has(token) || CANONICAL.has(token)) return token;
  const cached = fuzzyCache.get(token);
  if (cached !== undefined) return cached;
  let result = token;
  for (const d of DESCRIPTORS) {
    if (Math.abs(d.length - token.length) > 2 || d[0] !== token[0]) continue;
    if (editDistanceAtMost(token, d, d.length >= 7 ? 2 : 1)) {
      result = d;
      break;
    }
  }
  if (fuzzyCache.size > 50_000) fuzzyCache.clear();
  fuzzyCache.set(token, result);
  return result;
}

/** Optimal string alignment distance ≤ limit (small limits only). */
export function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i += 1) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return false;
    prev2 = prev;
    prev = cur;
  }
  return (prev[m] ?? limit + 1) <= limit;
}
