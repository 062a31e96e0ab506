import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date.ts';
import { ClassificationCache } from './classification-context.ts';
import { DeterminationMemo } from './determination-memo.ts';
import { determine } from './determine.ts';
import type { OrderLine } from './types.ts';

const base: OrderLine = {
  orderId: 'M-1',
  lineNumber: 2,
  orderDate: isoDate('2025-06-01'),
  item: 'nvidia-h100-sxm5-80gb',
  quantity: 8,
  unitPriceUsd: 1,
  shipFromCountry: 'US',
  shipToCountry: 'IN',
  endUser: 'Mumbai Cloud',
  endUserCountry: 'IN',
  endUserHqCountry: 'IN',
  endUse: null,
  consignee: null,
  extra: {},
};

describe('DeterminationMemo', () => {
  it('gives exactly what determine gives, with the line id swapped in', () => {
    const cache = new ClassificationCache();
    const memo = new DeterminationMemo();
    const ctx = cache.get(base.item, base.orderDate);
    const variants: OrderLine[] = [base, { ...base, orderId: 'M-2', lineNumber: 3 }, { ...base, orderId: 'M-3', shipToCountry: 'CN', endUserCountry: 'CN', endUserHqCountry: 'CN' }];
    for (const l of variants) {
      expect(memo.decide(l, { classification: ctx.classification, item: ctx.item })).toEqual(determine(l, { classification: ctx.classification, item: ctx.item }));
    }
    expect(memo.hits).toBe(1);
  });

  it('keys on quantity under the codified regime (the LPP allowance depends on it)', () => {
    const cache = new ClassificationCache();
    const memo = new DeterminationMemo();
    const ctx = cache.get(base.item, base.orderDate);
    const small = memo.decide(base, { classification: ctx.classification, item: ctx.item, regime: 'codified' });
    const large = memo.decide({ ...base, quantity: 2000 }, { classification: ctx.classification, item: ctx.item, regime: 'codified' });
    expect(small.outcome).toBe('license-exception');
    expect(large.outcome).toBe('license-required');
  });
});
