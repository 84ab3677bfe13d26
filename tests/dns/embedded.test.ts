// The embedded DNS server (lib/dns/embedded) and its provider: the shared conformance suite, then
// protocol behaviour checked with the real `dig` against the standalone process (main.ts), worker
// processes, restart persistence, garbage on the wire, and the provider's traffic and errors.
import { execFile } from "node:child_process";
import dgram from "node:dgram";
import net from "node:net";
import { fileURLToPath } from "node:url";
import dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedProvider } from "@/lib/dns/providers/embedded";
import { FatalDnsError, RetryableDnsError, type DnsProvider, type RRset } from "@/lib/dns/types";
import { dig, digFull } from "../support/dig";
import { startEmbeddedDns, type EmbeddedDnsTestServer } from "../support/embedded-dns";
import { startRecordingProxy, type RecordingProxy } from "../support/recording-proxy";
import { conformanceSuite } from "./conformance";

conformanceSuite("embedded (in-process server, control API)", async () => {
  const server = await startEmbeddedDns();
  return { provider: server.provider(), zone: "dyn.test", dns: { host: server.host, port: server.port }, teardown: () => server.stop() };
});

const rr = (name: string, type: RRset["type"], records: string[], ttl = 300): RRset => ({ name: `${name}.dyn.test`, type, ttl, records });
const create = (provider: DnsProvider, ...rrsets: RRset[]) => provider.apply("dyn.test", rrsets.map((after) => ({ kind: "create" as const, after })));

// dig with any flags, for what tests/support/dig.ts does not cover (+edns=1 …).
function digRaw(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile("dig", ["@127.0.0.1", "-p", String(port), "+norecurse", "+time=2", "+tries=1", ...args], (e, out) => (e ? reject(e) : resolve(out))),
  );
}
const soaSerial = async (s: EmbeddedDnsTestServer) => Number((await dig(s.host, s.port, "dyn.test", "SOA"))[0]!.split(" ")[2]);

