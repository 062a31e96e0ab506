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
