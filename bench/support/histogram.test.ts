import { describe, expect, it } from "vitest";
import { result } from "../types";
import { Histogram } from "./histogram";

describe("Histogram", () => {
  it("gives nearest-rank percentiles of unsorted samples", () => {
    const h = new Histogram();
    for (let i = 100; i >= 1; i--) h.record(i);
    expect(h.summary()).toEqual({ count: 100, min: 1, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
    h.record(1000);
    expect([h.percentile(50), h.percentile(99), h.percentile(100)]).toEqual([51, 100, 1000]);
  });

  it("refuses empty summaries, bad percentiles and non-finite samples", () => {
    const h = new Histogram();
    expect(() => h.summary()).toThrow("no samples");
    h.record(3);
    expect(() => h.percentile(0)).toThrow("percentile out of range: 0");
    expect(() => h.record(Number.NaN)).toThrow("not a finite sample: NaN");
    expect(h.percentile(1)).toBe(3);
  });
});

describe("result", () => {
  it("computes met from the goal, and null without one", () => {
    expect(result("a", 50, "ms", { op: "<=", value: 50 }).met).toBe(true);
    expect(result("a", 50.1, "ms", { op: "<=", value: 50 }).met).toBe(false);
    expect(result("b", 999, "req/s", { op: ">=", value: 1000 }).met).toBe(false);
    expect(result("c", 1, "x", null)).toEqual({ name: "c", value: 1, unit: "x", goal: null, met: null });
  });
});
