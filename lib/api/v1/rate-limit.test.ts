import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "./rate-limit";

describe("TokenBucketLimiter", () => {
  it("allows a burst of `limit`, then refuses with Retry-After until a token refills", () => {
    let now = 1_000_000;
    const l = new TokenBucketLimiter(3, 60_000, () => now);
    expect(l.take("a")).toEqual({ allowed: true, limit: 3, remaining: 2, resetS: 20, retryAfterS: 0 });
    expect(l.take("a").remaining).toBe(1);
    expect(l.take("a")).toEqual({ allowed: true, limit: 3, remaining: 0, resetS: 60, retryAfterS: 0 });
    expect(l.take("a")).toEqual({ allowed: false, limit: 3, remaining: 0, resetS: 60, retryAfterS: 20 });
    expect(l.take("b").allowed).toBe(true);
    now += 19_000;
    expect(l.take("a").allowed).toBe(false);
    now += 1_000;
    expect(l.take("a")).toEqual({ allowed: true, limit: 3, remaining: 0, resetS: 60, retryAfterS: 0 });
    now += 600_000;
    expect(l.take("a").remaining).toBe(2);
  });

  it("limit 0 never refuses", () => {
    const l = new TokenBucketLimiter(0);
    for (let i = 0; i < 1000; i++) expect(l.take("x").allowed).toBe(true);
  });
});
