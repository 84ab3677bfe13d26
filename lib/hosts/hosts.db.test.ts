import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import type { Actor } from "@/lib/auth/actor";
import { createHost } from "./create-host";
import { deleteHost } from "./delete-host";
import { getHostOrThrow } from "./get-host-or-throw";
import { setRecords } from "./set-records";
import { seedUser, seedZone } from "./test-fixtures";

let t: TestDatabase;
let alice: Actor & { userId: string };
let mallory: Actor & { userId: string };
const admin: Actor = { userId: null, role: "system" };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedZone(t.db, "dyn.test");
  await seedZone(t.db, "closed.test", { acceptingRegistrations: false });
  alice = { userId: (await seedUser(t.db, { planId: "free" })).id, role: "USER", ip: "203.0.113.1" };
  mallory = { userId: (await seedUser(t.db)).id, role: "USER" };
});
afterAll(() => t?.drop());

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
}
const outboxFor = (name: string) => t.db.dnsOutbox.findMany({ where: { name }, orderBy: { id: "asc" }, select: { type: true, version: true } });

describe("createHost", () => {
  it("normalises the name, creates the host and audits it", async () => {
    const host = await createHost({ ownerId: alice.userId, fqdn: " Alice.DYN.test. ", actor: alice, client: t.db });
    expect({ fqdn: host.fqdn, label: host.label, status: host.status }).toEqual({ fqdn: "alice.dyn.test", label: "alice", status: "ACTIVE" });
    const audit = await t.db.auditLog.findFirst({ where: { targetId: host.id } });
    expect({ action: audit!.action, actorId: audit!.actorId, ip: audit!.ip, after: audit!.after }).toEqual({
      action: "host.create", actorId: alice.userId, ip: "203.0.113.1", after: { fqdn: "alice.dyn.test", ownerId: alice.userId },
    });
    const byParts = await createHost({ ownerId: alice.userId, zoneName: "dyn.test", label: "Bücher", actor: alice, client: t.db });
    expect(byParts.fqdn).toBe("xn--bcher-kva.dyn.test");
  });

  it("refuses bad, reserved, foreign, closed, taken and quarantined names with readable errors", async () => {
    const create = (fqdn: string, actor: Actor = mallory) => rejects(createHost({ ownerId: mallory.userId, fqdn, actor, client: t.db }));
    expect(await create("bad_name.dyn.test")).toEqual({ code: "VALIDATION", field: "fqdn", message: '"bad_name" may contain only letters, digits and hyphens.' });
    expect(await create("www.dyn.test")).toEqual({ code: "VALIDATION", field: "fqdn", message: '"www" is reserved; choose another name.' });
    expect(await create("a.b.dyn.test")).toEqual({ code: "VALIDATION", field: "fqdn", message: "Choose a single name without dots." });
    expect(await create("x.example.com")).toEqual({ code: "VALIDATION", field: "fqdn", message: "x.example.com is not under any of our domains." });
    expect(await create("x.closed.test")).toEqual({ code: "VALIDATION", field: "zone", message: "closed.test does not accept new names at the moment." });
    expect(await create("ALICE.dyn.test")).toEqual({ code: "CONFLICT", field: "fqdn", message: "This name is already taken." });
    await t.db.tombstone.create({ data: { fqdn: "gone.dyn.test", reason: "abuse", until: new Date(Date.now() + 86_400_000) } });
    expect(await create("gone.dyn.test")).toEqual({ code: "CONFLICT", field: "fqdn", message: "This name is not available." });
    expect(await create("gone.dyn.test", admin)).toEqual({ code: "CONFLICT", field: "fqdn", message: "This name is not available." });
    // The operator may use reserved labels and closed zones.
    expect((await createHost({ ownerId: mallory.userId, fqdn: "www.closed.test", actor: admin, client: t.db })).fqdn).toBe("www.closed.test");
  });

  it("enforces the plan's host limit, also under concurrent registrations", async () => {
    const bob = (await seedUser(t.db, { planId: "free" })).id; // free: 3 hosts
    const actor: Actor = { userId: bob, role: "USER" };
    const results = await Promise.allSettled(
      ["b1", "b2", "b3", "b4", "b5"].map((l) => createHost({ ownerId: bob, zoneName: "dyn.test", label: l, actor, client: t.db })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const errors = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []));
    expect(errors).toEqual(["PLAN_LIMIT", "PLAN_LIMIT"]);
    expect(await t.db.host.count({ where: { ownerId: bob } })).toBe(3);
  });
});

