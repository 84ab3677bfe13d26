import { describe, expect, it } from "vitest";
import { applyPrefix, parseAddress, parsePrefix6 } from "@/lib/updates/ip";

describe("parseAddress", () => {
  it("canonicalises IPv4 and IPv6", () => {
    expect(parseAddress(" 203.0.113.7 ")).toEqual({ family: 4, ip: "203.0.113.7" });
    expect(parseAddress("2001:DB8:0:0::1")).toEqual({ family: 6, ip: "2001:db8::1" });
  });
  it("turns IPv4-mapped IPv6 into IPv4", () => {
    expect(parseAddress("::ffff:198.51.100.4")).toEqual({ family: 4, ip: "198.51.100.4" });
    expect(parseAddress("::ffff:c633:6404")).toEqual({ family: 4, ip: "198.51.100.4" });
  });
  it("rejects malformed, scoped and unusable addresses", () => {
    for (const bad of ["1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255",
      "::", "ff02::1", "fe80::1%eth0", "::ffff:0.0.0.0", "", "x".repeat(10_000), "1.2.3.4/24", "<ipaddr>"]) {
      expect(parseAddress(bad), bad).toBeNull();
    }
  });
});

describe("IPv6 prefix updates", () => {
  it("keeps the interface part of the current address", () => {
    const p = parsePrefix6("2001:db8:1::/64")!;
    expect(applyPrefix(p, "2001:db8:ffff:0:a:b:c:d")).toBe("2001:db8:1:0:a:b:c:d");
  });
  it("handles lengths that are not multiples of 16", () => {
    expect(applyPrefix(parsePrefix6("2001:db8:abcd:ef00::/56")!, "2001:db8::1:2:3:4")).toBe("2001:db8:abcd:ef00:1:2:3:4");
    expect(applyPrefix(parsePrefix6("2001:db8:abcd:12ff::/60")!, "2001:db8::1:2:3:4")).toBe("2001:db8:abcd:12f0:1:2:3:4");
  });
  it("uses the prefix itself when there is no current address", () => {
    expect(applyPrefix(parsePrefix6("2001:db8:1::/64")!, undefined)).toBe("2001:db8:1::");
  });
  it("rejects non-prefixes", () => {
    expect(parsePrefix6("2001:db8::/129")).toBeNull();
    expect(parsePrefix6("1.2.3.0/24")).toBeNull();
    expect(parsePrefix6("2001:db8::")).toBeNull();
  });
});
