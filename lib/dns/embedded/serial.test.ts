import { describe, expect, it } from "vitest";
import { nextSerial, serialGreater } from "./serial";

describe("SOA serials", () => {
  const day = new Date("2026-03-04T12:00:00Z");

  it("starts at today's yyyymmdd00 and counts up within the day", () => {
    expect(nextSerial(0, day)).toBe(2026030400);
    expect(nextSerial(2026030400, day)).toBe(2026030401);
    expect(nextSerial(2026030399, day)).toBe(2026030400);
  });

  it("jumps to the date when it is ahead, and keeps counting past it when not", () => {
    expect(nextSerial(2026010117, day)).toBe(2026030400);
    expect(nextSerial(2026030517, day)).toBe(2026030518);
  });

  it("compares in RFC 1982 arithmetic, so a serial near 2^32 moves forward by wrapping to the date", () => {
    expect(nextSerial(4294967295, day)).toBe(2026030400);
    expect(serialGreater(2026030400, 4294967295)).toBe(true);
    expect(serialGreater(1, 4294967295)).toBe(true);
    expect(serialGreater(4294967295, 1)).toBe(false);
    expect(serialGreater(2026030401, 2026030400)).toBe(true);
    expect(serialGreater(5, 5)).toBe(false);
  });
});
