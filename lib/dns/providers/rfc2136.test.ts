import dgram from "node:dgram";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FatalDnsError, RetryableDnsError, type Change } from "../types";
import { createRfc2136Provider, rcodeError } from "./rfc2136";
import { buildUpdates, toRRsets, type XfrRecord } from "./rfc2136-messages";

const key = { name: "ddns-key", algorithm: "hmac-sha256" as const, secret: Buffer.alloc(32, 7).toString("base64") };
const limits = { maxBytes: 60_000, maxChanges: 1_000 };
const create = (name: string, ip: string): Change => ({ kind: "create", after: { name, type: "A", ttl: 60, records: [ip] } });

describe("UPDATE messages", () => {
  it("encodes one create as delete-rrset then add, byte for byte (RFC 2136 §2.5)", () => {
    const [msg] = buildUpdates("dyn.test", [create("a.dyn.test", "192.0.2.1")], limits);
    const hex = msg!.toString("hex").slice(4);
    const name = "0161" + "0364796e" + "0474657374" + "00";
    expect(hex).toBe(
      "2800" + "0001" + "0000" + "0002" + "0000" + // opcode UPDATE; ZOCOUNT 1, PRCOUNT 0, UPCOUNT 2, ADCOUNT 0
        "0364796e047465737400" + "0006" + "0001" + // zone: dyn.test SOA IN
        name + "0001" + "00ff" + "00000000" + "0000" + // a.dyn.test ANY A, ttl 0, no rdata: delete the rrset
        name + "0001" + "0001" + "0000003c" + "0004" + "c0000201", // a.dyn.test 60 IN A 192.0.2.1
    );
  });

  it("deletes the old rrset when an update moves name or type, and only deletes for a delete", () => {
    const before = { name: "b.dyn.test", type: "A" as const, ttl: 60, records: ["192.0.2.1"] };
    const [del] = buildUpdates("dyn.test", [{ kind: "delete", before }], limits);
    expect(del!.readUInt16BE(8)).toBe(1);
    const [moved] = buildUpdates("dyn.test", [{ kind: "update", before, after: { ...before, type: "AAAA", records: ["2001:db8::1"] } }], limits);
    expect(moved!.readUInt16BE(8)).toBe(3);
    const [same] = buildUpdates("dyn.test", [{ kind: "update", before, after: { ...before, records: ["192.0.2.2", "192.0.2.3"] } }], limits);
    expect(same!.readUInt16BE(8)).toBe(3);
  });

  it("splits by change count and by size, keeping plan order and never splitting a change", () => {
    const changes = Array.from({ length: 25 }, (_, i) => create(`h${i}.dyn.test`, "192.0.2.1"));
    const byCount = buildUpdates("dyn.test", changes, { maxBytes: 60_000, maxChanges: 10 });
    expect(byCount.map((m) => m.readUInt16BE(8))).toEqual([20, 20, 10]);
    const bySize = buildUpdates("dyn.test", changes, { maxBytes: 400, maxChanges: 1_000 });
    expect(bySize.every((m) => m.length <= 400)).toBe(true);
    expect(bySize.reduce((n, m) => n + m.readUInt16BE(8), 0)).toBe(50);
    expect(bySize.every((m) => m.readUInt16BE(8) % 2 === 0)).toBe(true);
    expect(() => buildUpdates("dyn.test", changes, { maxBytes: 60, maxChanges: 1 })).toThrow(/h0.dyn.test A needs 50 bytes/);
  });
});

describe("AXFR records to rrsets", () => {
  it("groups, sorts, skips SOA, apex NS and unmanaged types, and filters by name", () => {
    const records: XfrRecord[] = [
      { name: "dyn.test", type: "SOA", ttl: 300, value: "ns1.example. hostmaster.example. 1 3600 600 86400 60" },
      { name: "dyn.test", type: "NS", ttl: 300, value: "ns1.example." },
      { name: "sub.dyn.test", type: "NS", ttl: 300, value: "ns.other." },
      { name: "b.dyn.test", type: "A", ttl: 60, value: "192.0.2.2" },
      { name: "b.dyn.test", type: "A", ttl: 60, value: "192.0.2.1" },
      { name: "a.dyn.test", type: null, ttl: 60, value: null },
      { name: "a.dyn.test", type: "TXT", ttl: 30, value: '"x"' },
    ];
    expect(toRRsets("dyn.test", records)).toEqual([
      { name: "a.dyn.test", type: "TXT", ttl: 30, records: ['"x"'] },
      { name: "b.dyn.test", type: "A", ttl: 60, records: ["192.0.2.1", "192.0.2.2"] },
      { name: "sub.dyn.test", type: "NS", ttl: 300, records: ["ns.other."] },
    ]);
    expect(toRRsets("dyn.test", records, ["B.dyn.test."])).toEqual([{ name: "b.dyn.test", type: "A", ttl: 60, records: ["192.0.2.1", "192.0.2.2"] }]);
  });
});

