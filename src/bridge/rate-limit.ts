/**
 * In-memory token bucket per client key: `max` requests per `windowMs`, refilled continuously. State is per
 * process (per isolate on edge runtimes); it bounds abuse of one instance, it is not a global quota.
 */

export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, else the milliseconds until a token is available. */
  take(key: string): number;
}

const MAX_KEYS = 10_000;

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  if (!(options.windowMs > 0) || !(options.max >= 1))
    throw new TypeError('rateLimit needs windowMs > 0 and max >= 1');
  const perMs = options.max / options.windowMs;
  const buckets = new Map<string, Bucket>();

  function prune(t: number): void {
    for (const [k, b] of buckets) {
      if (b.tokens + (t - b.updated) * perMs >= options.max) buckets.delete(k);
    }
    // Still too many distinct clients: drop the oldest entries (Map keeps insertion order).
    for (const k of buckets.keys()) {
      if (buckets.size <= MAX_KEYS / 2) break;
      buckets.delete(k);
    }
  }

  return {
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= MAX_KEYS) prune(t);
        b = {tokens: options.max, updated: t};
        buckets.set(key, b);
      } else {
        b.tokens = Math.min(options.max, b.tokens + (t - b.updated) * perMs);
        b.updated = t;
      }
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / perMs);
    },
  };
}
