/**
 * Legal forms (Co., Ltd., LLC, OOO, JSC/AO, GmbH, Pte. Ltd., 有限公司 …). They say what kind of
 * body a party is, not which one, so they become weak tokens with one canonical spelling per
 * form: "Company Limited", "Co., Ltd." and "有限公司" all end up as `co ltd`.
 */

/** Single-token spellings → canonical form. Tokens are already lower-case ASCII without dots. */
const LEGAL_TOKENS: ReadonlyMap<string, string> = new Map(Object.entries({
  co: 'co', company: 'co', compania: 'co', companhia: 'co', compagnie: 'co', cie: 'co', kompaniya: 'co', kompania: 'co', cos: 'co',
  ltd: 'ltd', limited: 'ltd', ltda: 'ltd', limitada: 'ltd', limitd: 'ltd', limted: 'ltd', limitied: 'ltd',
  corp: 'corp', corporation: 'corp', corpn: 'corp', korporatsiya: 'corp', korporatsiia: 'corp', corporacion: 'corp',
  inc: 'inc', incorporated: 'inc', incorporation: 'inc',
  llc: 'llc', ooo: 'llc', tov: 'llc', too: 'llc', mchj: 'llc', ltdco: 'llc',
  jsc: 'jsc', ao: 'jsc', oao: 'jsc', zao: 'jsc', pao: 'jsc', pjsc: 'jsc', ojsc: 'jsc', cjsc: 'jsc', jscb: 'jsc', aozt: 'jsc',
  gmbh: 'gmbh', mbh: 'gmbh',
  ag: 'ag', aktiengesellschaft: 'ag', aktiengeselschaft: 'ag',
  kg: 'kg', kgaa: 'kg', ohg: 'kg',
  sa: 'sa', sas: 'sa', sarl: 'sarl', srl: 'srl', spa: 'spa', sae: 'sa', saog: 'sa', saoc: 'sa', sal: 'sa', sak: 'sa', sau: 'sa',
  bv: 'bv', nv: 'nv', plc: 'plc', pte: 'pte', pvt: 'pvt', private: 'pvt', pty: 'pty', proprietary: 'pty',
  llp: 'llp', lp: 'lp', kft: 'kft', zrt: 'zrt', oy: 'oy', oyj: 'oy', sro: 'sro', doo: 'doo', ead: 'ead', eood: 'ead',
  sdn: 'sdn', bhd: 'bhd', berhad: 'bhd', tbk: 'tbk', pt: 'pt', cv: 'cv', kk: 'kk', kabushiki: 'kk', kaisha: 'kk', yk: 'kk',
  fze: 'fze', fzc: 'fze', fzco: 'fze', fzllc: 'fze', dmcc: 'fze', est: 'est', establishment: 'est',
  ulc: 'ltd', spzoo: 'sp', sp: 'sp', as: 'as', asa: 'as', ab: 'ab', aps: 'as', ehf: 'as',
}));

/** Multi-token spellings, longest first. */
const LEGAL_SEQUENCES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['open', 'joint', 'stock', 'company'], ['jsc']],
  [['closed', 'joint', 'stock', 'company'], ['jsc']],
  [['public', 'joint', 'stock', 'company'], ['jsc']],
  [['private', 'joint', 'stock', 'company'], ['jsc']],
  [['joint', 'stock', 'company'], ['jsc']],
  [['joint', 'stock', 'co'], ['jsc']],
  [['joint', 'stock', 'commercial', 'bank'], ['jsc', 'bank']],
  [['aktsionernoe', 'obshchestvo'], ['jsc']],
  [['aktsionernoye', 'obshchestvo'], ['jsc']],
  [['limited', 'liability', 'company'], ['llc']],
  [['limited', 'liability', 'partnership'], ['llp']],
  [['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostiu'], ['llc']],
  [['obshchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'], ['llc']],
  [['public', 'limited', 'company'], ['plc']],
  [['sociedad', 'anonima'], ['sa']],
  [['societe', 'anonyme'], ['sa']],
  [['sa', 'de', 'cv'], ['sa', 'cv']],
  [['s', 'a', 'de', 'c', 'v'], ['sa', 'cv']],
  [['s', 'de', 'rl'], ['srl']],
  [['l', 'l', 'c'], ['llc']],
  [['l', 'l', 'p'], ['llp']],
  [['s', 'a', 'r', 'l'], ['sarl']],
  [['s', 'r', 'l'], ['srl']],
  [['s', 'p', 'a'], ['spa']],
  [['s', 'a'], ['sa']],
  [['b', 'v'], ['bv']],
  [['n', 'v'], ['nv']],
  [['p', 'l', 'c'], ['plc']],
  [['j', 's', 'c'], ['jsc']],
  [['o', 'o', 'o'], ['llc']],
  [['z', 'o', 'o'], ['sp']],
  [['sp', 'zoo'], ['sp']],
  [['sa', 'de', 'cv'], ['sa', 'cv']],
];

/** Glued spellings split back into their parts. */
const GLUED: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  coltd: ['co', 'ltd'],
  pteltd: ['pte', 'ltd'],
  pvtltd: ['pvt', 'ltd'],
  ptyltd: ['pty', 'ltd'],
  sdnbhd: ['sdn', 'bhd'],
  cocorp: ['co', 'corp'],
  gmbhco: ['gmbh', 'co'],
}));

