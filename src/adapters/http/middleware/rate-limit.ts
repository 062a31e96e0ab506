import type { MiddlewareHandler } from 'hono';
import { TokenBuckets, type TokenBucketPolicy } from '../../../core/rate-limit/token-bucket.ts';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';

/** One token bucket per API key, in this process; runs after authentication. */
export function rateLimit(policy: TokenBucketPolicy, nowMs: () => number): MiddlewareHandler<AppEnv> {
  const buckets = new TokenBuckets(policy);
  return async (c, next) => {
    const outcome = buckets.take(c.get('principal').keyId, nowMs());
    if (!outcome.allowed) {
      const seconds = Number.isFinite(outcome.retryAfterMs) ? Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) : 60;
      c.header('Retry-After', String(seconds));
      throw problem('rate_limited', `too many requests for this API key; retry in ${seconds} s`, {
        accepted: `${policy.capacity} requests in a burst, ${policy.refillPerSecond} per second sustained`,
      });
    }
    await next();
    c.header('RateLimit-Remaining', String(outcome.remaining));
  };
}
