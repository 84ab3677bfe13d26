// Volume: 10 000 rrsets queued at once are pushed in batches (embedded DNS and PowerDNS) and end
// exactly equal to the database; a reconcile of that zone finds nothing to do; and the rate of
// changing writeRRsets transactions on this machine. Prints the numbers the README quotes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDispatcher } from "@/lib/dns/dispatcher";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns";
import { desiredRRsets, reconcile } from "@/lib/dns/reconcile";
import type { DnsProvider } from "@/lib/dns/types";
import { seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { writeRRsets } from "@/lib/dns/outbox/write-rrsets";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";
import { startEmbeddedDns, type EmbeddedDnsTestServer } from "@/tests/support/embedded-dns";
import { startPowerDns, type PowerDnsServer } from "@/tests/support/powerdns";

const SINKHOLE = { ipv4: "192.0.2.66", ipv6: "100::66", ttl: 60 };
const N = 10_000;
let t: TestDatabase;
let dns: EmbeddedDnsTestServer;
let pdns: PowerDnsServer;
let zone: { id: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase();
  [dns, pdns] = await Promise.all([startEmbeddedDns({ zones: ["dyn.test"] }), startPowerDns()]);
  zone = await seedZone(t.db);
  await seedUser(t.db);
});
afterAll(async () => {
  await dns?.stop();
  await pdns?.stop();
  await t?.drop();
});

const sorted = <T extends { name: string; type: string }>(l: T[]) => [...l].sort((a, b) => (a.name === b.name ? a.type.localeCompare(b.type) : a.name.localeCompare(b.name)));
const ip = (i: number, gen: number) => `10.${gen}.${i >> 8}.${i & 255}`;

async function queueAll(gen: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < N; i += 1000) {
    const rrsets = Array.from({ length: 1000 }, (_, j) => ({ name: `b${i + j}.dyn.test`, type: "A" as const, ttl: 60, records: [ip(i + j, gen)] }));
    const { changed } = await write(t.db, zone, null, rrsets);
    expect(changed).toHaveLength(1000);
  }
  return performance.now() - started;
}

async function drainInto(provider: DnsProvider): Promise<number> {
  const stop = new AbortController();
  const started = performance.now();
  const d = startDispatcher({ db: t.db, providers: provider, signal: stop.signal, sinkhole: SINKHOLE, listenUrl: null, pollMs: 50 });
  try {
    for (let i = 0; i < 6000 && (await t.db.dnsOutbox.count()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await t.db.dnsOutbox.count()).toBe(0);
    return performance.now() - started;
  } finally {
    stop.abort();
    await d.done;
  }
}

describe("10 000 rrsets", () => {
  it("are pushed to the embedded server in batches and match the database; a reconcile finds nothing to do", async () => {
    const queued = await queueAll(1);
    await dns.provider().ensureZone("dyn.test");
    const pushed = await drainInto(dns.provider(30_000));
    const actual = await dns.provider(30_000).listRRsets("dyn.test");
    expect(actual).toHaveLength(N);
    expect(sorted(actual)).toEqual(sorted(await desiredRRsets(t.db, "dyn.test", SINKHOLE)));
    expect(await dig("127.0.0.1", dns.port, "b9999.dyn.test", "A")).toEqual([ip(9999, 1)]);
    const r0 = performance.now();
    const plan = await reconcile({ db: t.db, provider: dns.provider(30_000), zone: "dyn.test", sinkhole: SINKHOLE });
    const reconciled = performance.now() - r0;
    expect(plan.changes).toEqual([]);
    console.log(`embedded: queue 10 000 changed rrsets (10 transactions) ${queued.toFixed(0)} ms; dispatch to DNS ${pushed.toFixed(0)} ms; in-sync reconcile ${reconciled.toFixed(0)} ms`);
  }, 300_000);

  it("are pushed to PowerDNS in batches and match the database", async () => {
    const provider = createPowerDnsProvider({ apiUrl: pdns.apiUrl, apiKey: pdns.apiKey, nameservers: ["ns1.dyn.test."], timeoutMs: 60_000 });
    await provider.ensureZone("dyn.test");
    const queued = await queueAll(2);
    const pushed = await drainInto(provider);
    const actual = await provider.listRRsets("dyn.test");
    expect(sorted(actual)).toEqual(sorted(await desiredRRsets(t.db, "dyn.test", SINKHOLE)));
    expect(await dig("127.0.0.1", pdns.dnsPort, "b4321.dyn.test", "A")).toEqual([ip(4321, 2)]);
    console.log(`powerdns: queue 10 000 changed rrsets ${queued.toFixed(0)} ms; dispatch to DNS ${pushed.toFixed(0)} ms`);
  }, 300_000);

  it("changing writeRRsets per second (8 concurrent writers, one rrset each)", async () => {
    const total = 4000;
    const rate = async (gen: number, how: string, one: (rrset: { name: string; type: "A"; ttl: number; records: string[] }) => Promise<{ changed: unknown[] }>) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: 8 }, async () => {
        for (let i = next++; i < total; i = next++) {
          const { changed } = await one({ name: `b${i % N}.dyn.test`, type: "A", ttl: 60, records: [ip(i % N, gen)] });
          expect(changed).toHaveLength(1);
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      console.log(`writeRRsets ${how}: ${(total / seconds).toFixed(0)} changing updates/s (${total} in ${seconds.toFixed(2)} s, pool 5)`);
    };
    await rate(3, "in an interactive transaction", (r) => write(t.db, zone, null, [r]));
    await rate(4, "as its own statement", (r) => writeRRsets(t.db, { zoneId: zone.id, zoneName: zone.name, hostId: null, rrsets: [r] }));
    expect(await t.db.dnsOutbox.count()).toBe(2 * total);
  }, 300_000);
});
