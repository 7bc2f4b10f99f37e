/** How fast requests may come from one address: `perSecond` on average, `burst` at once. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** Buckets above this many are swept of the ones that have refilled (their senders went quiet). */
const sweepAbove = 10_000;

/**
 * A token bucket per client address. A request takes one token; tokens come back at `perSecond`
 * up to `burst`. A phone loading the app takes a burst at once; a script hammering the listener
 * runs dry and is told to wait.
 */
export function tokenBuckets(rate: Rate, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refilled = (bucket: { tokens: number; at: number }, at: number) =>
    Math.min(rate.burst, bucket.tokens + ((at - bucket.at) / 1000) * rate.perSecond);

  return {
    /** Takes a token for `key`: 0 when the request may go ahead, else the seconds until a token is back. */
    take(key: string): number {
      const at = now();
      if (buckets.size > sweepAbove) {
        for (const [other, bucket] of buckets) if (refilled(bucket, at) >= rate.burst) buckets.delete(other);
      }
      const bucket = buckets.get(key) ?? { tokens: rate.burst, at };
      const tokens = refilled(bucket, at);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return Math.max(1, Math.ceil((1 - tokens) / rate.perSecond));
      }
      buckets.set(key, { tokens: tokens - 1, at });
      return 0;
    },
    get size() {
      return buckets.size;
    },
  };
}
