// The reconciler against a real PowerDNS (and `dig` on it): drift made behind our back through
// PowerDNS's own API is planned exactly and repaired; a plan deleting most of the zone is refused
// unless forced; a suspended host's leftover records are removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDispatcher, type Dispatcher } from "@/lib/dns/dispatcher";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns";
import { reconcile, ReconcileRefusedError } from "@/lib/dns/reconcile";
import type { DnsProvider } from "@/lib/dns/types";
import { seedHost, seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";
import { startPowerDns, type PowerDnsServer } from "@/tests/support/powerdns";

const SINKHOLE = { ipv4: "192.0.2.66", ipv6: "100::66", ttl: 60 };
let t: TestDatabase;
let pdns: PowerDnsServer;
let provider: DnsProvider;
let dispatcher: Dispatcher;
const stop = new AbortController();

// Edit PowerDNS directly, as an operator (or an attacker) would, bypassing dynhost.
async function behindOurBack(rrsets: { name: string; type: string; ttl?: number; changetype: "REPLACE" | "DELETE"; records?: string[] }[]) {
  const res = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost/zones/dyn.test.`, {
    method: "PATCH",
    headers: { "X-API-Key": pdns.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({
      rrsets: rrsets.map((r) => ({ ...r, name: `${r.name}.`, records: r.records?.map((content) => ({ content, disabled: false })) })),
    }),
  });
  expect(res.status).toBe(204);
}

const drained = async () => {
  for (let i = 0; i < 600 && (await t.db.dnsOutbox.count()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await t.db.dnsOutbox.count()).toBe(0);
};
const run = (o: { dryRun?: boolean; force?: boolean } = {}) => reconcile({ db: t.db, provider, zone: "dyn.test", sinkhole: SINKHOLE, ...o });
const summary = (changes: Awaited<ReturnType<typeof run>>["changes"]) =>
  changes.map((c) => (c.kind === "delete" ? `delete ${c.before.name} ${c.before.type}` : `${c.kind} ${c.after.name} ${c.after.type} ${c.after.records.join(",")}`));

beforeAll(async () => {
  t = await createTestDatabase();
  pdns = await startPowerDns();
  provider = createPowerDnsProvider({ apiUrl: pdns.apiUrl, apiKey: pdns.apiKey, nameservers: ["ns1.dyn.test."] });
  await provider.ensureZone("dyn.test");
  const zone = await seedZone(t.db);
  const owner = await seedUser(t.db);
  dispatcher = startDispatcher({ db: t.db, providers: provider, signal: stop.signal, sinkhole: SINKHOLE, listenUrl: t.url });
  for (let i = 0; i < 60; i++) {
    const h = await seedHost(t.db, zone, owner.id, `r${i}`);
    await write(t.db, zone, h.id, [{ name: h.fqdn, type: "A", ttl: 60, records: [`198.51.100.${i}`] }]);
  }
  await drained();
});
afterAll(async () => {
  stop.abort();
  await dispatcher?.done;
  await pdns?.stop();
  await t?.drop();
});

describe("reconcile (PowerDNS)", () => {
  it("is a no-op when in sync", async () => {
    const result = await run();
    expect(result).toEqual({ zone: "dyn.test", changes: [], counts: { create: 0, update: 0, delete: 0 }, refused: null, applied: false });
  });

  it("plans and repairs drift made behind our back", async () => {
    await behindOurBack([
      { name: "r1.dyn.test", type: "A", ttl: 60, changetype: "REPLACE", records: ["203.0.113.66"] },
      { name: "r2.dyn.test", type: "A", changetype: "DELETE" },
      { name: "rogue.dyn.test", type: "TXT", ttl: 60, changetype: "REPLACE", records: ['"planted"'] },
    ]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "r1.dyn.test", "A")).toEqual(["203.0.113.66"]);
    const plan = await run({ dryRun: true });
    expect(summary(plan.changes)).toEqual([
      "delete rogue.dyn.test TXT",
      "update r1.dyn.test A 198.51.100.1",
      "create r2.dyn.test A 198.51.100.2",
    ]);
    expect(plan.applied).toBe(false);
    expect(await dig("127.0.0.1", pdns.dnsPort, "r1.dyn.test", "A")).toEqual(["203.0.113.66"]);

    const result = await run();
    expect(result.applied).toBe(true);
    expect(result.counts).toEqual({ create: 1, update: 1, delete: 1 });
    expect(await dig("127.0.0.1", pdns.dnsPort, "r1.dyn.test", "A")).toEqual(["198.51.100.1"]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "r2.dyn.test", "A")).toEqual(["198.51.100.2"]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "rogue.dyn.test", "TXT")).toEqual([]);
    expect((await run({ dryRun: true })).changes).toEqual([]);
  });

  it("refuses a plan that deletes more than 10 % of the zone unless forced", async () => {
    await behindOurBack(Array.from({ length: 20 }, (_, i) => ({ name: `junk${i}.dyn.test`, type: "A", ttl: 60, changetype: "REPLACE" as const, records: ["192.0.2.200"] })));
    const dry = await run({ dryRun: true });
    expect(dry.counts).toEqual({ create: 0, update: 0, delete: 20 });
    expect(dry.refused).toBe(
      "reconcile of dyn.test would delete 20 of the 80 rrsets the DNS backend holds (more than 8); check that this is the right database, then run it again with --force",
    );
    const refused = await run().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReconcileRefusedError);
    expect((refused as ReconcileRefusedError).code).toBe("CONFLICT");
    expect(await dig("127.0.0.1", pdns.dnsPort, "junk3.dyn.test", "A")).toEqual(["192.0.2.200"]);

    const forced = await run({ force: true });
    expect(forced.applied).toBe(true);
    expect(await dig("127.0.0.1", pdns.dnsPort, "junk3.dyn.test", "A")).toEqual([]);
    expect((await provider.listRRsets("dyn.test")).length).toBe(60);
  });

  it("removes the records of a host suspended without a republish (projection, not the rows)", async () => {
    await t.db.host.update({ where: { fqdn: "r5.dyn.test" }, data: { status: "SUSPENDED" } });
    await t.db.host.update({ where: { fqdn: "r6.dyn.test" }, data: { status: "SINKHOLED" } });
    const result = await run();
    expect(summary(result.changes)).toEqual([
      "delete r5.dyn.test A",
      "update r6.dyn.test A 192.0.2.66",
      "create r6.dyn.test AAAA 100::66",
    ]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "r5.dyn.test", "A")).toEqual([]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "r6.dyn.test", "AAAA")).toEqual(["100::66"]);
    expect(await t.db.rRset.findUnique({ where: { name_type: { name: "r5.dyn.test", type: "A" } }, select: { records: true } })).toEqual({ records: ["198.51.100.5"] });
  });
});
