import { describe, expect, it } from 'vitest';
import { foldConfusables, isMixedScriptToken } from './confusables.ts';
import { nameForms } from './name-forms.ts';
import { reorderPersonName } from './person-order.ts';
import { initialSoundRule, sinoKoreanReadings } from './sino-korean.ts';
import { foldUnicode } from './unicode.ts';

const texts = (name: string, kind: 'person' | 'entity' | 'unknown' = 'unknown'): string[] =>
  nameForms(name, kind).map((f) => f.tokens.map((t) => t.text).join(' '));

describe('unicode folding', () => {
  it('removes diacritics, case and compatibility forms', () => {
    expect(foldUnicode('Nicolás MADURO')).toBe('nicolas maduro');
    expect(foldUnicode('Straße Øresund Łódź')).toBe('strasse oresund lodz');
    expect(foldUnicode('ＡＢＣ')).toBe('abc');
  });
});

describe('look-alike letters', () => {
  it('folds Cyrillic and Greek look-alikes to the Latin letters they imitate', () => {
    expect(foldConfusables('НUАWЕI').toLowerCase()).toBe('huawei');
    expect(isMixedScriptToken('HUAWЕI')).toBe(true);
    expect(isMixedScriptToken('Huawei')).toBe(false);
  });

  it('gives a mixed-script name the same tokens as its Latin spelling', () => {
    expect(texts('НUАWЕI ТЕСНNOLOGIES СО., LTD.')).toContain('huawei technology co ltd');
  });

  it('keeps both readings of a wholly Cyrillic word: by sound and by look', () => {
    const forms = texts('СОМТЕХ');
    expect(forms).toContain('comtex');
    expect(forms.some((f) => f.startsWith('somt'))).toBe(true);
  });
});

describe('legal forms and descriptors', () => {
  it('reads Co., Ltd. / Company Limited / 有限公司 the same way', () => {
    const a = texts('Shenzhen Hongda Co., Ltd.');
    expect(texts('Shenzhen Hongda Company Limited')).toEqual(a);
    expect(texts('Shenzhen Hongda 有限公司')).toEqual(a);
  });

  it('reads OOO / ООО / LLC and JSC / AO / Joint Stock Company as one form each', () => {
    expect(texts('OOO Vector')[0]).toBe('llc vector');
    expect(texts('ООО Vector')[0]).toBe('llc vector');
    expect(texts('Vector LLC')[0]).toBe('vector llc');
    expect(texts('AO Vector')[0]).toBe('jsc vector');
    expect(texts('Joint Stock Company Vector')[0]).toBe('jsc vector');
  });

  it('marks legal forms and generic words as weak and keeps identifying words strong', () => {
    const form = nameForms('Huawei Technologies Pte. Ltd.')[0];
    expect(form?.tokens.map((t) => `${t.text}:${t.role}`)).toEqual(['huawei:strong', 'technology:generic', 'pte:legal', 'ltd:legal']);
  });

  it('recognises a misspelt legal form', () => {
    expect(texts('Leon Technology Compny Limited')[0]).toBe('leon technology co ltd');
  });

  it('reads a misspelt word inside a legal-form phrase as the word it misspells', () => {
    expect(texts('Public Joint Stokc Company Megafon')[0]).toBe(texts('Public Joint Stock Company Megafon')[0]);
    expect(texts('JOINC STOCK COMPANY ANTARES')[0]).toBe('jsc antares');
    expect(texts('LITED LIABILITY COMPANY CARBON')[0]).toBe('llc carbon');
  });

  it('leaves a name word next to a standalone legal form alone ("Opel Company" is not "open company")', () => {
    expect(texts('Opel Company')[0]).toBe('opel co');
    expect(texts('Stack Limited')[0]).toBe('stack ltd');
  });

  it('merges dotted initials and keeps numbers as numbers', () => {
    expect(texts('A.B.C. Company')[0]).toBe('abc co');
    expect(nameForms('11420 CORP.')[0]?.tokens.map((t) => t.role)).toEqual(['number', 'legal']);
  });
});

describe('person name order', () => {
  it('turns "SURNAME, Given" into natural order for persons', () => {
    expect(reorderPersonName('PUTIN, Vladimir Vladimirovich', 'person')).toBe('Vladimir Vladimirovich PUTIN');
  });

  it('leaves a company with a comma before its legal form alone', () => {
    expect(reorderPersonName('ACME, INC.', 'unknown')).toBe('ACME, INC.');
    expect(reorderPersonName('ACME, Widgets', 'entity')).toBe('ACME, Widgets');
  });

  it('remembers which words were the surname', () => {
    const [form] = nameForms('AL-TIKRITI, Jamal Mustafa', 'person');
    expect(form?.tokens.map((t) => t.text)).toEqual(['jamal', 'mustafa', 'al', 'tikriti']);
    expect(form?.familyFrom).toBe(2);
    expect(nameForms('Jamal Mustafa al-Tikriti', 'person')[0]?.familyFrom).toBeUndefined();
    expect(nameForms('ACME, INC.', 'unknown')[0]?.familyFrom).toBeUndefined();
  });
});

describe('transliteration', () => {
  it('romanises Cyrillic and spaces Han syllables', () => {
    expect(texts('Владимир Путин')).toContain('vladimir putin');
    expect(texts('华为技术有限公司')[0]).toBe('hua wei technology co ltd');
  });
});

describe('Sino-Korean readings', () => {
  it.each([
    ['량', '양'],
    ['리', '이'],
    ['류', '유'],
    ['녀', '여'],
    ['라', '나'],
    ['로', '노'],
    ['김', '김'],
    ['박', '박'],
  ])('the initial-sound rule reads %s as %s at the start of a word', (syllable, expected) => {
    expect(initialSoundRule(syllable)).toBe(expected);
  });

  it('reads a hanja name both ways and leaves longer Han texts alone', () => {
    expect(sinoKoreanReadings('李英浩')).toEqual(['이영호', '리영호']);
    expect(sinoKoreanReadings('金正恩')).toEqual(['김정은']);
    expect(sinoKoreanReadings('华为技术有限公司')).toEqual([]);
    expect(sinoKoreanReadings('Kim')).toEqual([]);
  });
});