describe("errors and traffic", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it("maps rcodes: SERVFAIL retryable, the rest fatal with the rcode name", () => {
    expect(rcodeError("SERVFAIL", "x")).toBeInstanceOf(RetryableDnsError);
    for (const rcode of ["NOTAUTH", "REFUSED", "FORMERR", "NOTZONE"]) {
      const err = rcodeError(rcode, "UPDATE");
      expect(err).toBeInstanceOf(FatalDnsError);
      expect(err.message).toBe(`UPDATE: ${rcode}`);
    }
    expect(rcodeError("NOTAUTH", "UPDATE", 16).message).toBe("UPDATE: NOTAUTH (TSIG BADSIG: check the key name, algorithm and secret)");
  });

  it("sends nothing for an empty plan", async () => {
    let contacts = 0;
    const tcp = net.createServer((s) => (contacts++, s.destroy()));
    await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
    cleanups.push(() => tcp.close());
    const port = (tcp.address() as net.AddressInfo).port;
    await createRfc2136Provider({ server: { host: "127.0.0.1", port }, tsig: key }).apply("dyn.test", []);
    await new Promise((r) => setTimeout(r, 50));
    expect(contacts).toBe(0);
  });

  it("throws RetryableDnsError when nothing listens or nothing answers", async () => {
    const tcp = net.createServer();
    await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
    const port = (tcp.address() as net.AddressInfo).port;
    await new Promise((r) => tcp.close(r));
    const closed = createRfc2136Provider({ server: { host: "127.0.0.1", port }, tsig: key });
    await expect(closed.apply("dyn.test", [create("a.dyn.test", "192.0.2.1")])).rejects.toThrow(RetryableDnsError);
    await expect(closed.listRRsets("dyn.test")).rejects.toThrow(/ECONNREFUSED/);

    const silent = dgram.createSocket("udp4");
    await new Promise<void>((r) => silent.bind(0, "127.0.0.1", r));
    cleanups.push(() => silent.close());
    const mute = createRfc2136Provider({ server: { host: "127.0.0.1", port: silent.address().port }, tsig: key, timeoutMs: 200 });
    await expect(mute.ensureZone("dyn.test")).rejects.toThrow(/no UDP answer in 200 ms/);
    await expect(mute.ensureZone("dyn.test")).rejects.toBeInstanceOf(RetryableDnsError);
  });

  it("refuses bad data, out-of-zone names and backend-owned rrsets before any traffic, as fatal errors", async () => {
    const provider = createRfc2136Provider({ server: { host: "127.0.0.1", port: 9 }, tsig: key });
    await expect(provider.apply("dyn.test", [create("a.dyn.test", "not-an-ip")])).rejects.toThrow(FatalDnsError);
    await expect(provider.apply("dyn.test", [create("a.other.test", "192.0.2.1")])).rejects.toThrow(new FatalDnsError("a.other.test is not inside zone dyn.test"));
    await expect(provider.apply("dyn.test", [create("xdyn.test", "192.0.2.1")])).rejects.toThrow(/not inside zone/);
    const apexNs: Change = { kind: "create", after: { name: "dyn.test", type: "NS", ttl: 60, records: ["ns.example."] } };
    await expect(provider.apply("dyn.test.", [apexNs])).rejects.toThrow(new FatalDnsError("dyn.test NS belongs to the server and is not changed through RFC 2136"));
    const subNs: Change = { kind: "create", after: { name: "sub.dyn.test", type: "NS", ttl: 60, records: ["ns.example."] } };
    expect(buildUpdates("dyn.test", [subNs, create("dyn.test", "192.0.2.1")], limits)).toHaveLength(1);
  });
});
