// Per-token rate limiting for the REST API: an in-memory token bucket per API token in each web
// process (API_RATE_LIMIT requests per minute, refilled continuously, bursts up to the same
// number). With several web processes each keeps its own buckets, so the effective limit is
// multiplied by their number: acceptable for abuse protection, documented in the API docs.

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetS: number;
  /** Seconds until one request is allowed (only meaningful when !allowed). */
  retryAfterS: number;
};

type Bucket = { tokens: number; at: number };

const MAX_BUCKETS = 100_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** `limit` requests per `windowMs`; limit 0 turns limiting off. */
  constructor(
    readonly limit: number,
    windowMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.perMs = limit / windowMs;
  }

  /** Takes one request from `key`'s bucket. */
  take(key: string): RateDecision {
    if (this.limit === 0) return { allowed: true, limit: 0, remaining: 0, resetS: 0, retryAfterS: 0 };
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_BUCKETS) this.sweep(now);
      b = { tokens: this.limit, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.limit, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.floor(b.tokens),
      resetS: Math.ceil((this.limit - b.tokens) / this.perMs / 1000),
      retryAfterS: allowed ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)),
    };
  }

  // Drops full buckets (idle long enough to refill); clears everything if that frees nothing.
  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.limit) this.buckets.delete(k);
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }
}