/** Han/Kana/Hangul legal forms and a few descriptors, replaced before transliteration. */
const CJK_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['股份有限公司', ' co ltd '],
  ['有限责任公司', ' co ltd '],
  ['有限責任公司', ' co ltd '],
  ['有限公司', ' co ltd '],
  ['株式会社', ' co ltd '],
  ['주식회사', ' co ltd '],
  ['유한회사', ' co ltd '],
  ['公司', ' co '],
  ['集团', ' group '],
  ['集團', ' group '],
  ['控股', ' holding '],
  ['科技', ' technology '],
  ['技术', ' technology '],
  ['技術', ' technology '],
  ['国际', ' international '],
  ['國際', ' international '],
  ['贸易', ' trading '],
  ['貿易', ' trading '],
  ['电子', ' electronics '],
  ['電子', ' electronics '],
  ['研究所', ' institute '],
  ['大学', ' university '],
  ['大學', ' university '],
];

/**
 * Words that only occur inside legal forms ("Joint Stock Company", "Limited Liability",
 * "Aktsionernoe Obshchestvo"). When word order or spacing breaks the sequence, each of them
 * is still a legal-form word, not an identifying one.
 */
const LEGAL_PARTS = new Set([
  'joint', 'stock', 'public', 'open', 'closed', 'liability', 'aktsionernoe', 'aktsionernoye', 'obshchestvo', 'otkrytoe',
  'zakrytoe', 'publichnoe', 'ogranichennoi', 'ogranichennoy', 'otvetstvennostiu', 'otvetstvennostyu', 'tovarystvo',
  'sociedad', 'anonima', 'societe', 'anonyme', 'gesellschaft', 'beschrankter', 'haftung', 'unitary', 'federal', 'state',
  'enterprise',
]);

export function isLegalFormPart(token: string): boolean {
  return LEGAL_PARTS.has(token);
}

export function legalFormPartWords(): readonly string[] {
  return [...LEGAL_PARTS];
}

/** Long legal-form words that get glued to a neighbour ("COMPANYRUSHYDRO", "STOCKCOMPANY", "OBSHCHESTVOGRUPPA"). */
const GLUABLE = ['company', 'limited', 'corporation', 'joint', 'stock', 'liability', 'aktsionernoe', 'aktsionernoye', 'obshchestvo', 'public'];

/** Split a legal-form word off the start or end of a glued token; the token itself when there is none. */
export function splitGluedLegalWord(token: string): readonly string[] {
  if (token.length < 8) return [token];
  for (const word of GLUABLE) {
    if (token.length >= word.length + 3 && token.startsWith(word)) return [word, ...splitGluedLegalWord(token.slice(word.length))];
    if (token.length >= word.length + 3 && token.endsWith(word)) return [...splitGluedLegalWord(token.slice(0, -word.length)), word];
  }
  return [token];
}

/** Rejoin a legal-form word split by a stray space ("Lim ited", "Com pany"). */
export function rejoinSplitLegalWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const a = tokens[i] as string;
    const b = tokens[i + 1];
    if (b !== undefined && !LEGAL_TOKENS.has(a) && !LEGAL_TOKENS.has(b) && (LEGAL_TOKENS.has(a + b) || GLUABLE.includes(a + b) || LEGAL_PARTS.has(a + b))) {
      out.push(a + b);
      i += 1;
    } else out.push(a);
  }
  return out;
}

export function replaceCjkLegalForms(text: string): string {
  let out = text;
  for (const [form, replacement] of CJK_FORMS) {
    if (out.includes(form)) out = out.split(form).join(replacement);
  }
  return out;
}

export function canonicalLegalForm(token: string): string | undefined {
  return LEGAL_TOKENS.get(token);
}

/**
 * Rewrite legal-form sequences and glued forms in a token list; returns the tokens, which are
 * legal forms, and each token's surface (the word as written, for joined/split matching).
 */
export function collapseLegalForms(
  tokens: readonly string[],
  written: readonly string[] = tokens,
): { tokens: string[]; legal: boolean[]; surfaces: string[] } {
  const out: string[] = [];
  const legal: boolean[] = [];
  const surfaces: string[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (const [sequence, replacement] of LEGAL_SEQUENCES) {
      if (sequence.length > 1 && sequenceAt(tokens, i, sequence)) {
        for (const r of replacement) {
          out.push(r);
          legal.push(LEGAL_TOKENS.has(r));
          surfaces.push(r);
        }
        i += sequence.length;
        continue outer;
      }
    }
    const token = tokens[i] ?? '';
    const glued = GLUED.get(token);
    if (glued !== undefined) {
      for (const g of glued) {
        out.push(g);
        legal.push(true);
        surfaces.push(g);
      }
    } else {
      const canonical = LEGAL_TOKENS.get(token);
      out.push(canonical ?? token);
      legal.push(canonical !== undefined);
      surfaces.push(written[i] ?? token);
    }
    i += 1;
  }
  return { tokens: out, legal, surfaces };
}

function sequenceAt(tokens: readonly string[], start: number, sequence: readonly string[]): boolean {
  if (start + sequence.length > tokens.length) return false;
  for (let k = 0; k < sequence.length; k += 1) if (tokens[start + k] !== sequence[k]) return false;
  return true;
}
