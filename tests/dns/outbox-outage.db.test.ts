// The outbox under stress, against our real embedded DNS server: the backend down while 1 000
// changes queue up (none lost; DNS equals the database after it returns), and two dispatchers
// racing over many interleaved versions (no rrset ever goes back to an older version).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { startEmbeddedDnsServer } from "@/lib/dns/embedded/server";
import type { RunningDnsServer } from "@/lib/dns/embedded/types";
import { startDispatcher } from "@/lib/dns/dispatcher";
import { createEmbeddedProvider } from "@/lib/dns/providers/embedded";
import { canonicalRecord } from "@/lib/dns/rdata";
import { desiredRRsets } from "@/lib/dns/reconcile";
import type { Change, DnsProvider } from "@/lib/dns/types";
import { seedHost, seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";

const SINKHOLE = { ipv4: "192.0.2.66", ipv6: "100::66", ttl: 60 };
const controlKey = randomBytes(16).toString("hex");
let t: TestDatabase;
let dataDir: string;
let server: RunningDnsServer | null = null;
let zone: { id: string; name: string };
let ownerId: string;

const startDns = async () => {
  server = await startEmbeddedDnsServer({ port: 0, controlPort: 0, dataDir, zones: ["dyn.test"], nameservers: ["ns1.dyn.test."], controlKey });
};
// The provider of whichever server runs now (ports change across restarts); a stopped one refuses connections.
let lastUrl = "http://127.0.0.1:9";
const current = (): DnsProvider => {
  if (server) lastUrl = server.controlUrl;
  return createEmbeddedProvider({ controlUrl: lastUrl, controlKey, timeoutMs: 2_000 });
};

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "dynhost-outage-dns-"));
  await startDns();
  zone = await seedZone(t.db);
  ownerId = (await seedUser(t.db)).id;
});
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
  await t?.drop();
});

async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sorted = <T extends { name: string; type: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.name === b.name ? a.type.localeCompare(b.type) : a.name.localeCompare(b.name)));

