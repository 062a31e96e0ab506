import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../core/screening/types.ts';
import { entryFingerprint, entryFromJson, entryToJson } from './list-entry-json.ts';

const person: ListEntry = {
  list: 'ofac-sdn', sourceId: '11', name: 'DOE, John', aliases: ['DOE, Johnny'], type: 'individual', countries: ['IR'],
  addresses: [{ text: 'Tehran', country: 'IR' }], programs: ['SDGT'], birthYears: [1960, 1961], remarks: 'DOB 1960 to 1961.',
};

describe('list entries as stored JSON', () => {
  it('keeps years of birth through a round trip', () => {
    expect(entryFromJson(JSON.parse(JSON.stringify(entryToJson(person))))).toEqual(person);
  });

  it('leaves an entry without years of birth, and its fingerprint, as they were', () => {
    const { birthYears: _dropped, ...withoutYears } = person;
    expect(entryToJson(withoutYears)).not.toHaveProperty('birthYears');
    expect(entryFingerprint(withoutYears)).not.toBe(entryFingerprint(person));
  });

  it('refuses stored years that are not whole numbers', () => {
    expect(() => entryFromJson({ ...entryToJson(person), birthYears: ['1960'] })).toThrow(/birthYears/);
  });
});
