import { describe, expect, it } from "vitest";
import { throttleVerdict } from "@/lib/auth/throttle";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const WINDOW = 15 * 60_000;

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([], 3, WINDOW, now)).toEqual({ blocked: false });
    expect(throttleVerdict([ago(1), ago(2)], 3, WINDOW, now)).toEqual({ blocked: false });
  });

  it("blocks at the limit until the limit-th newest failure leaves the window", () => {
    expect(throttleVerdict([ago(10), ago(20), ago(300)], 3, WINDOW, now)).toEqual({ blocked: true, retryAfterS: 600 });
    expect(throttleVerdict([ago(10), ago(20), ago(900)], 3, WINDOW, now)).toEqual({ blocked: false });
    expect(throttleVerdict([ago(1), ago(2), ago(3), ago(899.5)], 3, WINDOW, now)).toEqual({
      blocked: true,
      retryAfterS: 897,
    });
  });

  it("rounds the wait up to a whole second", () => {
    expect(throttleVerdict([ago(0.4)], 1, WINDOW, now)).toEqual({ blocked: true, retryAfterS: 900 });
    expect(throttleVerdict([ago(899.9)], 1, WINDOW, now)).toEqual({ blocked: true, retryAfterS: 1 });
  });
});
