import { describe, expect, it } from 'vitest';
import { decideRecord } from './index.ts';

describe('decideRecord', () => {
  it('parses, classifies and decides a raw record', () => {
    const r = decideRecord({ order_id: 'H-1', order_date: '2025-05-01', item: 'nvidia-h20', quantity: '4', ship_to_country: 'HK', end_user: 'Kowloon Ltd', end_user_country: 'HK' }, 1);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.outcome).toBe('license-required');
      expect(r.value.reasons.map((x) => x.code)).toContain('overlay-is-informed');
    }
  });

  it('returns field errors for a bad record', () => {
    const r = decideRecord({ order_id: 'H-2', order_date: '2025-05-01', item: 'nvidia-h20', quantity: '-4', ship_to_country: 'HK', end_user: 'Kowloon Ltd', end_user_country: 'HK' }, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]?.field).toBe('quantity');
  });
});
