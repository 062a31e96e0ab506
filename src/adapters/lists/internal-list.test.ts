import { describe, expect, it } from 'vitest';
import { ClearanceError } from '../../core/errors.ts';
import { parseInternalList } from './internal-list.ts';
import type { RawFile } from './raw-file.ts';

const text = (body: string): RawFile => ({ name: 'watch.csv', bytes: new TextEncoder().encode(body) });

describe('internal watch-list CSV', () => {
  it('reads the documented columns', () => {
    const parsed = parseInternalList(
      text('id,name,aliases,type,countries,address,reason,added\nW-1,Bright Future Trading FZE,BFT FZE; Bright Future,entity,AE;HK,"Jebel Ali, Dubai",Diversion red flags 2025,2025-03-01\nW-2,Ivan Example,,individual,,,,\n'),
    );
    expect([...parsed.entries]).toEqual([
      {
        list: 'internal', sourceId: 'W-1', name: 'Bright Future Trading FZE', aliases: ['BFT FZE', 'Bright Future'], type: 'entity',
        countries: ['AE', 'HK'], addresses: [{ text: 'Jebel Ali, Dubai' }], programs: [], remarks: 'Diversion red flags 2025', startDate: '2025-03-01',
      },
      { list: 'internal', sourceId: 'W-2', name: 'Ivan Example', aliases: [], type: 'individual', countries: [], addresses: [], programs: [] },
    ]);
  });

  it('reports every bad row with its line and accepts nothing', () => {
    let caught: unknown;
    try {
      parseInternalList(text('id,name,type,country,added\nA,,entity,CN,\nA,Dup Co,company,XX,2025-02-30\n'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClearanceError);
    expect(caught).toMatchObject({ code: 'invalid_input' });
    const issues = caught instanceof ClearanceError ? caught.issues.map((i) => `${i.field} ${i.message}`) : [];
    expect(issues).toEqual([
      'watch.csv:2 name is empty',
      'watch.csv:3 id "A" already used on line 2',
      'watch.csv:3 type "company" is not one of individual, entity, vessel, aircraft',
      'watch.csv:3 "XX" is not an ISO 3166-1 alpha-2 country code',
      'watch.csv:3 added: "2025-02-30" is not a real calendar date (accepted: YYYY-MM-DD)',
    ]);
  });

  it('names unknown and missing columns', () => {
    expect(() => parseInternalList(text('ident,name,colour\n1,X,red\n'))).toThrow(/unknown column\(s\) ident, colour/);
  });
});
