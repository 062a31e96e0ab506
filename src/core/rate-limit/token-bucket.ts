/**
 * Token bucket, as pure functions over an explicit state and an explicit time (milliseconds).
 * The caller owns the clock and the map of buckets, so the core never reads the time.
 */

export interface TokenBucketPolicy {
  /** Most requests that can be made in a burst. */
  readonly capacity: number;
  /** Tokens regained per second. */
  readonly refillPerSecond: number;
}

export interface TokenBucketState {
  readonly tokens: number;
  readonly updatedAtMs: number;
}

export type TakeOutcome =
  | { readonly allowed: true; readonly state: TokenBucketState; readonly remaining: number }
  | { readonly allowed: false; readonly state: TokenBucketState; readonly retryAfterMs: number };

export function fullBucket(policy: TokenBucketPolicy, nowMs: number): TokenBucketState {
  return { tokens: policy.capacity, updatedAtMs: nowMs };
}

/** The state after refilling up to `nowMs`; a clock that goes backwards refills nothing. */
export function refill(policy: TokenBucketPolicy, state: TokenBucketState, nowMs: number): TokenBucketState {
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  const tokens = Math.min(policy.capacity, state.tokens + (elapsedMs * policy.refillPerSecond) / 1000);
  return { tokens, updatedAtMs: Math.max(nowMs, state.updatedAtMs) };
}

/** Takes `cost` tokens if there are enough; otherwise says how long until there will be. */
export function take(policy: TokenBucketPolicy, state: TokenBucketState, nowMs: number, cost = 1): TakeOutcome {
  const current = refill(policy, state, nowMs);
  if (current.tokens >= cost) {
    const next = { tokens: current.tokens - cost, updatedAtMs: current.updatedAtMs };
    return { allowed: true, state: next, remaining: Math.floor(next.tokens) };
  }
  const missing = cost - current.tokens;
  const retryAfterMs = policy.refillPerSecond > 0 ? Math.ceil((missing * 1000) / policy.refillPerSecond) : Number.POSITIVE_INFINITY;
  return { allowed: false, state: current, retryAfterMs };
}

/**
 * A bounded set of buckets keyed by caller (API key id). Keeping state in a Map is the adapter's
 * concern, but eviction is policy: buckets that have refilled completely carry no information.
 */
export class TokenBuckets {
  readonly #policy: TokenBucketPolicy;
  readonly #buckets = new Map<string, TokenBucketState>();
  readonly #maxKeys: number;

  constructor(policy: TokenBucketPolicy, maxKeys = 10_000) {
    this.#policy = policy;
    this.#maxKeys = maxKeys;
  }

  get policy(): TokenBucketPolicy {
    return this.#policy;
  }

  take(key: string, nowMs: number, cost = 1): TakeOutcome {
    const state = this.#buckets.get(key) ?? fullBucket(this.#policy, nowMs);
    const outcome = take(this.#policy, state, nowMs, cost);
    if (!this.#buckets.has(key) && this.#buckets.size >= this.#maxKeys) this.#evictFull(nowMs);
    this.#buckets.set(key, outcome.state);
    return outcome;
  }

  get size(): number {
    return this.#buckets.size;
  }

  #evictFull(nowMs: number): void {
    for (const [key, state] of this.#buckets) {
      if (refill(this.#policy, state, nowMs).tokens >= this.#policy.capacity) this.#buckets.delete(key);
    }
    // Still full of active callers: drop the oldest entry rather than grow without bound.
    if (this.#buckets.size >= this.#maxKeys) {
      const oldest = this.#buckets.keys().next();
      if (oldest.done !== true) this.#buckets.delete(oldest.value);
    }
  }
}
