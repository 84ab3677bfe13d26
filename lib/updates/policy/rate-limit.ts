// Token buckets kept in this process: `burst` tokens, one more every `refillS` seconds. Used for the
// per-host change limit and for throttled User-Agents. A burst of 0 disables the limit. With
// several web processes each keeps its own buckets (the limit is per process; documented).
type Bucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limits: () => { burst: number; refillS: number }) {}

  private current(key: string, now: number): Bucket {
    const { burst, refillS } = this.limits();
    const b = this.buckets.get(key);
    if (!b) return { tokens: burst, at: now };
    return { tokens: Math.min(burst, b.tokens + (now - b.at) / (refillS * 1000)), at: now };
  }

  /** Whether `key` may spend one token now (does not spend it). */
  allows(key: string, now = Date.now()): boolean {
    return this.limits().burst === 0 || this.current(key, now).tokens >= 1;
  }

  /** Spends one token (after the action succeeded, so our own failures never cost the user). */
  take(key: string, now = Date.now()): void {
    if (this.limits().burst === 0) return;
    const b = this.current(key, now);
    b.tokens = Math.max(0, b.tokens - 1);
    this.buckets.set(key, b);
    if (this.buckets.size > 200_000) this.prune(now);
  }

  /** Whole seconds until `key` has a token again (at least 1). */
  retryAfter(key: string, now = Date.now()): number {
    const { refillS } = this.limits();
    const missing = 1 - this.current(key, now).tokens;
    return Math.max(1, Math.ceil(missing * refillS));
  }

  /** Forgets full buckets (they behave exactly like absent ones). */
  prune(now = Date.now()): void {
    const { burst } = this.limits();
    for (const [k] of this.buckets) if (this.current(k, now).tokens >= burst) this.buckets.delete(k);
  }

  clear(): void {
    this.buckets.clear();
  }
}
