import net from "node:net";
import { describe, expect, it } from "vitest";
import { canonicalCidr, cidrAllows, cidrList } from "./cidrs";
import { TtlCache } from "./ttl-cache";

describe("allowed CIDRs", () => {
  it("canonicalises entries and rejects bad ones", () => {
    expect(canonicalCidr(" 192.0.2.0/24 ")).toBe("192.0.2.0/24");
    expect(canonicalCidr("2001:DB8::/32")).toBe("2001:db8::/32");
    expect(canonicalCidr("198.51.100.7")).toBe("198.51.100.7/32");
    for (const bad of ["192.0.2.0/33", "2001:db8::/129", "nonsense", "1.2.3.4/", "1.2.3.4/8/9", "fe80::1%eth0/64"]) {
      expect(() => canonicalCidr(bad), bad).toThrow(/not an address or network/);
    }
  });
  it("checks sources against the list; an empty list allows any source", () => {
    const list = cidrList(["192.0.2.0/24", "2001:db8::/32"]);
    expect(list).toBeInstanceOf(net.BlockList);
    expect([cidrAllows(list, "192.0.2.77"), cidrAllows(list, "192.0.3.1"), cidrAllows(list, "2001:db8::1"), cidrAllows(list, "2001:db9::1")]).toEqual([true, false, true, false]);
    expect(cidrAllows(cidrList([]), "203.0.113.1")).toBe(true);
    expect(cidrAllows(list, "garbage")).toBe(false);
  });
});

describe("TtlCache", () => {
  it("expires entries and clears itself when full", async () => {
    const c = new TtlCache<number>(() => 30, 2);
    c.set("a", 1);
    expect(c.get("a")).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(c.get("a")).toBeUndefined();
    c.set("a", 1);
    c.set("b", 2);
    c.set("c", 3);
    expect([c.get("a"), c.get("b"), c.get("c")]).toEqual([undefined, undefined, 3]);
    c.set("z", 0, 0);
    expect(c.get("z")).toBeUndefined();
  });
});
