// dyndns2 end to end through the router against a real PostgreSQL: answers, database rows,
// outbox rows, UpdateEvents and redaction.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { basic, call, configure, events, records, seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";

let t: TestDatabase;
let zone: { id: string; name: string };
let alice: Awaited<ReturnType<typeof seedAccount>>;
let bob: Awaited<ReturnType<typeof seedAccount>>;
let hostKey: string;
let accountKey: string;

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  zone = await t.db.zone.create({ data: { name: "dyn.test" } });
  alice = await seedAccount(t.db, { planId: "plus" });
  bob = await seedAccount(t.db, { planId: "free" });
  const a = await seedHost(t.db, zone, alice.id, "a");
  await seedHost(t.db, zone, alice.id, "b");
  await seedHost(t.db, zone, bob.id, "x");
  for (const s of ["SUSPENDED", "FROZEN", "SINKHOLED", "EXPIRED"] as const) await seedHost(t.db, zone, alice.id, s.toLowerCase(), s);
  hostKey = (await seedKey(t.db, { ownerId: alice.id, hostId: a.id })).secret;
  accountKey = (await seedKey(t.db, { ownerId: alice.id, recordTypes: ["A", "AAAA", "TXT", "MX"] })).secret;
});
afterAll(async () => {
  await drainUpdateEvents();
  await t?.drop();
});
beforeEach(async () => {
  configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0" });
  await t.db.rRset.deleteMany();
  await t.db.dnsOutbox.deleteMany();
});

const get = (qs: string, auth = basic("a.dyn.test", hostKey), extra: Parameters<typeof call>[1] = {}) => call(`/nic/update?${qs}`, { auth, ...extra });

