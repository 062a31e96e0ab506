import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenBuckets, fullBucket, refill, take, type TokenBucketPolicy } from './token-bucket.ts';

const policy: TokenBucketPolicy = { capacity: 3, refillPerSecond: 1 };

describe('token bucket', () => {
  it('allows a burst up to capacity, then refuses with the wait until the next token', () => {
    let state = fullBucket(policy, 0);
    for (let i = 0; i < 3; i += 1) {
      const outcome = take(policy, state, 0);
      expect(outcome.allowed).toBe(true);
      state = outcome.state;
    }
    const refused = take(policy, state, 0);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBe(1000);
  });

  it('refills with time but never beyond capacity', () => {
    const empty = { tokens: 0, updatedAtMs: 0 };
    expect(refill(policy, empty, 1500).tokens).toBeCloseTo(1.5);
    expect(refill(policy, empty, 60_000).tokens).toBe(3);
  });

  it('does not refill when the clock goes backwards', () => {
    const state = { tokens: 1, updatedAtMs: 10_000 };
    const later = refill(policy, state, 5_000);
    expect(later.tokens).toBe(1);
    expect(later.updatedAtMs).toBe(10_000);
  });

  it('never lets more than capacity + elapsed × rate through (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        let now = 0;
        let state = fullBucket(policy, now);
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          const outcome = take(policy, state, now);
          if (outcome.allowed) allowed += 1;
          state = outcome.state;
        }
        return allowed <= policy.capacity + Math.floor((now * policy.refillPerSecond) / 1000);
      }),
    );
  });

  it('keeps one bucket per key and stays bounded', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001 }, 2);
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    expect(buckets.take('b', 0).allowed).toBe(true);
    expect(buckets.take('c', 0).allowed).toBe(true);
    expect(buckets.size).toBeLessThanOrEqual(2);
  });
});
