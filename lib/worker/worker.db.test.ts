// The worker as the supervisor runs it: a child process (`node --import tsx lib/worker/main.ts`)
// against a throwaway database and our real embedded DNS server, checked with `dig`.
import { spawn, type ChildProcess } from "node:child_process";
import { promises as dnsPromises } from "node:dns";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHost, seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";
import { startEmbeddedDns, type EmbeddedDnsTestServer } from "@/tests/support/embedded-dns";
import { freePort } from "@/tests/support/powerdns";

const root = path.resolve(import.meta.dirname, "..", "..");
let t: TestDatabase;
let dns: EmbeddedDnsTestServer;
let worker: ChildProcess;
let output = "";
let zone: { id: string; name: string };
let hostId: string;

async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(v)}\nworker output:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  // No zones on the DNS server: the worker must create dyn.test from the Zone row.
  dns = await startEmbeddedDns({ zones: [], controlPort: await freePort() });
  zone = await seedZone(t.db);
  const owner = await seedUser(t.db);
  hostId = (await seedHost(t.db, zone, owner.id, "w1")).id;
  await write(t.db, zone, hostId, [{ name: "w1.dyn.test", type: "A", ttl: 60, records: ["198.51.100.1"] }]);
  worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/worker/main.ts")], {
    cwd: root,
    env: {
      ...process.env, DATABASE_URL: t.url, DNS_PROVIDER: "embedded", DNS_CONTROL_PORT: new URL(dns.controlUrl).port,
      DNS_CONTROL_KEY: dns.controlKey, RECONCILE_INTERVAL_S: "1", SINKHOLE_IPV4: "192.0.2.66",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (d) => (output += d));
  worker.stderr!.on("data", (d) => (output += d));
  await until("worker ready", async () => output, (o) => /^worker ready/m.test(o), 60_000);
});
afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await dns?.stop();
  await t?.drop();
});

describe("worker process", () => {
  it("creates the zone, publishes what was queued before it started, then each commit within 1 s", async () => {
    await until("queued record", () => dig("127.0.0.1", dns.port, "w1.dyn.test", "A"), (v) => v[0] === "198.51.100.1");
    const resolver = new dnsPromises.Resolver({ timeout: 500, tries: 1 });
    resolver.setServers([`127.0.0.1:${dns.port}`]);
    for (const ip of ["198.51.100.2", "198.51.100.3"]) {
      await write(t.db, zone, hostId, [{ name: "w1.dyn.test", type: "A", ttl: 60, records: [ip] }]);
      const committed = Date.now();
      await until(ip, () => resolver.resolve4("w1.dyn.test").catch(() => []), (v) => v[0] === ip, 5000);
      if (ip.endsWith(".3")) expect(Date.now() - committed).toBeLessThan(1000);
      expect(await dig("127.0.0.1", dns.port, "w1.dyn.test", "A")).toEqual([ip]);
    }
  });

  it("writes a heartbeat row with the queue and dispatcher stats", async () => {
    const beat = await until("heartbeat", () => t.db.workerHeartbeat.findFirst(), (b) => b !== null);
    expect(beat!.pid).toBe(worker.pid);
    expect(Date.now() - beat!.beatAt.getTime()).toBeLessThan(15_000);
    const stats = beat!.stats as { queue: { depth: number; failed: number }; zones: string[]; dns: { appliedRRsets: number } };
    expect(stats.zones).toEqual(["dyn.test"]);
    expect(stats.queue.failed).toBe(0);
  });

  it("the periodic reconciler removes a record planted behind our back", async () => {
    await dns.provider().apply("dyn.test", [{ kind: "create", after: { name: "planted.dyn.test", type: "TXT", ttl: 60, records: ['"x"'] } }]);
    await until("planted record removed", () => dig("127.0.0.1", dns.port, "planted.dyn.test", "TXT"), (v) => v.length === 0, 10_000);
    await until("reconcile log line", async () => output, (o) => /worker: reconcile dyn\.test: repaired 0 missing, 0 changed, 1 extra rrsets/.test(o), 5000);
  });

  it("stops cleanly on SIGTERM and removes its heartbeat row", async () => {
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await t.db.workerHeartbeat.count()).toBe(0);
  });

  it("exits with EX_CONFIG (78, not restarted) and a clear message when the provider settings are missing", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url, DNS_PROVIDER: "powerdns" };
    delete env.PDNS_API_KEY;
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/worker/main.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stderr!.on("data", (d) => (text += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(code).toBe(78);
    expect(text.trim()).toBe("worker: cannot start: PDNS_API_KEY is not set (DNS_PROVIDER=powerdns needs the PowerDNS API key)");
  }, 60_000);
});
