/**
 * Regression cases users reported against other screeners (screening.md §3 and §6.2.6),
 * homoglyph evasion and alias hits, on a small hand-written list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScreener } from '../../src/core/screening/build-screener.ts';
import { DEFAULT_THRESHOLD } from '../../src/core/screening/threshold.ts';
import type { PartyType } from '../../src/core/screening/types.ts';
import { FIXTURE_LIST } from './fixture-list.ts';

const screener = buildScreener(FIXTURE_LIST);
const ids = (name: string, threshold = DEFAULT_THRESHOLD): string[] => screener.screen({ name }, { threshold }).map((m) => m.sourceId);
const scoreOf = (name: string, sourceId: string): number => screener.screen({ name }, { threshold: 0 }).find((m) => m.sourceId === sourceId)?.score ?? 0;

describe('regression cases from other screeners', () => {
  it('CSL #147: an extra word does not lose the match ("Almaz Antey Telecom")', () => {
    expect(ids('Almaz Antey Telecom')).toContain('EL-2');
  });

  it('CSL #61: split and joined words match ("Gazprom Bank" / "GAZPROMBANK")', () => {
    expect(ids('Gazprom Bank')[0]).toBe('15268');
    expect(ids('GAZPROM BANK OAO')[0]).toBe('15268');
  });

  it('Watchman #594: "JSCARGUMENT" and "JSC ARGUMENT" find each other', () => {
    expect(ids('JSCARGUMENT')).toEqual(['20003']);
    expect(ids('JSC ARGUMENT')).toEqual(['20003']);
  });

  it('Watchman #483: numbers are kept, so "BELLETECH CORP" does not hit "11420 CORP." and a bare legal form is no match', () => {
    expect(ids('BELLETECH CORP')).toEqual([]);
    expect(ids('CORP')).toEqual([]);
    expect(ids('11420 CORP')).toEqual(['11420']);
  });

  it('Watchman #375: "The Bridgespan Group" does not hit an alias made of generic words ("THE GROUP")', () => {
    expect(ids('The Bridgespan Group')).toEqual([]);
  });

  it('Watchman #338: "emma daniels" does not hit "EMMA LLC" at the default threshold', () => {
    expect(ids('emma daniels')).toEqual([]);
    expect(scoreOf('emma daniels', '20001')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('OFAC quirk: "KIM JONG UN" finds Kim Jong Un first and not every Kim', () => {
    const matches = screener.screen({ name: 'KIM JONG UN' });
    expect(matches[0]?.sourceId).toBe('20004');
    expect(matches[0]?.score).toBe(1);
    expect(matches.map((m) => m.sourceId)).not.toContain('20005');
  });

  it('OFAC quirk: word order does not matter ("BUSH GEORGE" and "GEORGE BUSH")', () => {
    expect(ids('BUSH GEORGE')).toEqual(['20006']);
    expect(ids('GEORGE BUSH')).toEqual(['20006']);
    expect(scoreOf('BUSH GEORGE', '20006')).toBe(scoreOf('GEORGE BUSH', '20006'));
  });

  it('CSL spec: a misspelt "qazi abdallha" finds "Qazi Abdallah"', () => {
    expect(ids('qazi abdallha')).toEqual(['20007']);
  });

  it('a three-letter fragment ("abd") alerts on nothing', () => {
    expect(ids('abd')).toEqual([]);
  });

  it('a clean name returns nothing', () => {
    expect(ids('Acme Widgets Inc')).toEqual([]);
    expect(ids('Blue Harbor Logistics LLC')).toEqual([]);
  });
});

describe('variants of a listed company find the same entry', () => {
  it.each([
    ['Huawei Technologies Company Limited'],
    ['HUAWEI TECHNOLOGIES CO LTD'],
    ['Hua Wei Technologies Co., Ltd.'],
    ['华为技术有限公司'],
    ['Huawei Technologies LLC'],
    ['Huawie Technologies Co., Ltd.'],
  ])('%s', (query) => {
    expect(ids(query)[0]).toBe('EL-1');
  });
});

describe('homoglyph evasion', () => {
  it('Cyrillic and Greek look-alike letters do not evade screening', () => {
    expect(ids('НUАWЕI ТЕСНNOLOGIES СО., LTD.')[0]).toBe('EL-1');
    expect(ids('GΑΖPRΟMΒΑΝΚ')[0]).toBe('15268');
    expect(ids('Shеnzhеn Hоngdа Elеctrоnics')[0]).toBe('EL-3');
  });

  it('any mix of look-alikes in a listed name still finds its entry (property)', () => {
    const lookalikes: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', a: 'а', c: 'с', e: 'е', o: 'о', p: 'р' };
    const names = FIXTURE_LIST.filter((e) => e.type === 'entity').map((e) => [e.name, e.sourceId] as const);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), ([name, sourceId], flips) => {
        const disguised = [...name].map((c, i) => (flips[i % flips.length] === true ? (lookalikes[c] ?? c) : c)).join('');
        return ids(disguised).includes(sourceId);
      }),
      { numRuns: 150 },
    );
  });
});

describe('aliases and explanations', () => {
  it('an alias hit reports the alias and the primary name', () => {
    const match = screener.screen({ name: 'AO NII Vector' })[0];
    expect(match?.sourceId).toBe('MEU-1');
    expect(match?.list).toBe('bis-meu');
    expect(match?.explanation.matchedOn).toBe('alias');
    expect(match?.matchedName).toBe('AO NII Vektor');
    expect(match?.name).toBe('Joint Stock Company Scientific Research Institute Vector');
  });

  it('explains which tokens matched and how', () => {
    const match = screener.screen({ name: 'Gazprom Bank' })[0];
    expect(match?.explanation.tokens).toContainEqual({ query: 'gazprom bank', entry: 'gazprombank', kind: 'joined', similarity: 1 });
    expect(match?.explanation.parts['name']).toBeGreaterThan(0.9);
    const typo = screener.screen({ name: 'Huawie Technologies' })[0];
    const aligned = typo?.explanation.tokens.find((t) => t.query === 'huawie');
    expect(aligned?.entry).toBe('huawei');
    expect(['fuzzy', 'phonetic']).toContain(aligned?.kind);
    expect(aligned?.similarity).toBeLessThan(1);
  });

  it('returns one match per entry, best name first, with a calibrated score in [0, 1]', () => {
    const matches = screener.screen({ name: 'Huawei' }, { threshold: 0 });
    expect(new Set(matches.map((m) => m.sourceId)).size).toBe(matches.length);
    for (const m of matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect(matches[0]?.sourceId).toBe('EL-1');
  });
});

describe('country as supporting evidence', () => {
  it('an agreeing country raises and a contradicting one lowers the score', () => {
    const name = 'Shenzhen Hongda Electronik';
    const plain = screener.screen({ name }, { threshold: 0 }).find((m) => m.sourceId === 'EL-3');
    const agreeing = screener.screen({ name, country: 'CN' }, { threshold: 0 }).find((m) => m.sourceId === 'EL-3');
    const contradicting = screener.screen({ name, country: 'BR' }, { threshold: 0 }).find((m) => m.sourceId === 'EL-3');
    expect(agreeing?.score).toBeGreaterThan(plain?.score ?? 1);
    expect(contradicting?.score).toBeLessThan(plain?.score ?? 0);
    expect(agreeing?.explanation.parts['country']).toBeGreaterThan(0);
    expect(contradicting?.explanation.notes.join(' ')).toContain('BR');
  });

  it('country alone never creates a match', () => {
    expect(screener.screen({ name: 'Completely Different Name', country: 'CN' })).toEqual([]);
  });
});

describe('year of birth as supporting evidence', () => {
  const people = buildScreener([
    { list: 'ofac-sdn', sourceId: '30001', name: 'SMIRNOV, Dmitry Ivanovich', aliases: [], type: 'individual', countries: ['RU'], addresses: [], programs: [], birthYears: [1968] },
  ]);
  const scoreWith = (birthYear?: number): number => people.screen(birthYear === undefined ? { name: 'Dmitry Smirnov' } : { name: 'Dmitry Smirnov', birthYear }, { threshold: 0 })[0]?.score ?? 0;

  it('a year more than one away from every listed year lowers the score below the default threshold', () => {
    expect(scoreWith()).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(scoreWith(1985)).toBeLessThan(DEFAULT_THRESHOLD);
    expect(people.screen({ name: 'Dmitry Smirnov', birthYear: 1985 }, { threshold: 0 })[0]?.explanation.notes.join(' ')).toContain('1985');
  });

  it('an agreeing year (within one) raises it, and a year alone never creates a match', () => {
    expect(scoreWith(1969)).toBeGreaterThan(scoreWith());
    expect(people.screen({ name: 'Completely Different', birthYear: 1968 })).toEqual([]);
  });
});

describe('party type as supporting evidence', () => {
  const listed = buildScreener([
    { list: 'ofac-sdn', sourceId: '10003', name: 'GOMEZ MARIN LTDA.', aliases: [], type: 'entity', countries: ['CO'], addresses: [], programs: ['SDNT'] },
    { list: 'ofac-sdn', sourceId: '51707', name: 'M SOPHIA', aliases: [], type: 'vessel', countries: [], addresses: [], programs: ['RUSSIA-EO14024'] },
    { list: 'bis-entity', sourceId: 'be-1', name: 'Gomez Marin Trading Co., Ltd.', aliases: [], type: 'unknown', countries: ['CN'], addresses: [], programs: [] },
    { list: 'bis-denied', sourceId: 'dpl-1', name: 'JOSE LUIS GARCIA', aliases: [], type: 'unknown', countries: ['US'], addresses: [], programs: [] },
  ]);
  const score = (name: string, sourceId: string, type?: PartyType): number =>
    listed.screen(type === undefined ? { name } : { name, type }, { threshold: 0 }).find((m) => m.sourceId === sourceId)?.score ?? 0;

  it('a person against a listed company or ship loses 0.15, and the note says why', () => {
    expect(score('María Gómez Marín', '10003', 'individual')).toBeCloseTo(score('María Gómez Marín', '10003') - 0.15, 3);
    expect(score('Sofía Moreno', '51707', 'individual')).toBeLessThan(DEFAULT_THRESHOLD);
    const notes = listed.screen({ name: 'Gomez Marin', type: 'individual' }, { threshold: 0 }).find((m) => m.sourceId === '10003')?.explanation.notes.join(' ');
    expect(notes).toContain('the party is an individual; the entry is an entity');
  });

  it('an untyped list entry with a legal form reads as an entity; one without is left alone', () => {
    expect(score('Gomez Marin', 'be-1', 'individual')).toBeLessThan(score('Gomez Marin', 'be-1'));
    expect(score('Jose Luis Garcia', 'dpl-1', 'entity')).toBe(score('Jose Luis Garcia', 'dpl-1'));
  });

  it("a ship's single letters are designators, not initials of a person's words", () => {
    expect(score('Sofía Moreno', '51707')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('M Sophia', '51707')).toBeGreaterThan(0.95);
    expect(score('Sophia', '51707')).toBeLessThan(score('M Sophia', '51707'));
  });

  it('agreeing types change nothing, and an exact name with the wrong type still alerts', () => {
    expect(score('Gomez Marin Ltda', '10003', 'entity')).toBe(score('Gomez Marin Ltda', '10003'));
    expect(score('GOMEZ MARIN LTDA.', '10003', 'individual')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // Vessels belong to companies: a company named like a ship is not contradicted.
    expect(score('M Sophia', '51707', 'entity')).toBe(score('M Sophia', '51707'));
  });
});

describe('a listed surname must find its counterpart', () => {
  const listed = buildScreener([
    { list: 'ofac-sdn', sourceId: '40001', name: 'POLYAKOVA, Olga Vasilyevna', aliases: [], type: 'individual', countries: ['RU'], addresses: [], programs: [] },
    { list: 'ofac-sdn', sourceId: '40002', name: 'GARCIA LOPEZ, Maria Elena', aliases: [], type: 'individual', countries: ['MX'], addresses: [], programs: [] },
  ]);
  const best = (name: string, sourceId: string) => listed.screen({ name }, { threshold: 0 }).find((m) => m.sourceId === sourceId);

  it('given name and patronymic alone, the patronymic read as a surname, do not alert', () => {
    const hit = best('Olga Vasilieva', '40001');
    expect(hit?.score ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
    expect(hit?.explanation.notes.join(' ')).toContain('the family name "polyakova" has no counterpart');
    expect(best('Olga Polyakova', '40001')?.score ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(best('Olga Vasilyevna Polyakova', '40001')?.score ?? 0).toBeGreaterThan(0.95);
  });

  it('an untyped person name of three words (BIS, State) is read surname last', () => {
    const untyped = buildScreener([
      { list: 'state-dtc', sourceId: 'dtc-1', name: 'CHRISTOPHER MICHAEL GLANZ', aliases: [], type: 'unknown', countries: [], addresses: [], programs: [] },
      { list: 'bis-denied', sourceId: 'dpl-1', name: 'ACME MICHAEL GLANZ TRADING LLC', aliases: [], type: 'unknown', countries: [], addresses: [], programs: [] },
    ]);
    const hit = (name: string, id: string) => untyped.screen({ name }, { threshold: 0 }).find((m) => m.sourceId === id);
    expect(hit('Christopher Mitchell', 'dtc-1')?.explanation.notes.join(' ')).toContain('the family name "glanz" has no counterpart');
    expect(hit('Christopher Mitchell', 'dtc-1')?.score ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
    expect(hit('Christopher Glanz', 'dtc-1')?.score ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // A company's last word is no surname.
    expect(hit('Acme Michael Trading LLC', 'dpl-1')?.explanation.notes.join(' ') ?? '').not.toContain('family name');
  });

  it('either word of a double surname is a counterpart', () => {
    expect(best('Maria Elena Garcia', '40002')?.explanation.notes.join(' ') ?? '').not.toContain('family name');
    expect(best('Maria Elena Lopez', '40002')?.explanation.notes.join(' ') ?? '').not.toContain('family name');
    expect(best('Maria Elena Ruiz', '40002')?.explanation.notes.join(' ') ?? '').toContain('family name');
  });
});

describe('Arabic compounds written as two words in Arabic script, one in the lists', () => {
  const listed = buildScreener([
    { list: 'ofac-sdn', sourceId: '50001', name: 'ABDULRAHMAN, Hamid', aliases: [], type: 'individual', countries: ['SY'], addresses: [], programs: [] },
    { list: 'ofac-sdn', sourceId: '50002', name: 'RENEEZ', aliases: [], type: 'vessel', countries: [], addresses: [], programs: [] },
  ]);
  const score = (name: string, id: string): number => listed.screen({ name }, { threshold: 0 }).find((m) => m.sourceId === id)?.score ?? 0;

  it('عبد + name reads as one word by its consonants', () => {
    expect(score('حامد عبد الرحمن', '50001')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(listed.screen({ name: 'حامد عبد الرحمن' })[0]?.explanation.tokens.map((t) => t.kind)).toContain('joined');
  });

  it('two other Arabic words are not glued into a list word', () => {
    expect(score('رانيا عزيز', '50002')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
