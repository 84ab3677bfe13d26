import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp, trustList } from "./client-ip";

const list = trustList(["127.0.0.1", "10.0.0.0/8", "::1"]);

describe("clientIp", () => {
  it("ignores forwarding headers from untrusted peers", () => {
    expect(clientIp("198.51.100.4", { xForwardedFor: "203.0.113.9" }, list)).toBe("198.51.100.4");
  });
  it("takes the right-most untrusted address from a trusted proxy", () => {
    expect(clientIp("127.0.0.1", { xForwardedFor: "1.2.3.4, 203.0.113.9, 10.1.1.1" }, list)).toBe("203.0.113.9");
  });
  it("uses X-Real-IP when no X-Forwarded-For is sent by a trusted proxy", () => {
    expect(clientIp("::1", { xRealIp: "2001:db8::7" }, list)).toBe("2001:db8::7");
  });
  it("keeps the proxy address when the header is garbage", () => {
    expect(clientIp("::ffff:127.0.0.1", { xForwardedFor: "not-an-ip" }, list)).toBe("127.0.0.1");
  });
  it("normalizes mapped and scoped addresses", () => {
    expect(normalizeIp("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("[fe80::1%eth0]")).toBe("fe80::1");
  });
  it("rejects bad trusted proxy entries", () => {
    expect(() => trustList(["10.0.0.0/8", "nope"])).toThrow("TRUSTED_PROXIES: not an address or CIDR: nope");
  });
});
