import { describe, expect, it } from "vitest";
import { normalizeZoneName } from "./add-zone";

describe("normalizeZoneName", () => {
  it("lower-cases, drops the trailing dot and converts IDN to punycode", () => {
    expect(normalizeZoneName("Dyn.Example.")).toBe("dyn.example");
    expect(normalizeZoneName("bücher.test")).toBe("xn--bcher-kva.test");
  });
  it("rejects single labels and bad names with a readable message", () => {
    expect(() => normalizeZoneName("localhost")).toThrow('"localhost" is not a valid zone name (e.g. dyn.example): a zone needs at least two labels');
    expect(() => normalizeZoneName("bad..zone")).toThrow(/^"bad\.\.zone" is not a valid zone name/);
  });
});