describe("embedded DNS, standalone process, seen by dig", () => {
  let s: EmbeddedDnsTestServer;
  let provider: DnsProvider;
  beforeAll(async () => {
    s = await startEmbeddedDns({ child: true });
    provider = s.provider();
    await create(
      provider,
      rr("alice", "A", ["192.0.2.1"]),
      rr("a.b.c", "A", ["192.0.2.3"]),
      rr("*.w", "A", ["192.0.2.4"]),
      rr("real.w", "TXT", ["real"]),
      rr("c1", "CNAME", ["c2.dyn.test."]),
      rr("c2", "CNAME", ["alice.dyn.test."]),
      rr("big", "A", Array.from({ length: 100 }, (_, i) => `198.51.100.${i}`)),
      rr("txt1k", "TXT", [Array.from({ length: 4 }, (_, i) => `"${String(i).repeat(250)}"`).join(" ")]),
    );
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("prints one ready line and answers its SOA and NS authoritatively", async () => {
    expect(s.log()).toMatch(/^dns ready udp=(\d+) tcp=\1 control=http:\/\/127\.0\.0\.1:\d+\n$/);
    const soa = await digFull(s.host, s.port, "dyn.test", "SOA");
    expect([soa.status, soa.flags, soa.answer.map((r) => `${r.name} ${r.ttl} ${r.type}`)]).toEqual(["NOERROR", ["qr", "aa"], ["dyn.test. 3600 SOA"]]);
    expect(soa.answer[0]!.data).toMatch(/^ns1\.dyn\.test\. hostmaster\.dyn\.test\. \d{10} 10800 3600 604800 60$/);
    expect(await dig(s.host, s.port, "dyn.test", "NS", { tcp: true })).toEqual(["ns1.dyn.test."]);
  });

  it("NXDOMAIN vs NODATA (and empty non-terminals), each with the SOA in authority at the negative TTL", async () => {
    for (const [name, type, status] of [["nope.dyn.test", "A", "NXDOMAIN"], ["alice.dyn.test", "AAAA", "NOERROR"], ["b.c.dyn.test", "A", "NOERROR"]] as const) {
      const r = await digFull(s.host, s.port, name, type);
      expect([name, r.status, r.flags.includes("aa"), r.answer, r.authority.map((a) => `${a.name} ${a.ttl} ${a.type}`)]).toEqual([name, status, true, [], ["dyn.test. 60 SOA"]]);
    }
  });

  it("REFUSED for names outside its zones, without AA", async () => {
    const r = await digFull(s.host, s.port, "www.example.com", "A");
    expect([r.status, r.flags, r.answer, r.authority]).toEqual(["REFUSED", ["qr"], [], []]);
  });

  it("sets TC over UDP for a big rrset and gives the whole answer over TCP", async () => {
    const udp = await digFull(s.host, s.port, "big.dyn.test", "A", { ignoreTruncation: true });
    expect([udp.status, udp.flags, udp.answer]).toEqual(["NOERROR", ["qr", "aa", "tc"], []]);
    const tcp = await digFull(s.host, s.port, "big.dyn.test", "A", { tcp: true });
    expect(tcp.answer.map((r) => r.data).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `198.51.100.${i}`).sort());
    expect(await dig(s.host, s.port, "big.dyn.test", "A")).toHaveLength(100);
  });

  it("sizes UDP answers by EDNS: 512 without it, the advertised size up to 1232 with it", async () => {
    const flags = async (opts: Parameters<typeof digFull>[4]) => (await digFull(s.host, s.port, "txt1k.dyn.test", "TXT", { ignoreTruncation: true, ...opts })).flags;
    expect(await flags({ noEdns: true })).toEqual(["qr", "aa", "tc"]);
    expect(await flags({ bufsize: 600 })).toEqual(["qr", "aa", "tc"]);
    expect(await flags({ bufsize: 4096 })).toEqual(["qr", "aa"]);
  });

  it("echoes EDNS0 (version 0, udp 1232, DO copied), omits it for plain queries, BADVERS for version 1", async () => {
    expect(await digRaw(s.port, ["alice.dyn.test", "A"])).toContain("; EDNS: version: 0, flags:; udp: 1232");
    expect(await digRaw(s.port, ["+dnssec", "alice.dyn.test", "A"])).toContain("; EDNS: version: 0, flags: do; udp: 1232");
    expect(await digRaw(s.port, ["+noedns", "alice.dyn.test", "A"])).not.toContain("OPT PSEUDOSECTION");
    expect(await digRaw(s.port, ["+edns=1", "+noednsneg", "alice.dyn.test", "A"])).toMatch(/status: BADVERS[\s\S]*EDNS: version: 0/);
  });

  it("synthesises wildcard answers with the query name, but not for names that exist", async () => {
    const w = await digFull(s.host, s.port, "Anything.w.dyn.test", "A");
    expect(w.answer.map((r) => `${r.name} ${r.type} ${r.data}`)).toEqual(["Anything.w.dyn.test. A 192.0.2.4"]);
    const real = await digFull(s.host, s.port, "real.w.dyn.test", "A");
    expect([real.status, real.answer, real.authority.length]).toEqual(["NOERROR", [], 1]);
  });

  it("follows a CNAME chain inside the zone in one answer", async () => {
    const r = await digRaw(s.port, ["+noall", "+answer", "c1.dyn.test", "A"]);
    expect(r.trim().split("\n").map((l) => l.split(/\s+/).filter((_, i) => i !== 1).join(" "))).toEqual([
      "c1.dyn.test. IN CNAME c2.dyn.test.",
      "c2.dyn.test. IN CNAME alice.dyn.test.",
      "alice.dyn.test. IN A 192.0.2.1",
    ]);
  });

  it("bumps the SOA serial on every change and only then", async () => {
    const before = await soaSerial(s);
    await create(provider, rr("serial", "A", ["192.0.2.50"]));
    expect(await soaSerial(s)).toBe(before + 1);
    await provider.apply("dyn.test", []);
    await provider.apply("dyn.test", [{ kind: "create", after: rr("serial", "A", ["192.0.2.50"]) }]);
    expect(await soaSerial(s)).toBe(before + 1);
  });

  it("keeps answering after garbage over UDP and TCP, and answers FORMERR / NOTIMP with the query ID", async () => {
    const sock = dgram.createSocket("udp4");
    const replies: Buffer[] = [];
    sock.on("message", (m) => replies.push(m));
    await new Promise<void>((r) => sock.bind(0, "127.0.0.1", r));
    const formerr = Buffer.from([0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x3f, 0x41]);
    const notify = dnsPacket.encode({ type: "query", id: 0xcafe, questions: [{ name: "dyn.test", type: "SOA" }] });
    notify[2] = 4 << 3;
    for (const m of [formerr, notify]) sock.send(m, s.port, "127.0.0.1");
    for (let i = 0; i < 50 && replies.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % 256;
    for (let burst = 0; burst < 30; burst++) {
      for (let i = 0; i < 100; i++) sock.send(Buffer.from(Array.from({ length: 1 + ((burst + i) % 90) }, rand)), s.port, "127.0.0.1");
      await new Promise((r) => setTimeout(r, 10));
    }
    const tcp = net.connect(s.port, "127.0.0.1");
    tcp.on("error", () => undefined);
    tcp.write(Buffer.from([0x00, 0x05, 1, 2, 3, 4, 5, 0xff, 0xff, 9, 9, 9]));
    await new Promise((r) => setTimeout(r, 500));
    tcp.destroy();
    sock.close();
    const byId = (id: number) => replies.find((r) => r.readUInt16BE(0) === id);
    expect(byId(0xbeef)?.readUInt16BE(2)).toBe(0x8000 | 0x0100 | 1);
    expect(byId(0xcafe)?.readUInt16BE(2)).toBe(0x8000 | (4 << 11) | 4);
    expect(await dig(s.host, s.port, "alice.dyn.test", "A")).toEqual(["192.0.2.1"]);
    expect(await dig(s.host, s.port, "alice.dyn.test", "A", { tcp: true })).toEqual(["192.0.2.1"]);
  });

  it("keeps its data across a restart on the same data folder", async () => {
    await create(provider, rr("persist", "TXT", ["still here"]));
    const serial = await soaSerial(s);
    await s.restart();
    expect(s.lastExit).toBe("0");
    expect(s.log()).toMatch(/^dns ready /);
    expect(await dig(s.host, s.port, "persist.dyn.test", "TXT")).toEqual(['"still here"']);
    expect(await dig(s.host, s.port, "c1.dyn.test", "A")).toEqual(["192.0.2.1", "alice.dyn.test.", "c2.dyn.test."]);
    expect(await soaSerial(s)).toBe(serial);
    expect((await s.provider().listRRsets("dyn.test", ["persist.dyn.test"])).map((r) => r.records)).toEqual([['"still here"']]);
  });
});

describe("embedded DNS standalone start-up errors", () => {
  it("exits 1 with the reason when settings are missing or the data folder is taken", async () => {
    const main = fileURLToPath(new URL("../../lib/dns/embedded/main.ts", import.meta.url));
    const run = (config: string | undefined) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const env = { ...process.env, EMBEDDED_DNS_CONFIG: config ?? "" };
        execFile(process.execPath, ["--import", "tsx", main], { env, timeout: 20_000 }, (e, stdout, stderr) =>
          resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, stdout, stderr }),
        );
      });
    expect(await run(undefined)).toEqual({ code: 1, stdout: "", stderr: "embedded dns: cannot start: pass the settings as a JSON argument or in EMBEDDED_DNS_CONFIG\n" });
    const taken = await startEmbeddedDns();
    try {
      const r = await run(JSON.stringify({ port: 0, dataDir: taken.dataDir, zones: ["dyn.test"], controlKey: "k" }));
      expect(r).toEqual({ code: 1, stdout: "", stderr: `embedded dns: cannot start: ${taken.dataDir} is in use by process ${process.pid}\n` });
    } finally {
      await taken.stop();
    }
  });
});

