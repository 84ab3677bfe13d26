import { describe, expect, it } from "vitest";
import { parseCredentials } from "@/lib/updates/protocols/credentials";
import { parseDyndns2 } from "@/lib/updates/protocols/params";
import { globToRegExp } from "@/lib/updates/policy/agent-policy";
import { redactParams, redactPath } from "@/lib/updates/protocols/redact";
import { resultLine } from "@/lib/updates/protocols/codes";

const q = (s: string) => new URLSearchParams(s);

describe("parseDyndns2", () => {
  it("absent or empty myip means: the connection address, per family", () => {
    for (const s of ["hostname=a.b.c", "hostname=a.b.c&myip=", "hostname=a.b.c&myip=<ipaddr>", "hostname=a.b.c&myip=%i"]) {
      const p = parseDyndns2(q(s));
      expect([p.v4, p.v6, p.invalid], s).toEqual([{ kind: "auto" }, { kind: "auto" }, undefined]);
    }
  });
  it("myip with v4, v6, both (any order, trailing comma), and a v6 prefix", () => {
    expect(parseDyndns2(q("myip=192.0.2.1"))).toMatchObject({ v4: { kind: "set", ip: "192.0.2.1" }, v6: { kind: "keep" } });
    expect(parseDyndns2(q("myip=2001:db8::1,192.0.2.1"))).toMatchObject({ v4: { kind: "set", ip: "192.0.2.1" }, v6: { kind: "set", ip: "2001:db8::1" } });
    expect(parseDyndns2(q("myip=192.0.2.1,"))).toMatchObject({ v4: { kind: "set" }, v6: { kind: "keep" } });
    expect(parseDyndns2(q("myip=192.0.2.1,<ip6addr>"))).toMatchObject({ v4: { kind: "set" }, v6: { kind: "keep" } });
    expect(parseDyndns2(q("myipv6=2001:db8:1::/64")).v6).toEqual({ kind: "prefix", prefix: { words: [0x2001, 0xdb8, 1, 0, 0, 0, 0, 0], bits: 64 } });
  });
  it("myipv4/myipv6: empty deletes, preserve keeps, they override myip", () => {
    expect(parseDyndns2(q("myip=192.0.2.1&myipv4=&myipv6=preserve"))).toMatchObject({ v4: { kind: "delete" }, v6: { kind: "keep" } });
    expect(parseDyndns2(q("myipv4=192.0.2.9"))).toMatchObject({ v4: { kind: "set", ip: "192.0.2.9" }, v6: { kind: "auto" } });
  });
  it("reports the first invalid address", () => {
    expect(parseDyndns2(q("myip=1.2.3")).invalid).toEqual({ field: "myip", value: "1.2.3" });
    expect(parseDyndns2(q("myipv4=2001:db8::1")).invalid).toEqual({ field: "myipv4", value: "2001:db8::1" });
    expect(parseDyndns2(q("myipv6=192.0.2.1")).invalid?.field).toBe("myipv6");
    expect(parseDyndns2(q(`myip=${"9".repeat(10_000)}`)).invalid?.value).toHaveLength(100);
  });
  it("txt without an address parameter touches no address; flags", () => {
    expect(parseDyndns2(q("hostname=a&txt=x"))).toMatchObject({ txt: "x", v4: { kind: "keep" }, v6: { kind: "keep" } });
    expect(parseDyndns2(q("hostname=a&txt=x&myip=192.0.2.1")).v4).toEqual({ kind: "set", ip: "192.0.2.1" });
    const flags = parseDyndns2(q("offline=yes&wildcard=on&mx=NOCHG&backmx=YES"));
    expect([flags.offline, flags.wildcard, flags.mx, flags.backmx]).toEqual([true, "ON", undefined, true]);
    expect([parseDyndns2(q("mx=")).mx, parseDyndns2(q("mx=no")).mx, parseDyndns2(q("mx=mx.example.org")).mx]).toEqual([undefined, "", "mx.example.org"]);
    expect(parseDyndns2(q("hostname=a.b,,%20c.d%20&hostname=e.f")).hostnames).toEqual(["a.b", "c.d", "e.f"]);
  });
});

describe("parseCredentials", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  it("Basic (password may contain colons), bearer, and legacy query parameters", () => {
    expect(parseCredentials(`Basic ${b64("me@x.test:pa:ss")}`, q(""))).toEqual({ username: "me@x.test", password: "pa:ss", source: "basic" });
    expect(parseCredentials("Bearer dhk_abc", q(""))).toEqual({ username: "", password: "dhk_abc", source: "token" });
    expect(parseCredentials(undefined, q("username=u&password=p"))).toEqual({ username: "u", password: "p", source: "query" });
    expect(parseCredentials(undefined, q("hostname=a"))).toBeNull();
    expect(parseCredentials("Basic !!!", q(""))).toBeNull();
    expect(parseCredentials("Digest x", q(""))).toBeNull();
  });
});

describe("redaction and answers", () => {
  it("replaces secrets wherever they appear and bounds values", () => {
    const r = redactParams(q(`password=hunter2&token=t&hostname=a&note=xx-dhk_secretvalue-xx&long=${"y".repeat(300)}`), ["dhk_secretvalue"]);
    expect(r).toMatchObject({ password: "[redacted]", token: "[redacted]", hostname: "a", note: "xx-[redacted]-xx" });
    expect(r.long).toHaveLength(201);
    expect(redactPath("/update/duck/dhk_secretvalue/1.2.3.4", "dhk_secretvalue")).toBe("/update/duck/[redacted]/1.2.3.4");
  });
  it("writes result lines", () => {
    expect(resultLine("good", "192.0.2.1", "2001:db8::1")).toBe("good 192.0.2.1,2001:db8::1");
    expect(resultLine("nochg", undefined, "2001:db8::1")).toBe("nochg 2001:db8::1");
    expect(resultLine("good")).toBe("good");
    expect(resultLine("abuse", "192.0.2.1")).toBe("abuse");
  });
  it("agent globs are anchored and case-insensitive", () => {
    expect(globToRegExp("ddclient/3.9*").test("DDclient/3.9.1")).toBe(true);
    expect(globToRegExp("ddclient/3.9*").test("x ddclient/3.9.1")).toBe(false);
    expect(globToRegExp("*bot (+http://a.b)*").test("evilbot (+http://a.b) v1")).toBe(true);
  });
});