describe("answers", () => {
  it("401 with WWW-Authenticate and body badauth when no credentials are sent", async () => {
    const r = await call("/nic/update?hostname=a.dyn.test&myip=203.0.113.5");
    expect([r.status, r.body, r.headers.get("www-authenticate")]).toEqual([401, "badauth", 'Basic realm="dynhost"']);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(r.headers.get("content-length")).toBe("7");
  });

  it("good with the address, then nochg; writes the rrset and one outbox row", async () => {
    const r = await get("system=dyndns&hostname=a.dyn.test&myip=203.0.113.5");
    expect([r.status, r.body]).toEqual([200, "good 203.0.113.5"]);
    expect(await records(t.db, "a.dyn.test", "A")).toEqual(["203.0.113.5"]);
    expect(await t.db.dnsOutbox.count({ where: { name: "a.dyn.test", type: "A" } })).toBe(1);
    expect((await get("hostname=a.dyn.test&myip=203.0.113.5")).body).toBe("nochg 203.0.113.5");
    expect(await t.db.dnsOutbox.count()).toBe(1);
    await events(t.db); // lastUpdateAt / lastSeenAt are written with the UpdateEvents, off the response path
    const host = await t.db.host.findUniqueOrThrow({ where: { fqdn: "a.dyn.test" } });
    expect([host.lastUpdateAt instanceof Date, host.lastSeenAt instanceof Date]).toEqual([true, true]);
  });

  it("myip v4,v6 in either order sets both and echoes v4,v6", async () => {
    expect((await get("hostname=a.dyn.test&myip=2001:db8::5,203.0.113.6")).body).toBe("good 203.0.113.6,2001:db8::5");
    expect(await records(t.db, "a.dyn.test", "AAAA")).toEqual(["2001:db8::5"]);
  });

  it("missing or empty myip uses the connection address for that family only", async () => {
    await get("hostname=a.dyn.test&myip=203.0.113.7");
    expect((await get("hostname=a.dyn.test", undefined, { ip: "2001:db8::77" })).body).toBe("good 203.0.113.7,2001:db8::77");
    expect((await get("hostname=a.dyn.test&myip=", undefined, { ip: "2001:db8::77" })).body).toBe("nochg 203.0.113.7,2001:db8::77");
    expect((await get("hostname=a.dyn.test&myip=", undefined, { ip: "198.51.100.9" })).body).toBe("good 198.51.100.9,2001:db8::77");
  });

  it("empty myipv4= deletes the family, preserve keeps it, placeholders are ignored", async () => {
    await get("hostname=a.dyn.test&myip=203.0.113.7,2001:db8::7");
    expect((await get("hostname=a.dyn.test&myipv4=&myipv6=preserve")).body).toBe("good 2001:db8::7");
    expect(await records(t.db, "a.dyn.test", "A")).toEqual([]); // deleted (kept empty until published)
    expect((await get("hostname=a.dyn.test&myip=<ipaddr>,<ip6addr>", undefined, { ip: "2001:db8::7" })).body).toBe("nochg 2001:db8::7");
  });

  it("IPv6 prefix updates keep the interface identifier", async () => {
    await get("hostname=a.dyn.test&myipv4=preserve&myipv6=2001:db8:ffff::a:b:c:d");
    expect((await get("hostname=a.dyn.test&myipv4=preserve&myipv6=2001:db8:1::/64")).body).toBe("good 2001:db8:1:0:a:b:c:d");
    expect((await get("hostname=a.dyn.test&myipv6=2001:db8:2::/48")).body).toBe("good 198.51.100.10,2001:db8:2:0:a:b:c:d");
  });

  it("one line per host in request order; errors per host", async () => {
    const r = await get("hostname=a.dyn.test,x.dyn.test,bad..name,b.dyn.test,nope.dyn.test&myip=203.0.113.8", basic("x", accountKey));
    expect(r.body).toBe(["good 203.0.113.8", "nohost", "notfqdn", "good 203.0.113.8", "nohost"].join("\n"));
    expect(await records(t.db, "x.dyn.test", "A")).toBeNull();
  });

  it("numhost above 20 hosts, notfqdn without hostname, badauth once for bad credentials", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `h${i}.dyn.test`).join(",");
    expect((await get(`hostname=${many}&myip=203.0.113.9`)).body).toBe("numhost");
    expect((await get("myip=203.0.113.9")).body).toBe("notfqdn");
    const bad = await get("hostname=a.dyn.test,b.dyn.test&myip=203.0.113.9", basic("a.dyn.test", "dhk_" + "A".repeat(43)));
    expect([bad.status, bad.body]).toEqual([200, "badauth"]);
  });

  it("a per-host key cannot update another host", async () => {
    expect((await get("hostname=b.dyn.test&myip=203.0.113.10")).body).toBe("nohost");
  });

  it("suspended, frozen and sinkholed hosts answer abuse and DNS does not change; expired is nohost", async () => {
    const r = await get("hostname=suspended.dyn.test,frozen.dyn.test,sinkholed.dyn.test,expired.dyn.test&myip=203.0.113.11", basic("x", accountKey));
    expect(r.body).toBe("abuse\nabuse\nabuse\nnohost");
    expect(await t.db.rRset.count()).toBe(0);
    expect(await t.db.dnsOutbox.count()).toBe(0);
  });

  it("account email + password over Basic auth; a wrong password is badauth", async () => {
    expect((await get("hostname=b.dyn.test&myip=203.0.113.12", basic(alice.email, alice.password))).body).toBe("good 203.0.113.12");
    // Remembered: the stored hash is not consulted again (changed behind the cache's back).
    await t.db.user.update({ where: { id: alice.id }, data: { passwordHash: await hash("another passphrase") } });
    expect((await get("hostname=b.dyn.test&myip=203.0.113.12", basic(alice.email.toUpperCase(), alice.password))).body).toBe("nochg 203.0.113.12");
    await t.db.user.update({ where: { id: alice.id }, data: { passwordHash: await hash(alice.password) } });
    expect((await get("hostname=b.dyn.test&myip=203.0.113.13", basic(alice.email, "wrong"))).body).toBe("badauth");
  });

  it("the account password is refused for unconfirmed, two-factor and staff accounts (they need an update key)", async () => {
    const unconfirmed = await seedAccount(t.db);
    await t.db.user.update({ where: { id: unconfirmed.id }, data: { emailVerifiedAt: null } });
    const withTotp = await seedAccount(t.db);
    await t.db.user.update({ where: { id: withTotp.id }, data: { totpEnabledAt: new Date(), totpSecret: "JBSWY3DPEHPK3PXP" } });
    const staff = await seedAccount(t.db);
    await t.db.user.update({ where: { id: staff.id }, data: { role: "ADMIN" } });
    for (const u of [unconfirmed, withTotp, staff]) {
      expect((await get("hostname=b.dyn.test&myip=203.0.113.12", basic(u.email, u.password))).body).toBe("badauth");
    }
  });

  it("legacy username/password in the query work and are redacted from UpdateEvents", async () => {
    await events(t.db);
    await t.db.updateEvent.deleteMany();
    const r = await call(`/nic/update?username=${encodeURIComponent(alice.email)}&password=${encodeURIComponent(alice.password)}&hostname=b.dyn.test&myip=203.0.113.14`);
    expect(r.body).toBe("good 203.0.113.14");
    await get(`hostname=a.dyn.test&myip=203.0.113.14&junk=${hostKey}`);
    const rows = await events(t.db);
    expect(rows.map((e) => [e.fqdn, e.result])).toEqual([["b.dyn.test", "good"], ["a.dyn.test", "good"]]);
    expect(rows[0]!.params).toMatchObject({ username: alice.email, password: "[redacted]", hostname: "b.dyn.test" });
    const all = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toContain(alice.password);
    expect(all).not.toContain(hostKey);
    expect(rows[1]!.keyId).not.toBeNull();
    expect(rows[1]!.sourceIp).toBe("198.51.100.10");
  });

  it("POST with a form body, /v3/update and a trailing slash are the same protocol; nothing redirects", async () => {
    const r = await call("/nic/update", { method: "POST", auth: basic("a", hostKey), body: "hostname=a.dyn.test&myip=203.0.113.15", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(r.body).toBe("good 203.0.113.15");
    expect((await get("hostname=a.dyn.test&myip=203.0.113.15").then(() => call("/v3/update?hostname=a.dyn.test&myip=203.0.113.15", { auth: basic("a", hostKey) }))).body).toBe("nochg 203.0.113.15");
    expect((await call("/nic/update/?hostname=a.dyn.test&myip=203.0.113.15", { auth: basic("a", hostKey) })).status).toBe(200);
  });
});
