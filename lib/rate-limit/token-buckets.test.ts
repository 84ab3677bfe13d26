import { describe, expect, it } from "vitest";
import { perWindow, TokenBuckets } from "./token-buckets";

describe("TokenBuckets (check, then spend)", () => {
  const perMinute = (burst: number) => () => ({ burst, refillMs: 60_000 });
  it("allows a burst, then one per refill period", () => {
    const b = new TokenBuckets(perMinute(3));
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
    const b = new TokenBuckets(perMinute(0));
    for (let i = 0; i < 10; i++) b.take("h");
    expect(b.allows("h")).toBe(true);
  });
  it("prunes only full buckets", () => {
    const b = new TokenBuckets(() => ({ burst: 2, refillMs: 10_000 }));
    b.take("a", 0);
    b.take("b", 0);
    b.take("b", 0);
    b.prune(10_000);
    expect(b.allows("b", 10_000)).toBe(true);
    expect(b.retryAfter("b", 10_000)).toBe(1);
  });
});

describe("TokenBuckets.tryTake (a rate per window)", () => {
  it("allows a burst of `limit`, then refuses with Retry-After until a token refills", () => {
    let now = 1_000_000;
    const l = new TokenBuckets(() => perWindow(3, 60_000), () => now);
    expect(l.tryTake("a")).toEqual({ allowed: true, limit: 3, remaining: 2, resetS: 20, retryAfterS: 0 });
    expect(l.tryTake("a").remaining).toBe(1);
    expect(l.tryTake("a")).toEqual({ allowed: true, limit: 3, remaining: 0, resetS: 60, retryAfterS: 0 });
    expect(l.tryTake("a")).toEqual({ allowed: false, limit: 3, remaining: 0, resetS: 60, retryAfterS: 20 });
    expect(l.tryTake("b").allowed).toBe(true);
    now += 19_000;
    expect(l.tryTake("a").allowed).toBe(false);
    now += 1_000;
    expect(l.tryTake("a")).toEqual({ allowed: true, limit: 3, remaining: 0, resetS: 60, retryAfterS: 0 });
    now += 600_000;
    expect(l.tryTake("a").remaining).toBe(2);
  });

  it("limit 0 never refuses", () => {
    const l = new TokenBuckets(() => perWindow(0));
    for (let i = 0; i < 1000; i++) expect(l.tryTake("x").allowed).toBe(true);
  });

  it("keeps at most maxKeys buckets", () => {
    const l = new TokenBuckets(() => perWindow(5), () => 0, 10);
    for (let i = 0; i < 25; i++) l.tryTake(`k${i}`);
    expect(l.tryTake("k24").remaining).toBeLessThan(4);
  });
});
