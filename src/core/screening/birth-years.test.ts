import { describe, expect, it } from 'vitest';
import { birthYearOf, birthYearsIn, birthYearsInRemarks } from './birth-years.ts';

describe('years of birth', () => {
  it('reads every DOB clause of OFAC remarks, ranges expanded', () => {
    expect(birthYearsInRemarks('DOB 10 Dec 1948; POB Baghdad, Iraq; DOB circa 1950; DOB 1960 to 1962; nationality Iraq; Passport 1234567 (Iraq).')).toEqual([1948, 1950, 1960, 1961, 1962]);
    expect(birthYearsInRemarks('Linked To: ACME LTD; Passport 1999123.')).toEqual([]);
  });

  it('reads the CSL dates_of_birth column and refuses ranges too wide to identify anyone', () => {
    expect(birthYearsIn('1948-12-10; 1949')).toEqual([1948, 1949]);
    expect(birthYearsIn('1940 to 1990')).toEqual([]);
    expect(birthYearsIn('1960-1962')).toEqual([1960, 1961, 1962]);
  });

  it('takes a year or an ISO date from a query and nothing else', () => {
    expect(birthYearOf('1971')).toBe(1971);
    expect(birthYearOf(' 1971-03-02 ')).toBe(1971);
    expect(birthYearOf('71')).toBeUndefined();
    expect(birthYearOf('03/02/1971')).toBeUndefined();
    expect(birthYearOf('2999')).toBeUndefined();
  });
});
