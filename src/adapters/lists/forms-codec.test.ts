import { describe, expect, it } from 'vitest';
import { nameForms, type NameForm, type NameKind } from '../../core/screening/normalise/index.ts';
import { CorruptForms, decodeForms, encodeForms, UnsupportedForms, type NamedForms } from './forms-codec.ts';

// Names that exercise every part of a form: legal forms written out (surface glue differs), look-alike
// Cyrillic (two readings), Han (syllables, exact-only tokens), Arabic (abjad), hanja read in Korean, initials.
const SAMPLES: ReadonlyArray<readonly [string, NameKind, readonly string[]]> = [
  ['Huawei Technologies Co., Ltd.', 'entity', ['CN']],
  ['НUАWЕI ТЕСНNOLOGIES СО., LTD.', 'unknown', []],
  ['華為技術有限公司', 'entity', ['CN']],
  ['Open Joint Stock Company "Techno logies Lim ited"', 'entity', ['RU']],
  ['محمد علي', 'person', ['IQ']],
  ['金正恩', 'person', ['KP']],
  ['KIM, Jong Un', 'person', ['KP']],
  ['A.B.C. Van der Bilt & Sons S.A. de C.V.', 'unknown', ['MX']],
  ['Общество с ограниченной ответственностью СОМТЕХ', 'entity', ['RU']],
  ['...', 'unknown', []],
];

const sample = (): NamedForms[] => SAMPLES.map(([text, kind, countries], entry) => ({ entry, text, forms: nameForms(text, kind, { countries }) }));
const roundTrip = (names: readonly NamedForms[]): NamedForms[] => decodeForms(JSON.parse(JSON.stringify(encodeForms(names))));

describe('forms codec', () => {
  it('gives back exactly the forms the normaliser computed', () => {
    const names = sample();
    const back = roundTrip(names);
    expect(back).toEqual(names);
    // Retrieval and alignment test `gluedSurface !== glued`, so the shared array must stay shared.
    back.forEach((name, i) =>
      name.forms.forEach((form, f) => expect(form.gluedSurface === form.glued).toBe(names[i]?.forms[f]?.gluedSurface === names[i]?.forms[f]?.glued)),
    );
    expect(names.some((n) => n.forms.some((f) => f.gluedSurface !== f.glued))).toBe(true);
    expect(names.some((n) => n.forms.length === 0)).toBe(true);
  });

  it('carries fields it does not know by name, and refuses ones JSON cannot give back', () => {
    const form = nameForms('Ivanov, Ivan', 'person')[0] as NameForm;
    const extended: NamedForms = { entry: 0, text: 'x', forms: [{ ...form, familyFrom: 1, tags: ['a', 2, null] } as NameForm] };
    expect(roundTrip([extended])).toEqual([extended]);
    for (const bad of [{ when: new Date(0) }, { n: Number.NaN }, { f: () => 1 }, { nested: [[1]] }]) {
      expect(() => encodeForms([{ entry: 0, text: 'x', forms: [{ ...form, ...bad } as NameForm] }])).toThrow(UnsupportedForms);
    }
  });

  it('rejects anything malformed instead of decoding it', () => {
    const encoded = encodeForms(sample());
    const names = [...encoded.names];
    const tokens = [...encoded.tokens];
    const bad: unknown[] = [
      null,
      [],
      { tokens, names: names.slice(0, -1) },
      { tokens: tokens.slice(0, -1), names },
      { tokens, names: names.map((v) => (v === 'latin' ? 'klingon' : v)) },
      { tokens: tokens.map((v) => (v === 'strong' ? 'mighty' : v)), names },
      { tokens, names: [0, 'x', 1, 'latin', 1, tokens.length, 0, 0, 0, 0, 0] },
      { tokens, names: [0, 'x', 1, 'latin', 1, 0, 0, 0, 0, 0, JSON.parse('{"__proto__": 1}')] },
      { tokens, names: [0, 'x', 1, 'latin', 1, 0, 0, 0, 0, 0, { tokens: 1 }] },
      { tokens, names: [-1, 'x', 0] },
      { tokens, names: [0.5, 'x', 0] },
      { tokens, names: [0, 7, 0] },
    ];
    for (const value of bad) expect(() => decodeForms(value), JSON.stringify(value)?.slice(0, 80)).toThrow(CorruptForms);
  });
});
