import { describe, expect, it } from 'vitest';
import type { ScreeningQuery } from '../../core/screening/types.ts';
import { queryOfParty, storedParty } from './screen-parties.ts';

describe('a stored party is re-screened with the question it was first screened with', () => {
  const roundTrip = (query: ScreeningQuery): ScreeningQuery => queryOfParty({ ...storedParty(query), id: 'p-1', createdAt: '2026-12-04T00:00:00.000Z' });

  it('keeps country, address, year of birth and party type', () => {
    const query: ScreeningQuery = { name: 'Dmitry Smirnov', country: 'RU', address: 'Moscow', birthYear: 1968, type: 'individual' };
    expect(roundTrip(query)).toEqual(query);
  });

  it('adds nothing that was not given', () => {
    expect(roundTrip({ name: 'Zephyr Quantum Devices Ltd' })).toEqual({ name: 'Zephyr Quantum Devices Ltd' });
  });
});