describe("outbox under stress", () => {
  it("backend stopped while 1 000 changes queue: none lost, DNS equals the database after restart", async () => {
    const stop = new AbortController();
    const d = startDispatcher({ db: t.db, providers: current, signal: stop.signal, sinkhole: SINKHOLE, listenUrl: t.url, backoff: { baseMs: 100, capMs: 1000 } });
    try {
      const hosts = await Promise.all(Array.from({ length: 250 }, (_, i) => seedHost(t.db, zone, ownerId, `h${i}`)));
      await server!.close();
      server = null;
      // 1 000 changes in 500 transactions: each host gets A+AAAA, then a new A and a TXT.
      for (const [i, h] of hosts.entries()) {
        await write(t.db, zone, h.id, [
          { name: h.fqdn, type: "A", ttl: 60, records: [`10.0.${i >> 8}.${i & 255}`] },
          { name: h.fqdn, type: "AAAA", ttl: 60, records: [canonicalRecord("AAAA", `2001:db8::${i.toString(16)}`)] },
        ]);
      }
      for (const [i, h] of hosts.entries()) {
        await write(t.db, zone, h.id, [
          { name: h.fqdn, type: "A", ttl: 300, records: [`10.1.${i >> 8}.${i & 255}`] },
          { name: h.fqdn, type: "TXT", ttl: 60, records: [`"v${i}"`] },
        ]);
      }
      const queued = await until("retries while down", () => t.db.dnsOutbox.findMany({ select: { status: true, attempts: true, lastError: true } }),
        (rows) => rows.length === 1000 && rows.some((r) => r.attempts > 0));
      expect(queued.every((r) => r.status === "PENDING")).toBe(true);
      expect(queued.find((r) => r.attempts > 0)!.lastError).toMatch(/^RetryableDnsError: the embedded DNS server at http:\/\/127\.0\.0\.1:\d+ is unreachable/);

      await startDns();
      const started = Date.now();
      await until("outbox drained", () => t.db.dnsOutbox.count(), (n) => n === 0);
      console.log(`after restart: 1 000 queued changes (750 rrsets) published in ${Date.now() - started} ms`);
      const actual = await current().listRRsets("dyn.test");
      const desired = await desiredRRsets(t.db, "dyn.test", SINKHOLE);
      expect(desired).toHaveLength(750);
      expect(sorted(actual)).toEqual(sorted(desired));
      expect(await t.db.rRset.count({ where: { publishedVersion: 0 } })).toBe(0);
      expect(await dig("127.0.0.1", (server as RunningDnsServer | null)!.udpPort, "h249.dyn.test", "A")).toEqual(["10.1.0.249"]);
      expect(await dig("127.0.0.1", (server as RunningDnsServer | null)!.udpPort, "h17.dyn.test", "TXT")).toEqual(['"v17"']);
    } finally {
      stop.abort();
      await d.done;
    }
  }, 120_000);

  it("two dispatchers over many interleaved versions: every rrset ends at its latest version, never going back", async () => {
    const seen = new Map<string, number[]>(); // name → versions the backend confirmed, in order
    const applied = [0, 0];
    const recording = (which: number): DnsProvider => {
      const p = current();
      return {
        ...p,
        async apply(z: string, changes: Change[]) {
          // A backend of uneven speed widens the window in which an older push could land last.
          await new Promise((r) => setTimeout(r, Math.random() * 20));
          await p.apply(z, changes);
          applied[which]! += changes.length;
          for (const c of changes) {
            if (c.kind === "delete" || c.after.type !== "TXT") continue;
            seen.set(c.after.name, [...(seen.get(c.after.name) ?? []), Number(/v=(\d+)/.exec(c.after.records[0]!)![1])]);
          }
        },
      };
    };
    const stop = new AbortController();
    const second = createDb(t.url, 4);
    const options = { signal: stop.signal, sinkhole: SINKHOLE, listenUrl: t.url, batchSize: 50 };
    const d1 = startDispatcher({ ...options, db: t.db, providers: () => recording(0) });
    const d2 = startDispatcher({ ...options, db: second, providers: () => recording(1) });
    try {
      const hosts = await Promise.all(Array.from({ length: 8 }, (_, i) => seedHost(t.db, zone, ownerId, `race${i}`)));
      const VERSIONS = 100;
      // Four writers, each owning two rrsets, write versions 1..100 round-robin as fast as they can.
      await Promise.all([0, 1, 2, 3].map(async (w) => {
        const mine = hosts.filter((_, i) => i % 4 === w);
        for (let v = 1; v <= VERSIONS; v++) {
          for (const h of mine) await write(t.db, zone, h.id, [{ name: h.fqdn, type: "TXT", ttl: 60, records: [`"v=${v}"`] }]);
        }
      }));
      await until("outbox drained", () => t.db.dnsOutbox.count(), (n) => n === 0);
      const actual = await current().listRRsets("dyn.test", hosts.map((h) => h.fqdn));
      expect(sorted(actual)).toEqual(sorted(hosts.map((h) => ({ name: h.fqdn, type: "TXT" as const, ttl: 60, records: [`"v=${VERSIONS}"`] }))));
      for (const h of hosts) {
        const versions = seen.get(h.fqdn)!;
        expect(versions.at(-1)).toBe(VERSIONS);
        expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!), `${h.fqdn} went back: ${versions.join(",")}`).toBe(true);
      }
      const rows = await t.db.rRset.findMany({ where: { name: { in: hosts.map((h) => h.fqdn) } }, select: { version: true, publishedVersion: true } });
      expect(rows.map((r) => [r.version, r.publishedVersion])).toEqual(hosts.map(() => [BigInt(VERSIONS), BigInt(VERSIONS)]));
      console.log(`two dispatchers: ${applied[0]} + ${applied[1]} changes applied for ${hosts.length * VERSIONS} writes`);
      expect(applied[0]).toBeGreaterThan(0);
      expect(applied[1]).toBeGreaterThan(0);
    } finally {
      stop.abort();
      await Promise.all([d1.done, d2.done]);
      await second.$disconnect();
    }
  }, 120_000);
});