describe("embedded DNS with 2 UDP worker processes", () => {
  let s: EmbeddedDnsTestServer;
  beforeAll(async () => {
    s = await startEmbeddedDns({ child: true, workers: 2 });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("every worker serves each change as soon as apply returns", async () => {
    const provider = s.provider();
    for (let round = 1; round <= 3; round++) {
      await provider.apply("dyn.test", [{ kind: "create", after: rr(`r${round}`, "A", [`192.0.2.${round}`]) }]);
      expect(await dig(s.host, s.port, `r${round}.dyn.test`, "A")).toEqual([`192.0.2.${round}`]);
      expect(await askMany(s.port, `r${round}.dyn.test`, 200)).toEqual(new Map([[`192.0.2.${round}`, 200]]));
    }
    expect(await dig(s.host, s.port, "r1.dyn.test", "A", { tcp: true })).toEqual(["192.0.2.1"]);
  });

  it("replaces a worker that dies, and keeps answering and applying meanwhile", async () => {
    const before = await childPids(s.pid);
    expect(before).toHaveLength(2);
    process.kill(before[0]!, "SIGKILL");
    await s.provider().apply("dyn.test", [{ kind: "create", after: rr("after-kill", "A", ["192.0.2.99"]) }]);
    expect(await askMany(s.port, "after-kill.dyn.test", 200)).toEqual(new Map([["192.0.2.99", 200]]));
    let after: number[] = [];
    for (let i = 0; i < 100 && (after.length !== 2 || after.includes(before[0]!)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await childPids(s.pid);
    }
    expect([after.length, after.includes(before[0]!), after.includes(before[1]!)]).toEqual([2, false, true]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await askMany(s.port, "after-kill.dyn.test", 200)).toEqual(new Map([["192.0.2.99", 200]]));
    expect(await dig(s.host, s.port, "after-kill.dyn.test", "A")).toEqual(["192.0.2.99"]);
  });
});

// Send `count` A queries for `name` over UDP, each from its own socket, all at once; count the answers.
async function askMany(port: number, name: string, count: number): Promise<Map<string, number>> {
  const ask = (id: number) =>
    new Promise<string>((resolve, reject) => {
      const sock = dgram.createSocket("udp4");
      const timer = setTimeout(() => (sock.close(), reject(new Error(`no answer to query ${id}`))), 5_000);
      sock.on("message", (m) => {
        clearTimeout(timer);
        sock.close();
        const reply = dnsPacket.decode(m);
        resolve(reply.answers?.map((a) => String((a as { data: unknown }).data)).join(",") ?? "");
      });
      sock.send(dnsPacket.encode({ type: "query", id, questions: [{ name, type: "A" }] }), port, "127.0.0.1");
    });
  const counts = new Map<string, number>();
  for (const a of await Promise.all(Array.from({ length: count }, (_, i) => ask(i)))) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
}

// PIDs of the UDP worker processes of a standalone server.
function childPids(pid: number): Promise<number[]> {
  return new Promise((resolve) => execFile("pgrep", ["-P", String(pid), "-f", "embedded/worker"], (_e, out) => resolve(out.split("\n").filter(Boolean).map(Number))));
}

describe("embedded provider traffic and errors", () => {
  let s: EmbeddedDnsTestServer;
  let proxy: RecordingProxy;
  beforeAll(async () => {
    s = await startEmbeddedDns();
    proxy = await startRecordingProxy(s.controlUrl);
  });
  afterAll(async () => {
    await proxy?.close();
    await s?.stop();
  });
  const provider = (over: { controlKey?: string; timeoutMs?: number } = {}) =>
    createEmbeddedProvider({ controlUrl: proxy.url, controlKey: s.controlKey, timeoutMs: 3_000, ...over });

  it("sends one PATCH with DELETE and REPLACE rrsets, canonical records, and the bearer key", async () => {
    await create(provider(), rr("old", "A", ["192.0.2.1"]));
    proxy.requests.length = 0;
    await provider().apply("dyn.test", [
      { kind: "delete", before: rr("old", "A", ["192.0.2.1"]) },
      { kind: "update", before: rr("host", "A", ["192.0.2.2"]), after: { ...rr("host", "TXT", ['say "hi"', "x".repeat(256)], 120), name: "Host.Dyn.Test." } },
    ]);
    expect(proxy.requests.map((r) => [r.method, r.url, r.status, r.headers.authorization])).toEqual([["PATCH", "/v1/zones/dyn.test/rrsets", 200, `Bearer ${s.controlKey}`]]);
    expect(proxy.requests[0]!.rawBody).toBe(
      JSON.stringify({
        rrsets: [
          { name: "old.dyn.test", type: "A", changetype: "DELETE" },
          { name: "host.dyn.test", type: "A", changetype: "DELETE" },
          { name: "host.dyn.test", type: "TXT", ttl: 120, changetype: "REPLACE", records: ['"say \\"hi\\""', `"${"x".repeat(255)}" "x"`] },
        ],
      }),
    );
    expect(await dig(s.host, s.port, "host.dyn.test", "TXT")).toEqual([`"say \\"hi\\""`, `"${"x".repeat(255)}" "x"`].sort());
  });

  it("sends nothing for an empty plan, and refuses names outside the zone or the apex NS/SOA locally", async () => {
    proxy.requests.length = 0;
    await provider().apply("dyn.test", []);
    await expect(create(provider(), { name: "x.other.test", type: "A", ttl: 60, records: ["192.0.2.1"] })).rejects.toThrow(new FatalDnsError("x.other.test is not inside zone dyn.test"));
    await expect(create(provider(), { name: "dyn.test", type: "NS", ttl: 60, records: ["ns.example."] })).rejects.toThrow(FatalDnsError);
    expect(proxy.requests).toEqual([]);
  });

  it("maps a wrong key to FatalDnsError and data the server refuses (400) to FatalDnsError with its reason", async () => {
    await expect(provider({ controlKey: "wrong" }).listRRsets("dyn.test")).rejects.toThrow(new FatalDnsError("the embedded DNS server rejected the control key (401)"));
    const err = await provider()
      .apply("dyn.test", [{ kind: "create", after: rr("dup", "CNAME", ["a.example."]) }, { kind: "create", after: rr("dup", "CNAME", ["b.example."]) }])
      .catch((e: unknown) => e);
    expect(err).toEqual(new FatalDnsError("embedded DNS PATCH /v1/zones/dyn.test/rrsets failed with 400: dup.dyn.test CNAME appears twice in one change list"));
    await expect(provider().listRRsets("missing.test")).rejects.toThrow(new FatalDnsError("embedded DNS GET /v1/zones/missing.test/rrsets failed with 404: zone missing.test does not exist"));
  });

  it("maps a stopped server, a hung one and 5xx answers to RetryableDnsError", async () => {
    const stopped = await startEmbeddedDns();
    const url = stopped.controlUrl;
    await stopped.stop();
    const refused = await createEmbeddedProvider({ controlUrl: url, controlKey: "k" }).ensureZone("dyn.test").catch((e: unknown) => e);
    expect(refused).toEqual(new RetryableDnsError(`the embedded DNS server at ${url} is unreachable (ECONNREFUSED)`));
    proxy.hang = true;
    try {
      const slow = await provider({ timeoutMs: 300 }).ensureZone("dyn.test").catch((e: unknown) => e);
      expect(slow).toEqual(new RetryableDnsError("the embedded DNS server did not answer PUT /v1/zones/dyn.test within 300 ms"));
    } finally {
      proxy.hang = false;
    }
    proxy.failWith = 503;
    try {
      await expect(provider().listRRsets("dyn.test")).rejects.toThrow(RetryableDnsError);
    } finally {
      proxy.failWith = undefined;
    }
  });
});
