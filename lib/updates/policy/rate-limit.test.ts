import { describe, expect, it } from "vitest";
import { TokenBuckets } from "@/lib/updates/policy/rate-limit";

describe("TokenBuckets", () => {
  it("allows a burst, then one per refill period", () => {
    const b = new TokenBuckets(() => ({ burst: 3, refillS: 60 }));
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(b.allows("h", t)).toBe(true);
      b.take("h", t);
    }
    expect(b.allows("h", t)).toBe(false);
    expect(b.retryAfter("h", t)).toBe(60);
    expect(b.retryAfter("h", t + 45_000)).toBe(15);
    expect(b.allows("h", t + 59_000)).toBe(false);
    expect(b.allows("h", t + 60_000)).toBe(true);
    expect(b.allows("other", t)).toBe(true);
  });
  it("is disabled by a burst of 0", () => {
    const b = new TokenBuckets(() => ({ burst: 0, refillS: 60 }));
    for (let i = 0; i < 10; i++) b.take("h");
    expect(b.allows("h")).toBe(true);
  });
  it("prunes only full buckets", () => {
    const b = new TokenBuckets(() => ({ burst: 2, refillS: 10 }));
    b.take("a", 0);
    b.take("b", 0);
    b.take("b", 0);
    b.prune(10_000);
    expect(b.allows("b", 10_000)).toBe(true);
    expect(b.retryAfter("b", 10_000)).toBe(1);
  });
});
