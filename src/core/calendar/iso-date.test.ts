import { describe, expect, it } from 'vitest';
import { isoDate, parseIsoDate, within } from './iso-date.ts';

describe('parseIsoDate', () => {
  it('accepts real calendar dates', () => {
    const r = parseIsoDate('2024-02-29');
    expect(r.ok && r.value).toBe('2024-02-29');
  });
  it.each(['2023-02-29', '2024-13-01', '24-01-01', '2024/01/01', ''])('rejects %j with the field named', (s) => {
    const r = parseIsoDate(s, 'as_of');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('as_of');
      expect(r.error.accepted).toBe('YYYY-MM-DD');
    }
  });
  it('treats intervals as half-open', () => {
    expect(within(isoDate('2023-11-16'), isoDate('2022-10-07'), isoDate('2023-11-17'))).toBe(true);
    expect(within(isoDate('2023-11-17'), isoDate('2022-10-07'), isoDate('2023-11-17'))).toBe(false);
    expect(within(isoDate('2030-01-01'), isoDate('2022-10-07'), null)).toBe(true);
  });
});
