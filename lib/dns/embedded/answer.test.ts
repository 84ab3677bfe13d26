import dnsPacket, { type DecodedPacket, type Packet } from "dns-packet";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalRRset } from "../rdata";
import type { RRset } from "../types";
import { Answerer } from "./answer";
import { ZoneIndex } from "./zone-index";

const rr = (name: string, type: RRset["type"], records: string[], ttl = 300): RRset => canonicalRRset({ name, type, ttl, records });

function build(): ZoneIndex {
  const index = new ZoneIndex({ nameservers: ["ns1.dyn.test.", "ns2.example.net."], soa: { minimum: 30, ttl: 900 } });
  index.applyBatch({ seq: 1, zone: "dyn.test", serial: 2026010100, ops: [{ op: "zone", zone: "dyn.test" }] });
  const rrsets = [
    rr("alice.dyn.test", "A", ["192.0.2.1", "192.0.2.2"]),
    rr("alice.dyn.test", "TXT", ["hello"]),
    rr("a.b.c.dyn.test", "A", ["192.0.2.3"]),
    rr("*.w.dyn.test", "A", ["192.0.2.4"]),
    rr("real.w.dyn.test", "TXT", ["real"]),
    rr("z.y.w.dyn.test", "A", ["192.0.2.5"]),
    rr("c1.dyn.test", "CNAME", ["c2.dyn.test."]),
    rr("c2.dyn.test", "CNAME", ["alice.dyn.test."]),
    rr("dangling.dyn.test", "CNAME", ["missing.dyn.test."]),
    rr("loop1.dyn.test", "CNAME", ["loop2.dyn.test."]),
    rr("loop2.dyn.test", "CNAME", ["loop1.dyn.test."]),
    rr("out.dyn.test", "CNAME", ["www.example.com."]),
    rr("big.dyn.test", "A", Array.from({ length: 40 }, (_, i) => `198.51.100.${i}`)),
    rr("sub.dyn.test", "NS", ["ns.sub.dyn.test.", "ns.example.org."]),
    rr("ns.sub.dyn.test", "A", ["192.0.2.53"]),
  ];
  index.applyBatch({ seq: 2, zone: "dyn.test", serial: 2026010101, ops: rrsets.map((rrset) => ({ op: "replace" as const, rrset })) });
  return index;
}

type Ask = { edns?: number | false; id?: number; dnssecOk?: boolean };
function query(name: string, type: string, { edns = 1232, id = 4242, dnssecOk = false }: Ask = {}): Buffer {
  const packet: Packet = { type: "query", id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type: type as "A" }] };
  if (edns !== false) packet.additionals = [{ type: "OPT", name: ".", udpPayloadSize: edns, flags: dnssecOk ? dnsPacket.DNSSEC_OK : 0 } as never];
  return dnsPacket.encode(packet);
}
type Reply = DecodedPacket & { rcode: string };
const decode = (b: Buffer | null) => dnsPacket.decode(b!) as Reply;
const show = (records: DecodedPacket["answers"]) =>
  (records ?? []).filter((r) => r.type !== "OPT").map((r) => `${r.name} ${(r as { ttl?: number }).ttl} ${r.type} ${JSON.stringify((r as { data: unknown }).data)}`);

