/**
 * Person names on lists that carry no entry type (BIS, State), and initials standing for a
 * full word: the two places where partial person names used to pass as matches.
 */
import { describe, expect, it } from 'vitest';
import { buildScreener } from '../../src/core/screening/build-screener.ts';
import { nameForms } from '../../src/core/screening/normalise/index.ts';
import { looksLikePersonName } from '../../src/core/screening/person-like.ts';
import { DEFAULT_THRESHOLD } from '../../src/core/screening/threshold.ts';
import type { ListEntry, PartyType } from '../../src/core/screening/types.ts';

const entry = (sourceId: string, name: string, type: PartyType): ListEntry => ({
  list: 'bis-denied',
  sourceId,
  name,
  aliases: [],
  type,
  countries: [],
  addresses: [],
  programs: [],
});

describe('untyped list names that read as a person', () => {
  it.each([
    ['JOSE LUIS GARCIA', true],
    ['Herbert J. Hoffmann', true],
    ['Andrey Leonidovich Kuznetsov', true],
    ['Huawei Technologies Co., Ltd.', false],
    ['Jose Luis Garcia Trading LLC', false],
    ['Huawei', false],
    ['11420 CORP.', false],
  ])('%s → %s', (name, expected) => {
    expect(looksLikePersonName(nameForms(name))).toBe(expected);
  });

  it('an untyped person entry is scored exactly like the same entry typed as an individual', () => {
    const untyped = buildScreener([entry('DPL-1', 'JOSE LUIS GARCIA', 'unknown')]);
    const typed = buildScreener([entry('DPL-1', 'GARCIA, JOSE LUIS', 'individual')]);
    for (const name of ['Luis Garcia', 'Jose Garcia', 'Jose Luis Garcia', 'Carlos Luis Garcia']) {
      const a = untyped.screen({ name }, { threshold: 0 })[0]?.score ?? 0;
      const b = typed.screen({ name }, { threshold: 0 })[0]?.score ?? 0;
      expect(a).toBeCloseTo(b, 6);
    }
  });

  it('a missing given name costs more against a person than a missing descriptor against a company', () => {
    const screener = buildScreener([entry('DPL-1', 'JOSE LUIS GARCIA', 'unknown'), entry('DPL-2', 'GARCIA LUIS TRADING', 'unknown')]);
    const scores = new Map(screener.screen({ name: 'Luis Garcia' }, { threshold: 0 }).map((m) => [m.sourceId, m.score]));
    expect(scores.get('DPL-1') ?? 1).toBeLessThan(scores.get('DPL-2') ?? 0);
  });
});

describe('an initial standing for a full word', () => {
  const screener = buildScreener([entry('DTC-1', 'Herbert J. Hoffmann', 'unknown'), entry('SDN-1', 'M SOPHIA', 'unknown')]);

  it('"Jonas Hoffmann" is not "Herbert J. Hoffmann": each side keeps a given name the other lacks', () => {
    const match = screener.screen({ name: 'Jonas Hoffmann' }, { threshold: 0 }).find((m) => m.sourceId === 'DTC-1');
    expect(match?.score ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
    expect(match?.explanation.tokens).toContainEqual(expect.objectContaining({ query: 'jonas', entry: 'j', kind: 'abbreviation' }));
  });

  it('the score the index path computes is the one the explanation shows', () => {
    for (const name of ['Jonas Hoffmann', 'J. Hoffmann', 'Sofia Moreno', 'Herbert Hoffmann']) {
      for (const m of screener.screen({ name }, { threshold: 0 })) {
        expect(m.explanation.parts['name']).toBeCloseTo(m.explanation.parts['name.tokens'] ?? -1, 3);
      }
    }
  });

  it('the initial still supports a name that matches it ("H. Hoffmann" keeps a high score)', () => {
    const match = screener.screen({ name: 'Herbert J Hoffmann' }, { threshold: 0 }).find((m) => m.sourceId === 'DTC-1');
    expect(match?.score).toBe(1);
    const initial = screener.screen({ name: 'H. J. Hoffmann' }, { threshold: 0 }).find((m) => m.sourceId === 'DTC-1');
    expect(initial?.score ?? 0).toBeGreaterThan(0.6);
  });
});

describe('Korean names written in hanja', () => {
  const screener = buildScreener([
    { ...entry('SDN-K1', 'KIM, Jong Un', 'individual'), list: 'ofac-sdn', countries: ['KP'] },
    { ...entry('SDN-K2', 'RI, Yong Ho', 'individual'), list: 'ofac-sdn', countries: ['KP'] },
    { ...entry('SDN-K3', 'LEE, Myung-bak', 'individual'), list: 'ofac-sdn', countries: ['KR'] },
  ]);
  const top = (name: string, country?: string): string | undefined => screener.screen(country === undefined ? { name } : { name, country })[0]?.sourceId;

  it('are read in Korean when the party is Korean (金正恩 / Kim Jong Un)', () => {
    expect(top('金正恩', 'KP')).toBe('SDN-K1');
    expect(top('김정은')).toBe('SDN-K1');
  });

  it('get both the North Korean reading (李 → Ri) and the South Korean one (李 → Lee)', () => {
    expect(top('李英浩', 'KP')).toBe('SDN-K2');
    expect(top('李明博', 'KR')).toBe('SDN-K3');
  });

  it('are read in pinyin only for anyone else: a Chinese name read in Korean is noise', () => {
    expect(top('金正恩')).toBeUndefined();
    expect(nameForms('李英浩').map((f) => f.tokens.map((t) => t.text).join(' '))).not.toContain('ri yeong ho');
    expect(nameForms('李英浩', 'unknown', { countries: ['KP'] }).map((f) => f.tokens.map((t) => t.text).join(' '))).toContain('ri yeong ho');
  });
});

describe('a query word that is itself a listed word', () => {
  const carper = { ...entry('DTC-9', 'Charles Carper', 'unknown'), list: 'state-dtc' as const };
  const carter = { ...entry('DPL-9', 'Jimmy Carter Trading', 'unknown') };

  it('is less likely a misspelling of another listed word ("Carter" is a surname, not a typo of "Carper")', () => {
    const alone = buildScreener([carper]).screen({ name: 'Charles Carter' }, { threshold: 0 })[0]?.score ?? 0;
    const withCarterListed = buildScreener([carper, carter]).screen({ name: 'Charles Carter' }, { threshold: 0 }).find((m) => m.sourceId === 'DTC-9')?.score ?? 0;
    expect(withCarterListed).toBeLessThan(alone);
  });

  it('leaves misspellings that are no listed word, and sound-alike spellings, as they were', () => {
    const screener = buildScreener([carper, carter]);
    expect(screener.screen({ name: 'Charles Carpr' })[0]?.sourceId).toBe('DTC-9');
    const phonetic = buildScreener([{ ...entry('SDN-9', 'KHALED Mahmoud', 'individual') }, { ...entry('SDN-10', 'HALED Trading', 'unknown') }]);
    expect(phonetic.screen({ name: 'Haled Mahmoud' })[0]?.sourceId).toBe('SDN-9');
  });
});

describe('romanised Arabic words', () => {
  it('are no acronyms: "mr" for عمر (Omar) does not stand for "Mohammad Reza"', () => {
    const screener = buildScreener([{ ...entry('SDN-A1', 'ANSARI, Mohammad Reza', 'individual'), list: 'ofac-sdn' }]);
    expect(screener.screen({ name: 'عمر ناصر' })).toEqual([]);
    expect(nameForms('عمر ناصر').every((f) => f.tokens.every((t) => !t.acronymLike))).toBe(true);
  });
});
