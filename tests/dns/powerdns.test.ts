// PowerDNS provider against a real pdns_server: the shared conformance suite, plus exact PATCH
// traffic (through a recording proxy), no traffic for an empty plan, and error mapping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns";
import { FatalDnsError, RetryableDnsError } from "@/lib/dns/types";
import { startPowerDns, type PowerDnsServer } from "../support/powerdns";
import { startRecordingProxy, type RecordingProxy } from "../support/recording-proxy";
import { dig } from "../support/dig";
import { conformanceSuite } from "./conformance";

conformanceSuite("PowerDNS 4.7 (HTTP API)", async () => {
  const server = await startPowerDns();
  const provider = createPowerDnsProvider({ apiUrl: server.apiUrl, apiKey: server.apiKey, nameservers: ["ns1.dyn.test."], maxChangesPerRequest: 2 });
  return { provider, zone: "dyn.test", dns: { host: "127.0.0.1", port: server.dnsPort }, teardown: () => server.stop() };
});

describe("PowerDNS provider traffic and errors", () => {
  let server: PowerDnsServer;
  let proxy: RecordingProxy;
  beforeAll(async () => {
    server = await startPowerDns();
    proxy = await startRecordingProxy(server.apiUrl);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });
  const provider = (over: Partial<Parameters<typeof createPowerDnsProvider>[0]> = {}) =>
    createPowerDnsProvider({ apiUrl: proxy.url, apiKey: server.apiKey, nameservers: ["NS1.example.net", "ns2.example.net."], ...over });

  it("creates the zone with one POST and is fine when it exists", async () => {
    proxy.requests.length = 0;
    await provider().ensureZone("traffic.test");
    await provider().ensureZone("traffic.test.");
    expect(proxy.requests.map((r) => [r.method, r.url, r.status])).toEqual([
      ["POST", "/api/v1/servers/localhost/zones", 201],
      ["POST", "/api/v1/servers/localhost/zones", 409],
    ]);
    expect(proxy.requests[0]!.body).toEqual({
      name: "traffic.test.",
      kind: "Native",
      nameservers: ["ns1.example.net.", "ns2.example.net."],
      rrsets: [{ name: "traffic.test.", type: "SOA", ttl: 3600, records: [{ content: "ns1.example.net. hostmaster.traffic.test. 1 10800 3600 604800 3600", disabled: false }] }],
    });
    expect(await dig("127.0.0.1", server.dnsPort, "traffic.test", "NS")).toEqual(["ns1.example.net.", "ns2.example.net."]);
  });

  it("sends exactly one PATCH with DELETE then REPLACE, canonical content and absolute names", async () => {
    const p = provider();
    await p.apply("traffic.test", [{ kind: "create", after: { name: "old.traffic.test", type: "A", ttl: 60, records: ["192.0.2.1"] } }]);
    proxy.requests.length = 0;
    await p.apply("traffic.test", [
      { kind: "delete", before: { name: "old.traffic.test", type: "A", ttl: 60, records: ["192.0.2.1"] } },
      { kind: "create", after: { name: "Host.Traffic.Test", type: "TXT", ttl: 120, records: ['say "hi"', "x".repeat(256)] } },
      { kind: "create", after: { name: "host.traffic.test", type: "AAAA", ttl: 120, records: ["::ffff:192.0.2.7", "2001:DB8::1"] } },
    ]);
    expect(proxy.requests.map((r) => [r.method, r.url, r.status, r.headers["content-type"], r.headers["x-api-key"]])).toEqual([
      ["PATCH", "/api/v1/servers/localhost/zones/traffic.test.", 204, "application/json", server.apiKey],
      ["PUT", "/api/v1/servers/localhost/cache/flush?domain=old.traffic.test.", 200, undefined, server.apiKey],
      ["PUT", "/api/v1/servers/localhost/cache/flush?domain=host.traffic.test.", 200, undefined, server.apiKey],
    ]);
    expect(proxy.requests[0]!.rawBody).toBe(
      JSON.stringify({
        rrsets: [
          { name: "old.traffic.test.", type: "A", changetype: "DELETE" },
          { name: "host.traffic.test.", type: "TXT", ttl: 120, changetype: "REPLACE", records: [
            { content: '"say \\"hi\\""', disabled: false },
            { content: `"${"x".repeat(255)}" "x"`, disabled: false },
          ] },
          { name: "host.traffic.test.", type: "AAAA", ttl: 120, changetype: "REPLACE", records: [
            { content: "::ffff:c000:207", disabled: false },
            { content: "2001:db8::1", disabled: false },
          ] },
        ],
      }),
    );
    expect(await dig("127.0.0.1", server.dnsPort, "host.traffic.test", "AAAA")).toEqual(["2001:db8::1", "::ffff:192.0.2.7"]);
    expect(await p.listRRsets("traffic.test", ["host.traffic.test"])).toEqual([
      { name: "host.traffic.test", type: "AAAA", ttl: 120, records: ["2001:db8::1", "::ffff:192.0.2.7"] },
      { name: "host.traffic.test", type: "TXT", ttl: 120, records: ['"say \\"hi\\""', `"${"x".repeat(255)}" "x"`] },
    ]);
  });

  it("splits a plan into PATCHes of maxChangesPerRequest, in order", async () => {
    proxy.requests.length = 0;
    const rrset = (n: number) => ({ name: `c${n}.traffic.test`, type: "A" as const, ttl: 60, records: [`192.0.2.${n}`] });
    await provider({ maxChangesPerRequest: 2, flushCache: false }).apply("traffic.test", [1, 2, 3].map((n) => ({ kind: "create" as const, after: rrset(n) })));
    expect(proxy.requests.map((r) => (r.body as { rrsets: { name: string }[] }).rrsets.map((s) => s.name))).toEqual([
      ["c1.traffic.test.", "c2.traffic.test."],
      ["c3.traffic.test."],
    ]);
  });

  it("flushes the changed names from PowerDNS's caches, or the whole zone for a large batch", async () => {
    const rrset = (n: number) => ({ name: `f${n}.traffic.test`, type: "A" as const, ttl: 60, records: [`192.0.2.${n}`] });
    proxy.requests.length = 0;
    await provider().apply("traffic.test", [1, 2].map((n) => ({ kind: "create" as const, after: rrset(n) })));
    expect(proxy.requests.filter((r) => r.method === "PUT").map((r) => r.url).sort()).toEqual([
      "/api/v1/servers/localhost/cache/flush?domain=f1.traffic.test.",
      "/api/v1/servers/localhost/cache/flush?domain=f2.traffic.test.",
    ]);
    proxy.requests.length = 0;
    await provider().apply("traffic.test", Array.from({ length: 21 }, (_, i) => ({ kind: "create" as const, after: rrset(i + 10) })));
    expect(proxy.requests.map((r) => [r.method, r.url])).toEqual([
      ["PATCH", "/api/v1/servers/localhost/zones/traffic.test."],
      ["PUT", "/api/v1/servers/localhost/cache/flush?domain=traffic.test."],
    ]);
  });

  it("sends no request at all for an empty plan", async () => {
    proxy.requests.length = 0;
    await provider().apply("traffic.test", []);
    expect(proxy.requests).toEqual([]);
  });

  it("maps a wrong API key to FatalDnsError", async () => {
    const p = provider({ apiKey: "wrong" });
    await expect(p.listRRsets("traffic.test")).rejects.toThrow(FatalDnsError);
    await expect(p.apply("traffic.test", [{ kind: "delete", before: { name: "x.traffic.test", type: "A", ttl: 60, records: [] } }])).rejects.toThrow(
      /PowerDNS rejected the API key \(401 Unauthorized\)/,
    );
  });

  it("maps bad data to FatalDnsError with PowerDNS's own message", async () => {
    const err = await provider()
      .apply("traffic.test", [{ kind: "create", after: { name: "x.traffic.test", type: "CNAME", ttl: 60, records: ["a.example."] } }, { kind: "create", after: { name: "x.traffic.test", type: "CNAME", ttl: 60, records: ["b.example."] } }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalDnsError);
    expect((err as Error).message).toBe(
      "PowerDNS PATCH /api/v1/servers/localhost/zones/traffic.test. failed with 422: Duplicate RRset x.traffic.test. IN CNAME with changetype: REPLACE",
    );
  });

  it("refuses names outside the zone and backend-owned rrsets without sending anything", async () => {
    proxy.requests.length = 0;
    await expect(provider().apply("traffic.test", [{ kind: "create", after: { name: "x.other.test", type: "A", ttl: 60, records: ["192.0.2.1"] } }])).rejects.toThrow(
      new FatalDnsError("x.other.test is not inside zone traffic.test"),
    );
    await expect(provider().apply("traffic.test", [{ kind: "create", after: { name: "traffic.test", type: "NS", ttl: 60, records: ["ns.example."] } }])).rejects.toThrow(FatalDnsError);
    expect(proxy.requests).toEqual([]);
  });

  it("maps a stopped server to RetryableDnsError and a hung one to a timeout", async () => {
    const stopped = await startPowerDns();
    await stopped.stop();
    const p = createPowerDnsProvider({ apiUrl: stopped.apiUrl, apiKey: stopped.apiKey, nameservers: ["ns1.example.net."] });
    const err = await p.listRRsets("traffic.test").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableDnsError);
    expect((err as Error).message).toBe(`PowerDNS at ${stopped.apiUrl} is unreachable (ECONNREFUSED)`);
    proxy.hang = true;
    try {
      const slow = await provider({ timeoutMs: 300 }).ensureZone("slow.test").catch((e: unknown) => e);
      expect(slow).toBeInstanceOf(RetryableDnsError);
      expect((slow as Error).message).toBe("PowerDNS did not answer POST /api/v1/servers/localhost/zones within 300 ms");
    } finally {
      proxy.hang = false;
    }
  });

  it("maps a 5xx answer to RetryableDnsError", async () => {
    proxy.failWith = 503;
    try {
      await expect(provider().listRRsets("traffic.test")).rejects.toThrow(RetryableDnsError);
    } finally {
      proxy.failWith = undefined;
    }
  });
});