describe("Answerer", () => {
  let index: ZoneIndex;
  let answerer: Answerer;
  const ask = (name: string, type: string, opts?: Ask, transport: "udp" | "tcp" = "udp") => decode(answerer.answer(query(name, type, opts), transport));
  beforeEach(() => {
    index = build();
    answerer = new Answerer(index);
  });

  it("answers authoritatively with the query ID, the question echoed in its case, and the OPT record", () => {
    const r = ask("Alice.DYN.test", "A", { id: 777 });
    expect([r.id, r.rcode, r.flag_aa, r.flag_rd, r.flag_ra, r.questions]).toEqual([777, "NOERROR", true, true, false, [{ name: "Alice.DYN.test", type: "A", class: "IN" }]]);
    expect(show(r.answers)).toEqual(['Alice.DYN.test 300 A "192.0.2.1"', 'Alice.DYN.test 300 A "192.0.2.2"']);
    expect(r.additionals).toMatchObject([{ type: "OPT", udpPayloadSize: 1232, flags: 0 }]);
    expect(ask("alice.dyn.test", "A", { dnssecOk: true }).additionals).toMatchObject([{ type: "OPT", flags: dnsPacket.DNSSEC_OK }]);
    expect(ask("alice.dyn.test", "A", { edns: false }).additionals).toEqual([]);
  });

  it("serves the generated SOA and apex NS", () => {
    expect(show(ask("dyn.test", "SOA").answers)).toEqual([
      'dyn.test 900 SOA {"mname":"ns1.dyn.test","rname":"hostmaster.dyn.test","serial":2026010101,"refresh":10800,"retry":3600,"expire":604800,"minimum":30}',
    ]);
    expect(show(ask("dyn.test", "NS").answers)).toEqual(['dyn.test 3600 NS "ns1.dyn.test"', 'dyn.test 3600 NS "ns2.example.net"']);
  });

  it("tells NXDOMAIN from NODATA, with the SOA (TTL = min(TTL, minimum)) in authority; empty non-terminals are NODATA", () => {
    for (const [name, type, rcode] of [["nope.dyn.test", "A", "NXDOMAIN"], ["alice.dyn.test", "AAAA", "NOERROR"], ["b.c.dyn.test", "A", "NOERROR"], ["c.dyn.test", "TXT", "NOERROR"]]) {
      const r = ask(name!, type!);
      expect([name, r.rcode, r.flag_aa, r.answers, show(r.authorities).map((s) => s.split(" ").slice(0, 3).join(" "))]).toEqual([name, rcode, true, [], ["dyn.test 30 SOA"]]);
    }
  });

  it("refuses names outside its zones and other classes, without AA", () => {
    for (const r of [ask("example.com", "A"), ask("test", "SOA"), ask("dyn.test.example", "A")]) {
      expect([r.rcode, r.flag_aa, r.answers, r.authorities]).toEqual(["REFUSED", false, [], []]);
    }
    const chaos = dnsPacket.encode({ type: "query", id: 1, questions: [{ name: "version.bind", type: "TXT", class: "CH" }] });
    expect(decode(answerer.answer(chaos, "udp")).rcode).toBe("REFUSED");
    expect(ask("dyn.test", "AXFR", {}, "tcp").rcode).toBe("REFUSED");
  });

  it("synthesises wildcard answers with the query name, but not where a name or non-terminal exists", () => {
    expect(show(ask("x.w.dyn.test", "A").answers)).toEqual(['x.w.dyn.test 300 A "192.0.2.4"']);
    expect(show(ask("deep.er.w.dyn.test", "A").answers)).toEqual(['deep.er.w.dyn.test 300 A "192.0.2.4"']);
    const nodata = ask("x.w.dyn.test", "TXT");
    expect([nodata.rcode, nodata.answers, show(nodata.authorities).length]).toEqual(["NOERROR", [], 1]);
    const existing = ask("real.w.dyn.test", "A");
    expect([existing.rcode, existing.answers]).toEqual(["NOERROR", []]);
    expect([ask("y.w.dyn.test", "A").rcode, ask("y.w.dyn.test", "A").answers]).toEqual(["NOERROR", []]);
    expect(ask("q.y.w.dyn.test", "A").rcode).toBe("NXDOMAIN");
  });

  it("follows in-zone CNAME chains; a dangling chain ends in NXDOMAIN, loops and out-of-zone targets stop", () => {
    expect(show(ask("c1.dyn.test", "A").answers)).toEqual([
      'c1.dyn.test 300 CNAME "c2.dyn.test"',
      'c2.dyn.test 300 CNAME "alice.dyn.test"',
      'alice.dyn.test 300 A "192.0.2.1"',
      'alice.dyn.test 300 A "192.0.2.2"',
    ]);
    expect(show(ask("c1.dyn.test", "CNAME").answers)).toEqual(['c1.dyn.test 300 CNAME "c2.dyn.test"']);
    const dangling = ask("dangling.dyn.test", "A");
    expect([dangling.rcode, show(dangling.answers).length, dangling.authorities?.length]).toEqual(["NXDOMAIN", 1, 1]);
    expect(show(ask("loop1.dyn.test", "A").answers)).toEqual(['loop1.dyn.test 300 CNAME "loop2.dyn.test"', 'loop2.dyn.test 300 CNAME "loop1.dyn.test"']);
    expect([ask("out.dyn.test", "A").rcode, show(ask("out.dyn.test", "A").answers)]).toEqual(["NOERROR", ['out.dyn.test 300 CNAME "www.example.com"']]);
  });

  it("refers delegated names to the child's NS with glue, without AA", () => {
    const r = ask("host.sub.dyn.test", "A");
    expect([r.rcode, r.flag_aa, r.answers]).toEqual(["NOERROR", false, []]);
    expect(show(r.authorities)).toEqual(['sub.dyn.test 300 NS "ns.example.org"', 'sub.dyn.test 300 NS "ns.sub.dyn.test"']);
    expect(show(r.additionals)).toEqual(['ns.sub.dyn.test 300 A "192.0.2.53"']);
    const ds = ask("sub.dyn.test", "DS");
    expect([ds.rcode, ds.flag_aa, ds.answers, show(ds.authorities).map((a) => a.split(" ")[2])]).toEqual(["NOERROR", true, [], ["SOA"]]);
  });

  it("sets TC over UDP past 512 bytes without EDNS or past the advertised size (capped at 1232), and answers whole over TCP", () => {
    const noEdns = ask("big.dyn.test", "A", { edns: false });
    expect([noEdns.flag_tc, noEdns.answers, noEdns.questions?.[0]?.name]).toEqual([true, [], "big.dyn.test"]);
    expect(ask("big.dyn.test", "A", { edns: 1232 }).flag_tc).toBe(false);
    expect(ask("big.dyn.test", "A", { edns: 1232 }).answers).toHaveLength(40);
    expect(ask("big.dyn.test", "A", { edns: 600 }).flag_tc).toBe(true);
    const tcp = ask("big.dyn.test", "A", { edns: false }, "tcp");
    expect([tcp.flag_tc, tcp.answers?.length]).toEqual([false, 40]);
    index.applyBatch({ seq: 3, zone: "dyn.test", serial: 2026010102, ops: [{ op: "replace", rrset: rr("big.dyn.test", "A", Array.from({ length: 90 }, (_, i) => `198.51.100.${i}`)) }] });
    expect(ask("big.dyn.test", "A", { edns: 4096 }).flag_tc).toBe(true);
    expect(ask("big.dyn.test", "A", { edns: 4096 }, "tcp").answers).toHaveLength(90);
  });

  it("answers ANY minimally over UDP and fully over TCP", () => {
    const types = (r: Reply) => [...new Set(r.answers!.map((a) => a.type))];
    expect(types(ask("alice.dyn.test", "ANY"))).toEqual(["A"]);
    expect(types(ask("alice.dyn.test", "ANY", {}, "tcp"))).toEqual(["A", "TXT"]);
  });

  it("FORMERR for broken questions, NOTIMP for other opcodes, BADVERS for EDNS > 0, silence for responses and runts", () => {
    const q = query("alice.dyn.test", "A");
    const formerr = (b: Buffer) => decode(answerer.answer(b, "udp"));
    expect(formerr(q.subarray(0, 20))).toMatchObject({ id: 4242, rcode: "FORMERR", questions: [] });
    const twoQuestions = Buffer.from(q);
    twoQuestions.writeUInt16BE(2, 4);
    expect(formerr(twoQuestions).rcode).toBe("FORMERR");
    const notify = Buffer.from(q);
    notify[2] = (notify[2]! & 0x87) | (4 << 3);
    expect(decode(answerer.answer(notify, "udp"))).toMatchObject({ rcode: "NOTIMP", opcode: "NOTIFY" });
    const v1 = Buffer.from(q);
    v1[v1.length - 5] = 1;
    const bad = answerer.answer(v1, "udp")!;
    expect([bad.readUInt16BE(2) & 0xf, bad[bad.length - 6], decode(bad).answers]).toEqual([0, 1, []]);
    const response = Buffer.from(q);
    response[2] = response[2]! | 0x80;
    expect(answerer.answer(response, "udp")).toBeNull();
    expect(answerer.answer(Buffer.from([1, 2, 3]), "udp")).toBeNull();
  });

  it("drops exactly the cached replies a change can affect", () => {
    let seq = 3;
    const change = (...ops: ({ op: "replace"; rrset: RRset } | { op: "delete"; name: string; type: RRset["type"] })[]) =>
      index.applyBatch({ seq: seq++, zone: "dyn.test", serial: 2026010100 + seq, ops });
    const serial = () => (ask("dyn.test", "SOA").answers![0]! as { data: { serial: number } }).data.serial;
    const warm = () => [ask("alice.dyn.test", "A"), ask("c1.dyn.test", "A"), ask("nope.dyn.test", "A"), ask("q.y2.w.dyn.test", "A"), ask("host.sub2.dyn.test", "A"), serial()];
    change({ op: "replace", rrset: rr("host.sub2.dyn.test", "A", ["192.0.2.77"]) });
    warm();
    const misses = () => answerer.stats.misses;

    const before = misses();
    change({ op: "replace", rrset: rr("bob.dyn.test", "A", ["203.0.113.1"]) });
    expect(show(ask("alice.dyn.test", "A").answers)).toHaveLength(2);
    expect(show(ask("c1.dyn.test", "A").answers)).toHaveLength(4);
    expect(misses()).toBe(before);
    expect(serial()).toBe(2026010105);
    expect(ask("nope.dyn.test", "A").authorities![0]!).toMatchObject({ data: { serial: 2026010105 } });
    expect(misses()).toBe(before + 2);

    change({ op: "replace", rrset: rr("alice.dyn.test", "A", ["203.0.113.9"]) });
    expect(show(ask("c1.dyn.test", "A").answers).slice(2)).toEqual(['alice.dyn.test 300 A "203.0.113.9"']);
    expect(show(ask("alice.dyn.test", "A").answers)).toEqual(['alice.dyn.test 300 A "203.0.113.9"']);

    expect(show(ask("q.y2.w.dyn.test", "A").answers)).toEqual(['q.y2.w.dyn.test 300 A "192.0.2.4"']);
    change({ op: "replace", rrset: rr("z.y2.w.dyn.test", "A", ["192.0.2.8"]) });
    expect(ask("q.y2.w.dyn.test", "A").rcode).toBe("NXDOMAIN");

    change({ op: "replace", rrset: rr("sub2.dyn.test", "NS", ["ns.example.org."]) });
    const referral = ask("host.sub2.dyn.test", "A");
    expect([referral.flag_aa, referral.answers, show(referral.authorities)]).toEqual([false, [], ['sub2.dyn.test 300 NS "ns.example.org"']]);
    change({ op: "delete", name: "sub2.dyn.test", type: "NS" });
    expect(show(ask("host.sub2.dyn.test", "A").answers)).toEqual(['host.sub2.dyn.test 300 A "192.0.2.77"']);
  });

  it("survives fuzzing: random bytes and mutated queries never throw, and every reply parses", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    const seeds = [query("alice.dyn.test", "A"), query("x.w.dyn.test", "TXT"), query("c1.dyn.test", "A", { edns: false }), query("big.dyn.test", "ANY")];
    let replies = 0;
    const bad: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      let msg: Buffer;
      if (i % 2 === 0) msg = Buffer.from(Array.from({ length: Math.floor(rand() * 80) }, () => Math.floor(rand() * 256)));
      else {
        msg = Buffer.from(seeds[i % seeds.length]!);
        for (let flips = 1 + Math.floor(rand() * 4); flips > 0; flips--) msg[Math.floor(rand() * msg.length)] = Math.floor(rand() * 256);
        if (rand() < 0.3) msg = msg.subarray(0, Math.floor(rand() * msg.length));
      }
      for (const transport of ["udp", "tcp"] as const) {
        const reply = answerer.answer(msg, transport);
        if (!reply) continue;
        replies++;
        try {
          if (reply.readUInt16BE(0) !== msg.readUInt16BE(0)) bad.push(`${msg.toString("hex")}: wrong ID`);
          dnsPacket.decode(reply);
        } catch (e) {
          bad.push(`${msg.toString("hex")}: ${String(e)}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(replies).toBeGreaterThan(10_000);
  });
});
