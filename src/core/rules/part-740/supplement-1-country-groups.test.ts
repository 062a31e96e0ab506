import { describe, expect, it } from 'vitest';
import { isoDate } from '../../calendar/iso-date.ts';
import { destinationInScope } from '../part-742/section-742.6-a6-destination-scope.ts';
import { groupsOf, inGroup, membersOf } from './supplement-1-country-groups.ts';

describe('Supp. No. 1 to Part 740 as dated sets', () => {
  it('gives the eCFR 2026 group sizes on 2026-09-24', () => {
    const d = isoDate('2026-09-24');
    expect(membersOf('A:5', d)).toHaveLength(38);
    expect(membersOf('A:6', d)).toHaveLength(8);
    expect(membersOf('D:1', d)).toHaveLength(24);
    expect(membersOf('D:3', d)).toHaveLength(36);
    expect(membersOf('D:4', d)).toHaveLength(21);
    expect(membersOf('D:5', d)).toHaveLength(22);
    expect(membersOf('E:1', d)).toEqual(['IR', 'KP', 'SY']);
    expect(membersOf('E:2', d)).toEqual(['CU']);
  });

  it('derives 44 countries plus Macau for the 2023-11-17 destination scope (CSET count)', () => {
    const d = isoDate('2023-11-17');
    const all = new Set([...membersOf('D:1', d), ...membersOf('D:4', d), ...membersOf('D:5', d)]);
    const scope = [...all].filter((c) => destinationInScope('a', c, d).inScope);
    expect(scope).toContain('MO');
    // Nicaragua is modelled as a member throughout (date of addition unknown), so it is the 45th country.
    expect(scope.filter((c) => c !== 'MO' && c !== 'NI')).toHaveLength(44);
    expect(scope).not.toContain('IL');
    expect(scope).not.toContain('CY');
  });

  it('moves the UAE from D:3/D:4 to A:5 in July 2026 and flags the unknown effective date', () => {
    expect(groupsOf('AE', isoDate('2026-07-13'))).toEqual(['D:3', 'D:4']);
    expect(groupsOf('AE', isoDate('2026-07-14'))).toEqual(['A:5']);
    expect(inGroup('AE', 'A:5', isoDate('2026-07-12')).uncertain).toMatch(/effective date/);
    expect(inGroup('AE', 'A:5', isoDate('2026-09-01')).uncertain).toBeNull();
  });

  it('removes Cambodia from D:5 on 2026-02-03 but keeps it in D:1', () => {
    expect(inGroup('KH', 'D:5', isoDate('2026-02-02')).member).toBe(true);
    expect(inGroup('KH', 'D:5', isoDate('2026-02-03')).member).toBe(false);
    expect(inGroup('KH', 'D:1', isoDate('2026-03-01')).member).toBe(true);
  });

  it('reads Hong Kong as China', () => {
    expect(groupsOf('HK', isoDate('2025-01-01'))).toEqual(groupsOf('CN', isoDate('2025-01-01')));
  });
});
