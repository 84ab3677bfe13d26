// setRecords at names inside a host: the wildcard ("*", a plan feature; CNAME rules per name) and
// "_acme-challenge" (TXT only), published by the real dispatcher to our embedded DNS and checked
// with the real `dig`: a query for any name under the host gets the wildcard's answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDispatcher, type Dispatcher } from "@/lib/dns/dispatcher";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";
import { startEmbeddedDns, type EmbeddedDnsTestServer } from "@/tests/support/embedded-dns";
import type { Actor } from "@/lib/auth/actor";
import { createHost } from "./create-host";
import { setRecords } from "./set-records";
import { seedUser, seedZone } from "./test-fixtures";

let t: TestDatabase;
let dns: EmbeddedDnsTestServer;
let dispatcher: Dispatcher;
const stop = new AbortController();
let plus: Actor & { userId: string };
let free: Actor & { userId: string };
const admin: Actor = { userId: null, role: "system" };

beforeAll(async () => {
  t = await createTestDatabase();
  dns = await startEmbeddedDns({ zones: ["dyn.test"] });
  await seedZone(t.db, "dyn.test");
  plus = { userId: (await seedUser(t.db, { planId: "plus" })).id, role: "USER", ip: "203.0.113.4" };
  free = { userId: (await seedUser(t.db, { planId: "free" })).id, role: "USER" };
  await createHost({ ownerId: plus.userId, fqdn: "star.dyn.test", actor: plus, client: t.db });
  await createHost({ ownerId: free.userId, fqdn: "plain.dyn.test", actor: free, client: t.db });
  dispatcher = startDispatcher({
    db: t.db, providers: dns.provider(), signal: stop.signal, sinkhole: { ipv4: "192.0.2.66", ipv6: "100::66", ttl: 60 },
    listenUrl: t.url, pollMs: 200,
  });
});
afterAll(async () => {
  stop.abort();
  await dispatcher?.done;
  await dns?.stop();
  await t?.drop();
});

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
}

/** `dig +short` until it answers `want` (10 s), then the last answer. */
async function digUntil(name: string, type: string, want: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < deadline) {
    got = await dig("127.0.0.1", dns.port, name, type);
    if (JSON.stringify(got) === JSON.stringify([...want].sort())) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return got;
}

