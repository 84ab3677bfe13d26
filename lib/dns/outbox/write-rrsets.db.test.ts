import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedHost, seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { OUTBOX_CHANNEL } from "./channel";
import { republishHost, writeManyRRsets, writeRRsets } from "./write-rrsets";

let t: TestDatabase;
let zone: { id: string; name: string };
let hostId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await seedUser(t.db);
  zone = await seedZone(t.db);
  hostId = (await seedHost(t.db, zone, user.id, "alice")).id;
});
afterAll(() => t?.drop());

const outbox = () =>
  t.db.dnsOutbox.findMany({ orderBy: { id: "asc" }, select: { zone: true, name: true, type: true, version: true } });
const rrset = (name: string, type: "A" | "AAAA" | "TXT") =>
  t.db.rRset.findUnique({ where: { name_type: { name, type } }, select: { ttl: true, records: true, version: true, hostId: true } });

describe("writeRRsets", () => {
  it("creates, skips unchanged, bumps changed and deletes, with one outbox row per change", async () => {
    const first = await write(t.db, zone, hostId, [
      { name: "alice.dyn.test", type: "A", ttl: 60, records: ["192.0.2.2", "192.0.2.1"] },
      { name: "alice.dyn.test", type: "TXT", ttl: 60, records: ['"hello"'] },
    ]);
    expect(first.changed).toEqual([
      { name: "alice.dyn.test", type: "A", version: 1n },
      { name: "alice.dyn.test", type: "TXT", version: 1n },
    ]);
    expect(await rrset("alice.dyn.test", "A")).toEqual({ ttl: 60, records: ["192.0.2.1", "192.0.2.2"], version: 1n, hostId });

    // Same records in another order and a duplicate: unchanged, nothing queued.
    const same = await write(t.db, zone, hostId, [{ name: "alice.dyn.test", type: "A", ttl: 60, records: ["192.0.2.1", "192.0.2.2", "192.0.2.1"] }]);
    expect(same.changed).toEqual([]);
    expect(await outbox()).toHaveLength(2);

    const changed = await write(t.db, zone, hostId, [
      { name: "alice.dyn.test", type: "A", ttl: 60, records: ["192.0.2.3"] },
      { name: "alice.dyn.test", type: "TXT", ttl: 60, records: ['"hello"'] },
    ]);
    expect(changed.changed).toEqual([{ name: "alice.dyn.test", type: "A", version: 2n }]);

    const ttlOnly = await write(t.db, zone, hostId, [{ name: "alice.dyn.test", type: "A", ttl: 120, records: ["192.0.2.3"] }]);
    expect(ttlOnly.changed).toEqual([{ name: "alice.dyn.test", type: "A", version: 3n }]);

    const deleted = await write(t.db, zone, hostId, [{ name: "alice.dyn.test", type: "TXT", ttl: 60, records: [] }]);
    expect(deleted.changed).toEqual([{ name: "alice.dyn.test", type: "TXT", version: 2n }]);
    expect(await rrset("alice.dyn.test", "TXT")).toEqual({ ttl: 60, records: [], version: 2n, hostId });

    // Deleting again, or deleting something that never existed: no-ops.
    const noop = await write(t.db, zone, hostId, [
      { name: "alice.dyn.test", type: "TXT", ttl: 300, records: [] },
      { name: "alice.dyn.test", type: "AAAA", ttl: 60, records: [] },
    ]);
    expect(noop.changed).toEqual([]);
    expect(await rrset("alice.dyn.test", "AAAA")).toBeNull();

    expect(await outbox()).toEqual([
      { zone: "dyn.test", name: "alice.dyn.test", type: "A", version: 1n },
      { zone: "dyn.test", name: "alice.dyn.test", type: "TXT", version: 1n },
      { zone: "dyn.test", name: "alice.dyn.test", type: "A", version: 2n },
      { zone: "dyn.test", name: "alice.dyn.test", type: "A", version: 3n },
      { zone: "dyn.test", name: "alice.dyn.test", type: "TXT", version: 2n },
    ]);
  });

  it("notifies dns_outbox at commit when something changed into an empty queue; never on rollback", async () => {
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const seen: string[] = [];
    listener.on("notification", (n) => seen.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const settle = () => new Promise((r) => setTimeout(r, 200));
    const a = (ip: string) => [{ name: "alice.dyn.test", type: "A" as const, ttl: 120, records: [ip] }];
    try {
      await t.db.dnsOutbox.deleteMany();
      await write(t.db, zone, hostId, a("192.0.2.3")); // unchanged
      await settle();
      expect(seen).toEqual([]);
      await t.db
        .$transaction(async (tx) => {
          await writeRRsets(tx, { zoneId: zone.id, zoneName: zone.name, hostId, rrsets: a("192.0.2.9") });
          throw new Error("rollback");
        })
        .catch(() => {});
      await settle();
      expect(seen).toEqual([]);
      await write(t.db, zone, hostId, a("192.0.2.4"));
      await settle();
      expect(seen).toEqual(["dns_outbox"]);
      // A row is already due: a dispatcher has been woken for it and claims again after its batch.
      await write(t.db, zone, hostId, a("192.0.2.5"));
      await settle();
      expect(seen).toEqual(["dns_outbox"]);
      // A row waiting for a retry does not count: the change notifies.
      await t.db.dnsOutbox.updateMany({ data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
      await writeRRsets(t.db, { zoneId: zone.id, zoneName: zone.name, hostId, rrsets: a("192.0.2.6") });
      await settle();
      expect(seen).toEqual(["dns_outbox", "dns_outbox"]);
    } finally {
      await listener.end();
    }
  });

  it("republishHost bumps every rrset of the host and queues A/AAAA at its name", async () => {
    const before = await outbox();
    const a = await rrset("alice.dyn.test", "A");
    const { queued } = await t.db.$transaction((tx) => republishHost(tx, hostId));
    expect(queued).toBe(3);
    expect((await rrset("alice.dyn.test", "A"))!.version).toBe(a!.version + 1n);
    const added = (await outbox()).slice(before.length).map((r) => `${r.name} ${r.type} ${r.version}`).sort();
    expect(added).toEqual([`alice.dyn.test A ${a!.version + 1n}`, "alice.dyn.test AAAA 0", "alice.dyn.test TXT 3"]);
  });
});

describe("writeManyRRsets", () => {
  it("writes many hosts in two zones in one statement: each rrset owned by its host, outbox rows in its zone, unchanged skipped, last duplicate wins", async () => {
    const user = await seedUser(t.db, { planId: "plus" });
    const other = await seedZone(t.db, "many.test");
    const hosts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => seedHost(t.db, i % 2 ? other : zone, user.id, `m${i}`)),
    );
    const fqdn = (i: number) => `m${i}.${i % 2 ? "many.test" : "dyn.test"}`;
    const writes = hosts.map((h, i) => ({
      zoneId: i % 2 ? other.id : zone.id,
      zoneName: i % 2 ? "many.test" : "dyn.test",
      hostId: h.id,
      rrsets: [{ name: fqdn(i), type: "A" as const, ttl: 60, records: [`198.51.100.${i}`] }],
    }));
    const before = (await outbox()).length;
    const first = await writeManyRRsets(t.db, writes);
    expect(first.changed).toEqual(hosts.map((_, i) => ({ name: fqdn(i), type: "A", version: 1n })));
    const queued = (await outbox()).slice(before);
    expect(queued.map((r) => `${r.zone} ${r.name}`).sort()).toEqual(hosts.map((_, i) => `${i % 2 ? "many.test" : "dyn.test"} ${fqdn(i)}`).sort());
    expect(await rrset(fqdn(7), "A")).toEqual({ ttl: 60, records: ["198.51.100.7"], version: 1n, hostId: hosts[7]!.id });

    // Again with host 3 changed twice in the same call (the last wins) and everything else unchanged.
    const again = await writeManyRRsets(t.db, [
      ...writes,
      { ...writes[3]!, rrsets: [{ name: fqdn(3), type: "A", ttl: 60, records: ["203.0.113.1"] }] },
      { ...writes[3]!, rrsets: [{ name: fqdn(3), type: "A", ttl: 60, records: ["203.0.113.2"] }] },
    ]);
    expect(again.changed).toEqual([{ name: fqdn(3), type: "A", version: 2n }]);
    expect(await rrset(fqdn(3), "A")).toEqual({ ttl: 60, records: ["203.0.113.2"], version: 2n, hostId: hosts[3]!.id });
    expect((await outbox()).length).toBe(before + 51);
    expect(await writeManyRRsets(t.db, [])).toEqual({ changed: [] });
  });
});
