import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date.ts';
import { parseOrderLine } from './parse-order-line.ts';

const good = {
  order_id: 'SO-1',
  order_date: '2025-06-01',
  item: 'NVIDIA-H20',
  quantity: '8',
  unit_price_usd: '$12,000',
  ship_to_country: 'cn',
  end_user: 'Acme',
  end_user_country: 'CN',
  sales_rep: 'Lee',
};

describe('parseOrderLine', () => {
  it('parses a good line, defaults ship_from to US and keeps unknown columns', () => {
    const r = parseOrderLine(good, 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ item: 'nvidia-h20', quantity: 8, unitPriceUsd: 12000, shipFromCountry: 'US', shipToCountry: 'CN', endUse: null, extra: { sales_rep: 'Lee' } });
  });

  it.each([
    ['quantity', { quantity: '-3' }, /negative/],
    ['quantity', { quantity: '0' }, /zero/],
    ['quantity', { quantity: 'ten' }, /not a number/],
    ['order_date', { order_date: '2021-12-31' }, /before 2022/],
    ['order_date', { order_date: '2025-02-30' }, /not a real calendar date/],
    ['ship_to_country', { ship_to_country: 'UK' }, /did you mean GB/],
    ['end_user_country', { end_user_country: 'ZZ' }, /not an ISO 3166-1/],
    ['end_use', { end_use: 'gaming' }, /not a known end use/],
    ['unit_price_usd', { unit_price_usd: '-5' }, /negative/],
    ['end_user', { end_user: ' ' }, /required/],
  ])('reports %s with a specific message', (field, patch, message) => {
    const r = parseOrderLine({ ...good, ...patch }, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.lineNumber).toBe(7);
    const issue = r.error.issues.find((i) => i.field === field);
    expect(issue?.message).toMatch(message);
  });

  it('rejects dates beyond the latest date the adapter allows', () => {
    const r = parseOrderLine({ ...good, order_date: '2031-01-01' }, 3, { latestDate: isoDate('2027-11-27') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]?.message).toMatch(/too far in the future/);
  });

  it('collects every issue on a line, not just the first', () => {
    const r = parseOrderLine({ ...good, quantity: '-1', ship_to_country: 'XX' }, 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.field).sort()).toEqual(['quantity', 'ship_to_country']);
  });
});
