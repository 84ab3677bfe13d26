// DnsClient and the bench's PowerDNS (packet cache on) together: answers, NXDOMAIN, polling until a
// change shows (the API purges the cache of what it changes), sweeps that report mismatches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DnsClient } from "./dns-query";
import { startBenchPowerDns, type BenchPowerDns } from "./powerdns";

let pdns: BenchPowerDns;
let dns: DnsClient;

async function api(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost${path}`, {
    method,
    headers: { "X-API-Key": pdns.apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

const setA = (name: string, ip: string) =>
  api("PATCH", "/zones/dyn.test.", { rrsets: [{ name: `${name}.`, type: "A", ttl: 60, changetype: "REPLACE", records: [{ content: ip, disabled: false }] }] });

beforeAll(async () => {
  pdns = await startBenchPowerDns();
  dns = new DnsClient(pdns.dnsPort);
  await api("POST", "/zones", { name: "dyn.test.", kind: "Native", nameservers: ["ns1.dyn.test."] });
  for (let i = 0; i < 5; i++) await setA(`h${i}.dyn.test`, `192.0.2.${i + 1}`);
});

afterAll(async () => {
  dns?.close();
  await pdns?.stop();
});

describe("DnsClient against PowerDNS with its packet cache on", () => {
  it("answers A records, and [] for a name that does not exist", async () => {
    expect(await dns.queryA("h0.dyn.test")).toEqual(["192.0.2.1"]);
    expect(await dns.queryA("nope.dyn.test")).toEqual([]);
  });

  it("polls until a change shows (the cached answer is purged by the API)", async () => {
    expect(await dns.queryA("h1.dyn.test")).toEqual(["192.0.2.2"]);
    expect(await dns.queryA("h1.dyn.test")).toEqual(["192.0.2.2"]);
    const t0 = process.hrtime.bigint();
    await setA("h1.dyn.test", "198.51.100.9");
    const at = await dns.pollUntil("h1.dyn.test", "198.51.100.9", { timeoutMs: 5000 });
    expect(at).not.toBeNull();
    expect(Number(at! - t0) / 1e6).toBeLessThan(5000);
    expect(await dns.pollUntil("h2.dyn.test", "10.9.9.9", { timeoutMs: 200 })).toBeNull();
  });

  it("sweeps many names and returns exactly those answering something else", async () => {
    const names = ["h0", "h1", "h2", "h3", "h4", "zz"].map((n) => `${n}.dyn.test`);
    const expected: Record<string, string> = { "h0.dyn.test": "192.0.2.1", "h1.dyn.test": "198.51.100.9", "h2.dyn.test": "192.0.2.3", "h3.dyn.test": "192.0.2.99", "h4.dyn.test": "192.0.2.5", "zz.dyn.test": "192.0.2.1" };
    expect((await dns.mismatches(names, (n) => expected[n]!, 2)).sort()).toEqual(["h3.dyn.test", "zz.dyn.test"]);
  });
});

describe("DnsClient without a server", () => {
  it("gives null after the timeout", async () => {
    const lonely = new DnsClient(9);
    expect(await lonely.queryA("h0.dyn.test", 100)).toBeNull();
    lonely.close();
  });
});
