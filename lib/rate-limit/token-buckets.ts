// THE token bucket of the project, kept in this process: `burst` tokens per key, one more every
// `refillMs`. Used for the per-host change limit and throttled User-Agents on the update path
// (check first, spend after success, so our own failures never cost the user) and for the REST
// API's per-token limit (tryTake). A burst of 0 turns the limit off. With several web processes
// each keeps its own buckets (the limit is per process; documented).

export type BucketLimits = { burst: number; refillMs: number };

/** `limit` requests per `windowMs`, refilled continuously, bursts up to `limit`. */
export const perWindow = (limit: number, windowMs = 60_000): BucketLimits => ({ burst: limit, refillMs: limit > 0 ? windowMs / limit : 0 });

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

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: () => BucketLimits,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 200_000,
  ) {}

  private current(key: string, now: number): Bucket {
    const { burst, refillMs } = this.limits();
    const b = this.buckets.get(key);
    if (!b) return { tokens: burst, at: now };
    return { tokens: Math.min(burst, b.tokens + (now - b.at) / refillMs), at: now };
  }

  private store(key: string, b: Bucket, now: number): void {
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.prune(now);
    this.buckets.set(key, b);
  }

  /** Whether `key` may spend one token now (does not spend it). */
  allows(key: string, now = this.clock()): boolean {
    return this.limits().burst === 0 || this.current(key, now).tokens >= 1;
  }

  /** Spends one token (after the action succeeded). */
  take(key: string, now = this.clock()): void {
    if (this.limits().burst === 0) return;
    const b = this.current(key, now);
    b.tokens = Math.max(0, b.tokens - 1);
    this.store(key, b, now);
  }

  /** Whole seconds until `key` has a token again (at least 1). */
  retryAfter(key: string, now = this.clock()): number {
    const missing = 1 - this.current(key, now).tokens;
    return Math.max(1, Math.ceil((missing * this.limits().refillMs) / 1000));
  }

  /** Checks and spends in one step, with the numbers for RateLimit-* headers. */
  tryTake(key: string, now = this.clock()): RateDecision {
    const { burst, refillMs } = this.limits();
    if (burst === 0) return { allowed: true, limit: 0, remaining: 0, resetS: 0, retryAfterS: 0 };
    const b = this.current(key, now);
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.store(key, b, now);
    return {
      allowed,
      limit: burst,
      remaining: Math.floor(b.tokens),
      resetS: Math.ceil(((burst - b.tokens) * refillMs) / 1000),
      retryAfterS: allowed ? 0 : Math.max(1, Math.ceil(((1 - b.tokens) * refillMs) / 1000)),
    };
  }

  /** Forgets full buckets (they behave exactly like absent ones); everything if that frees nothing. */
  prune(now = this.clock()): void {
    const { burst } = this.limits();
    for (const [k] of this.buckets) if (this.current(k, now).tokens >= burst) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }

  clear(): void {
    this.buckets.clear();
  }
}