describe("getHostOrThrow", () => {
  it("finds own hosts by id or name and answers NOT_FOUND for anyone else's", async () => {
    const own = await getHostOrThrow({ fqdn: "Alice.dyn.test", userId: alice.userId, client: t.db });
    expect((await getHostOrThrow({ id: own.id, userId: alice.userId, client: t.db })).zone.name).toBe("dyn.test");
    const missing = { code: "NOT_FOUND", message: "Host not found." };
    expect(await rejects(getHostOrThrow({ id: own.id, userId: mallory.userId, client: t.db }))).toEqual(missing);
    expect(await rejects(getHostOrThrow({ fqdn: "alice.dyn.test", userId: mallory.userId, client: t.db }))).toEqual(missing);
    expect(await rejects(getHostOrThrow({ fqdn: "nobody.dyn.test", userId: alice.userId, client: t.db }))).toEqual(missing);
    expect(await rejects(getHostOrThrow({ id: "not-a-uuid", userId: alice.userId, client: t.db }))).toEqual(missing);
  });
});

describe("setRecords", () => {
  it("canonicalises values, writes once, skips no-op writes and audits changes", async () => {
    const set = (values: string[], ttl?: number) => setRecords({ fqdn: "alice.dyn.test", type: "aaaa", values, ttl, actor: alice, client: t.db });
    expect(await set(["2001:DB8:0::1", "2001:db8::1", "2001:db8::2"])).toEqual({
      fqdn: "alice.dyn.test", name: "@", owner: "alice.dyn.test", type: "AAAA", ttl: 60, records: ["2001:db8::1", "2001:db8::2"], changed: true,
    });
    expect((await set(["2001:db8::2", "2001:db8::1"])).changed).toBe(false);
    expect((await set(["2001:db8::2", "2001:db8::1"], 300)).changed).toBe(true);
    expect(await outboxFor("alice.dyn.test")).toEqual([{ type: "AAAA", version: 1n }, { type: "AAAA", version: 2n }]);
    const audits = await t.db.auditLog.findMany({ where: { action: "record.set" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.after)).toEqual([
      { name: "@", type: "AAAA", ttl: 60, records: ["2001:db8::1", "2001:db8::2"] },
      { name: "@", type: "AAAA", ttl: 300, records: ["2001:db8::1", "2001:db8::2"] },
    ]);
  });

  it("enforces plan types and minimum TTL, value syntax and CNAME exclusivity", async () => {
    const set = (type: string, values: string[], ttl?: number) => rejects(setRecords({ fqdn: "alice.dyn.test", type, values, ttl, actor: alice, client: t.db }));
    expect(await set("MX", ["10 mx.example."])).toEqual({ code: "PLAN_LIMIT", field: "type", message: "Your plan does not include MX records." });
    expect(await set("SOA", ["x"])).toEqual({ code: "VALIDATION", field: "type", message: "SOA is not a record type you can set." });
    expect(await set("A", ["192.0.2.1"], 30)).toEqual({ code: "VALIDATION", field: "ttl", message: "The TTL must be a whole number from 60 to 86400 seconds." });
    expect(await set("A", ["300.1.1.1"])).toEqual({ code: "VALIDATION", field: "values", message: 'Invalid A value "300.1.1.1": expected an IPv4 address like 192.0.2.1' });
    expect(await set("CNAME", ["target.example."])).toEqual({
      code: "VALIDATION", field: "type", message: "alice.dyn.test has AAAA records; a CNAME cannot sit beside other records. Remove them first.",
    });
    expect(await set("CNAME", ["a.example.", "b.example."])).toEqual({ code: "VALIDATION", field: "values", message: "A name can have only one CNAME target." });
    await setRecords({ fqdn: "alice.dyn.test", type: "AAAA", values: [], actor: alice, client: t.db });
    const cname = await setRecords({ fqdn: "alice.dyn.test", type: "CNAME", values: ["Target.Example"], actor: alice, client: t.db });
    expect(cname.records).toEqual(["target.example."]);
    expect(await set("A", ["192.0.2.1"])).toEqual({ code: "VALIDATION", field: "type", message: "alice.dyn.test is a CNAME; remove it before adding A records." });
  });

  it("answers NOT_FOUND for another user's host and BLOCKED for a frozen one", async () => {
    expect(await rejects(setRecords({ fqdn: "alice.dyn.test", type: "A", values: ["192.0.2.1"], actor: mallory, client: t.db }))).toEqual({ code: "NOT_FOUND", message: "Host not found." });
    const host = await createHost({ ownerId: mallory.userId, fqdn: "ice.dyn.test", actor: mallory, client: t.db });
    await t.db.host.update({ where: { id: host.id }, data: { status: "FROZEN" } });
    expect(await rejects(setRecords({ hostId: host.id, type: "A", values: ["192.0.2.1"], actor: mallory, client: t.db }))).toEqual({
      code: "BLOCKED", message: "This hostname is frozen: its records cannot be changed.",
    });
  });
});

describe("deleteHost", () => {
  it("deletes the rrsets through the outbox, removes the host, quarantines the name and audits", async () => {
    const host = await createHost({ ownerId: mallory.userId, fqdn: "temp.dyn.test", actor: mallory, client: t.db });
    await setRecords({ hostId: host.id, type: "A", values: ["192.0.2.7"], actor: mallory, client: t.db });
    await setRecords({ hostId: host.id, type: "TXT", values: ['"x"'], actor: mallory, client: t.db });
    expect(await rejects(deleteHost({ hostId: host.id, actor: alice, client: t.db }))).toEqual({ code: "NOT_FOUND", message: "Host not found." });
    const started = Date.now();
    const { fqdn, quarantinedUntil } = await deleteHost({ hostId: host.id, actor: mallory, client: t.db });
    expect(fqdn).toBe("temp.dyn.test");
    expect(Math.round((quarantinedUntil.getTime() - started) / 86_400_000)).toBe(7);
    expect(await t.db.host.findUnique({ where: { id: host.id } })).toBeNull();
    const rows = await t.db.rRset.findMany({ where: { name: "temp.dyn.test" }, orderBy: { type: "asc" }, select: { type: true, records: true, version: true, hostId: true } });
    expect(rows).toEqual([
      { type: "A", records: [], version: 2n, hostId: null },
      { type: "TXT", records: [], version: 2n, hostId: null },
    ]);
    expect((await outboxFor("temp.dyn.test")).map((o) => `${o.type}@${o.version}`)).toEqual(["A@1", "TXT@1", "A@2", "TXT@2"]);
    expect(await rejects(createHost({ ownerId: alice.userId, fqdn: "temp.dyn.test", actor: alice, client: t.db }))).toEqual({ code: "CONFLICT", field: "fqdn", message: "This name is not available." });
    expect((await t.db.auditLog.findFirst({ where: { action: "host.delete", targetId: host.id } }))!.before).toEqual({
      fqdn: "temp.dyn.test", ownerId: mallory.userId, status: "ACTIVE",
      rrsets: [{ name: "temp.dyn.test", type: "A", ttl: 60, records: ["192.0.2.7"] }, { name: "temp.dyn.test", type: "TXT", ttl: 60, records: ['"x"'] }],
    });
  });

  it("quarantines a name deleted under an abuse action for a year, and withdraws a sinkhole", async () => {
    const host = await createHost({ ownerId: mallory.userId, fqdn: "evil.dyn.test", actor: mallory, client: t.db });
    await t.db.host.update({ where: { id: host.id }, data: { status: "SINKHOLED" } });
    const started = Date.now();
    const { quarantinedUntil } = await deleteHost({ fqdn: "evil.dyn.test", actor: mallory, client: t.db });
    expect(Math.round((quarantinedUntil.getTime() - started) / 86_400_000)).toBe(365);
    expect((await t.db.tombstone.findUnique({ where: { fqdn: "evil.dyn.test" } }))!.reason).toBe("deleted_while_sinkholed");
    expect((await outboxFor("evil.dyn.test")).map((o) => o.type).sort()).toEqual(["A", "AAAA"]);
  });
});
