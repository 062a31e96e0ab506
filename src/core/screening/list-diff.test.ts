import { describe, expect, it } from 'vitest';
import { diffLists } from './list-diff.ts';
import type { ListEntry } from './types.ts';

const e = (sourceId: string, name: string, extra: Partial<ListEntry> = {}): ListEntry => ({
  list: 'bis-entity', sourceId, name, aliases: [], type: 'entity', countries: [], addresses: [], programs: [], ...extra,
});

describe('diffLists', () => {
  it('finds added, removed, changed and unchanged entries by (list, sourceId)', () => {
    const before = [e('1', 'Alpha Co', { aliases: ['A1', 'A2'] }), e('2', 'Beta Co'), e('3', 'Gamma Co', { countries: ['CN'] })];
    const after = [e('1', 'Alpha Co', { aliases: ['A2', 'A1'] }), e('3', 'Gamma Co', { countries: ['CN', 'HK'] }), e('4', 'Delta Co')];
    const d = diffLists(before, after);
    expect(d.added.map((x) => x.sourceId)).toEqual(['4']);
    expect(d.removed.map((x) => x.sourceId)).toEqual(['2']);
    expect(d.unchanged).toBe(1);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]?.changes).toEqual([{ field: 'countries', before: ['CN'], after: ['CN', 'HK'] }]);
  });

  it('treats the same sourceId on two lists as two entries', () => {
    const d = diffLists([e('7', 'X')], [{ ...e('7', 'X'), list: 'bis-meu' }]);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toHaveLength(1);
  });

  it('pairs a row that came back under a new id by its list and name', () => {
    const d = diffLists([e('old-hash', 'Alpha Co', { licensePolicy: 'Case-by-case' })], [e('new-hash', 'ALPHA CO', { licensePolicy: 'Presumption of denial' })]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0]?.changes.map((c) => c.field)).toEqual(['sourceId', 'name', 'licensePolicy']);
  });

  it('reports nothing for identical lists, whatever the order', () => {
    const list = [e('1', 'A', { addresses: [{ text: 'x', country: 'CN' }, { text: 'y' }] }), e('2', 'B')];
    const d = diffLists(list, [...list].reverse());
    expect(d).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });
});
