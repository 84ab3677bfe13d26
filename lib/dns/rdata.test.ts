import * as packet from "dns-packet";
import { describe, expect, it } from "vitest";
import { canonicalRecord, canonicalRRset, parseSoa, RdataError } from "./rdata";
import { fromWire, toWire } from "./rdata-wire";
import type { RRType } from "./types";

const ok: [RRType, string, string][] = [
  ["A", " 192.0.2.1 ", "192.0.2.1"],
  ["A", "0.0.0.0", "0.0.0.0"],
  ["AAAA", "2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
  ["AAAA", "2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"],
  ["AAAA", "2001:0db8:0000:0000:1:0000:0000:0001", "2001:db8::1:0:0:1"],
  ["AAAA", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
  ["AAAA", "0:0:0:0:0:0:0:0", "::"],
  ["AAAA", "::1", "::1"],
  ["AAAA", "fe80::", "fe80::"],
  ["AAAA", "::FFFF:192.0.2.1", "::ffff:192.0.2.1"],
  ["AAAA", "::ffff:c000:0201", "::ffff:192.0.2.1"],
  ["CNAME", "Target.Example.COM", "target.example.com."],
  ["CNAME", "_acme.example.com.", "_acme.example.com."],
  ["CNAME", "bücher.example", "xn--bcher-kva.example."],
  ["NS", "NS1.example.net.", "ns1.example.net."],
  ["MX", "10   MX.example.com", "10 mx.example.com."],
  ["MX", "0 .", "0 ."],
  ["SRV", "10 5 5060 SIP.example.com", "10 5 5060 sip.example.com."],
  ["CAA", '0 issue "letsencrypt.org"', '0 issue "letsencrypt.org"'],
  ["CAA", "128 ISSUEWILD ;", '128 issuewild ";"'],
  ["CAA", '0 iodef "mailto:a@b.example"', '0 iodef "mailto:a@b.example"'],
  ["CAA", '0 issue "a\\"b"', '0 issue "a\\"b"'],
  ["TXT", "v=spf1 -all", '"v=spf1 -all"'],
  ["TXT", '"v=spf1 -all"', '"v=spf1 -all"'],
  ["TXT", '"a"  "b"', '"a" "b"'],
  ["TXT", 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
  ["TXT", '"say \\"hi\\" \\\\o/"', '"say \\"hi\\" \\\\o/"'],
  ["TXT", '"\\104i"', '"hi"'],
  ["TXT", "é", '"\\195\\169"'],
  ["TXT", '"\\195\\169"', '"\\195\\169"'],
  ["TXT", '"tab\there"', '"tab\\009here"'],
  ["TXT", '""', '""'],
  ["SOA", "NS1.dyn.test hostmaster.dyn.test. 1 10800 3600 604800 3600", "ns1.dyn.test. hostmaster.dyn.test. 1 10800 3600 604800 3600"],
];

const bad: [RRType, string, RegExp][] = [
  ["A", "010.0.0.1", /IPv4 address/],
  ["A", "1.2.3", /IPv4 address/],
  ["A", "256.1.1.1", /IPv4 address/],
  ["A", "2001:db8::1", /IPv4 address/],
  ["AAAA", "2001:db8::1::2", /IPv6 address/],
  ["AAAA", "fe80::1%eth0", /IPv6 address/],
  ["AAAA", "192.0.2.1", /IPv6 address/],
  ["CNAME", "bad name.example", /domain name/],
  ["CNAME", "-bad.example", /domain name/],
  ["CNAME", "a..b", /domain name/],
  ["CNAME", `${"a".repeat(64)}.example`, /domain name/],
  ["CNAME", `${"a.".repeat(127)}ab`, /domain name/],
  ["CNAME", ".", /domain name/],
  ["MX", "mx.example.com", /preference target/],
  ["MX", "70000 mx.example.com", /0 to 65535/],
  ["MX", "10 mx example", /preference target/],
  ["SRV", "10 5 sip.example.com", /priority weight port target/],
  ["SRV", "10 5 65536 sip.example.com", /0 to 65535/],
  ["CAA", "issue letsencrypt.org", /flags tag value/],
  ["CAA", '256 issue "x"', /0 to 255/],
  ["CAA", '0 issue "x" extra', /after the quoted value/],
  ["CAA", '0 issue "é"', /printable ASCII/],
  ["TXT", '"unterminated', /not closed/],
  ["TXT", '"a" b', /outside double quotes/],
  ["TXT", '"a""b"', /separated by a space/],
  ["TXT", `"${"x".repeat(256)}"`, /at most 255 bytes/],
  ["TXT", '"\\300"', /above 255/],
  ["TXT", "", /empty/],
  ["SOA", "ns1.x. hm.x. 1 2 3", /mname rname/],
];

describe("canonicalRecord", () => {
  it.each(ok)("%s %j → %j", (type, input, expected) => {
    expect(canonicalRecord(type, input)).toBe(expected);
    expect(canonicalRecord(type, expected)).toBe(expected);
  });

  it.each(bad)("%s %j is rejected", (type, input, reason) => {
    let error: unknown;
    try {
      canonicalRecord(type, input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RdataError);
    expect((error as RdataError).message).toMatch(reason);
    expect((error as RdataError).type).toBe(type);
    expect((error as RdataError).message).toMatch(new RegExp(`^Invalid ${type} value`));
  });

  it("splits a long unquoted TXT value into 255-byte strings", () => {
    const long = "x".repeat(600);
    expect(canonicalRecord("TXT", long)).toBe(`"${"x".repeat(255)}" "${"x".repeat(255)}" "${"x".repeat(90)}"`);
  });

  it("splits unquoted TXT by bytes, escaping a multi-byte character cut by the boundary", () => {
    const value = "x".repeat(254) + "é";
    expect(canonicalRecord("TXT", value)).toBe(`"${"x".repeat(254)}\\195" "\\169"`);
  });

  it("rejects TXT longer than 65535 bytes of RDATA", () => {
    expect(() => canonicalRecord("TXT", "x".repeat(65_300))).toThrow(/65535/);
  });
});

describe("canonicalRRset", () => {
  it("canonicalises, sorts and dedupes records and normalises the name", () => {
    expect(
      canonicalRRset({ name: "Alice.Dyn.Test.", type: "AAAA", ttl: 60, records: ["2001:db8::2", "2001:DB8:0::1", "2001:db8::1"] }),
    ).toEqual({ name: "alice.dyn.test", type: "AAAA", ttl: 60, records: ["2001:db8::1", "2001:db8::2"] });
  });

  it("rejects a negative or fractional TTL", () => {
    expect(() => canonicalRRset({ name: "a.test", type: "A", ttl: -1, records: [] })).toThrow(RdataError);
    expect(() => canonicalRRset({ name: "a.test", type: "A", ttl: 1.5, records: [] })).toThrow(/TTL/);
  });
});

describe("parseSoa", () => {
  it("parses all seven fields", () => {
    expect(parseSoa("ns1.dyn.test. hostmaster.dyn.test. 2024010101 10800 3600 604800 300")).toEqual({
      mname: "ns1.dyn.test.",
      rname: "hostmaster.dyn.test.",
      serial: 2024010101,
      refresh: 10800,
      retry: 3600,
      expire: 604800,
      minimum: 300,
    });
  });
});

describe("toWire / fromWire", () => {
  const roundTrip = (type: RRType, value: string) => {
    const buf = packet.encode({
      type: "response",
      answers: [{ type, name: "x.dyn.test", ttl: 60, data: toWire(type, value) } as packet.Answer],
    });
    const answer = packet.decode(buf).answers![0] as { data: unknown };
    return fromWire(type, answer.data);
  };

  it.each(ok)("%s %j survives encode → decode", (type, input, expected) => {
    expect(roundTrip(type, input)).toBe(expected);
  });

  it.each([
    '"one" "two" "three"',
    '"quote \\" and backslash \\\\"',
    '"\\000\\001\\255" "\\195\\169t\\195\\169"',
    `"${"y".repeat(255)}" "${"z".repeat(255)}" "tail"`,
  ])("TXT %j round-trips", (value) => {
    expect(roundTrip("TXT", value)).toBe(value);
  });

  it("TXT: a 300-byte unquoted value becomes two strings on the wire", () => {
    const data = toWire("TXT", "q".repeat(300));
    expect(data.map((b) => b.length)).toEqual([255, 45]);
    expect(roundTrip("TXT", "q".repeat(300))).toBe(`"${"q".repeat(255)}" "${"q".repeat(45)}"`);
  });

  it("gives dns-packet shapes without trailing dots", () => {
    expect(toWire("MX", "10 mx.example.com.")).toEqual({ preference: 10, exchange: "mx.example.com" });
    expect(toWire("SRV", "1 2 3 t.example.")).toEqual({ priority: 1, weight: 2, port: 3, target: "t.example" });
    expect(toWire("CAA", '0 issue "ca.example"')).toEqual({ flags: 0, tag: "issue", value: "ca.example" });
    expect(toWire("CNAME", "t.example.")).toBe("t.example");
    expect(toWire("MX", "0 .")).toEqual({ preference: 0, exchange: "." });
    expect(toWire("TXT", '"a" "b"')).toEqual([Buffer.from("a"), Buffer.from("b")]);
  });

  it("reads TXT given as a string or a single buffer", () => {
    expect(fromWire("TXT", "plain")).toBe('"plain"');
    expect(fromWire("TXT", Buffer.from([0x22, 0xff]))).toBe('"\\"\\255"');
  });

  it("rejects data of the wrong shape", () => {
    expect(() => fromWire("MX", "10 mx.example.")).toThrow(RdataError);
    expect(() => fromWire("A", { host: "1.2.3.4" })).toThrow(RdataError);
    expect(() => fromWire("SRV", { priority: 1, weight: 2, port: 70000, target: "t" })).toThrow(RdataError);
  });
});