describe("setRecords with name", () => {
  it('writes "*" at *.fqdn, audits the name, and DNS answers any name under the host', async () => {
    const own = await setRecords({ fqdn: "star.dyn.test", type: "A", values: ["198.51.100.1"], actor: plus, client: t.db });
    expect(own).toMatchObject({ name: "@", owner: "star.dyn.test" });
    const star = await setRecords({ fqdn: "star.dyn.test", name: "*", type: "A", values: ["198.51.100.7", "198.51.100.8"], ttl: 120, actor: plus, client: t.db });
    expect(star).toEqual({
      fqdn: "star.dyn.test", name: "*", owner: "*.star.dyn.test", type: "A", ttl: 120, records: ["198.51.100.7", "198.51.100.8"], changed: true,
    });
    const row = await t.db.rRset.findUnique({ where: { name_type: { name: "*.star.dyn.test", type: "A" } }, select: { hostId: true, ttl: true, records: true } });
    const host = await t.db.host.findUniqueOrThrow({ where: { fqdn: "star.dyn.test" } });
    expect(row).toEqual({ hostId: host.id, ttl: 120, records: ["198.51.100.7", "198.51.100.8"] });
    const audit = await t.db.auditLog.findFirst({ where: { action: "record.set", targetId: host.id }, orderBy: { id: "desc" } });
    expect([audit!.actorId, audit!.ip, audit!.before, audit!.after]).toEqual([
      plus.userId, "203.0.113.4", null, { name: "*", type: "A", ttl: 120, records: ["198.51.100.7", "198.51.100.8"] },
    ]);

    expect(await digUntil("foo.star.dyn.test", "A", ["198.51.100.7", "198.51.100.8"])).toEqual(["198.51.100.7", "198.51.100.8"]);
    expect(await dig("127.0.0.1", dns.port, "a.b.star.dyn.test", "A")).toEqual(["198.51.100.7", "198.51.100.8"]);
    expect(await dig("127.0.0.1", dns.port, "star.dyn.test", "A")).toEqual(["198.51.100.1"]);

    // Deleting the wildcard leaves the host alone; the names under it go away.
    await setRecords({ fqdn: "star.dyn.test", name: "*", type: "A", values: [], actor: plus, client: t.db });
    expect(await digUntil("foo.star.dyn.test", "A", [])).toEqual([]);
    expect(await dig("127.0.0.1", dns.port, "star.dyn.test", "A")).toEqual(["198.51.100.1"]);
    const del = await t.db.auditLog.findFirst({ where: { action: "record.set", targetId: host.id }, orderBy: { id: "desc" } });
    expect([del!.before, del!.after]).toEqual([{ name: "*", type: "A", ttl: 120, records: ["198.51.100.7", "198.51.100.8"] }, null]);
  });

  it("applies CNAME exclusivity per name, and the plan's minimum TTL at the wildcard", async () => {
    const set = (type: string, values: string[], ttl?: number) => setRecords({ fqdn: "star.dyn.test", name: "*", type, values, ttl, actor: plus, client: t.db });
    // The host has an A rrset: a CNAME at its wildcard is still fine.
    expect((await set("CNAME", ["Target.Example.org"])).records).toEqual(["target.example.org."]);
    expect(await digUntil("x.star.dyn.test", "CNAME", ["target.example.org."])).toEqual(["target.example.org."]);
    expect(await rejects(set("TXT", ["hello"]))).toEqual({
      code: "VALIDATION", field: "type", message: "*.star.dyn.test is a CNAME; remove it before adding TXT records.",
    });
    await set("CNAME", []);
    await set("TXT", ["hello"]);
    expect(await rejects(set("CNAME", ["t.example.org."]))).toEqual({
      code: "VALIDATION", field: "type", message: "*.star.dyn.test has TXT records; a CNAME cannot sit beside other records. Remove them first.",
    });
    expect(await rejects(set("A", ["192.0.2.1"], 10))).toEqual({ code: "VALIDATION", field: "ttl", message: "The TTL must be a whole number from 30 to 86400 seconds." });
    await set("TXT", []);
  });

  it("refuses the wildcard without the plan feature (not for the operator), unknown names, and non-TXT at _acme-challenge", async () => {
    expect(await rejects(setRecords({ fqdn: "plain.dyn.test", name: "*", type: "A", values: ["192.0.2.1"], actor: free, client: t.db }))).toEqual({
      code: "PLAN_LIMIT", field: "name", message: "Your plan does not include wildcard records (*.plain.dyn.test).",
    });
    expect(await t.db.rRset.count({ where: { name: "*.plain.dyn.test" } })).toBe(0);
    const bad = { code: "VALIDATION", field: "name", message: 'The name must be "@" (the host itself), "*" (its wildcard) or "_acme-challenge".' };
    for (const name of ["www", "*.plain", "", "@.", "_ACME-CHALLENGE"]) {
      expect(await rejects(setRecords({ fqdn: "plain.dyn.test", name, type: "A", values: ["192.0.2.1"], actor: free, client: t.db }))).toEqual(bad);
    }
    expect(await rejects(setRecords({ fqdn: "plain.dyn.test", name: "_acme-challenge", type: "A", values: ["192.0.2.1"], actor: free, client: t.db }))).toEqual({
      code: "VALIDATION", field: "type", message: "Only TXT records can be set at _acme-challenge.",
    });
    // Another user's host: the same 404 at any name.
    expect(await rejects(setRecords({ fqdn: "star.dyn.test", name: "*", type: "A", values: ["192.0.2.1"], actor: free, client: t.db }))).toEqual({
      code: "NOT_FOUND", message: "Host not found.",
    });
    // The operator is not bound by the owner's plan; the owner may still remove what the plan no longer covers.
    const byAdmin = await setRecords({ fqdn: "plain.dyn.test", name: "*", type: "A", values: ["192.0.2.44"], actor: admin, client: t.db });
    expect(byAdmin.owner).toBe("*.plain.dyn.test");
    expect(await digUntil("any.plain.dyn.test", "A", ["192.0.2.44"])).toEqual(["192.0.2.44"]);
    expect((await setRecords({ fqdn: "plain.dyn.test", name: "*", type: "A", values: [], actor: free, client: t.db })).changed).toBe(true);
    expect(await digUntil("any.plain.dyn.test", "A", [])).toEqual([]);
  });

  it("sets the ACME challenge TXT at _acme-challenge.fqdn", async () => {
    const r = await setRecords({ fqdn: "plain.dyn.test", name: "_acme-challenge", type: "txt", values: ["dns-01-token"], actor: free, client: t.db });
    expect([r.owner, r.records]).toEqual(["_acme-challenge.plain.dyn.test", ['"dns-01-token"']]);
    expect(await digUntil("_acme-challenge.plain.dyn.test", "TXT", ['"dns-01-token"'])).toEqual(['"dns-01-token"']);
  });
});
