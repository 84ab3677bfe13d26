// The real ddclient (Debian, unmodified) against the whole running service: what ddclient logs
// it understood, what the database holds, and what the service's DNS answers (dig).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDdclient } from "./fixtures/ddclient";
import { digUntil, seedHost, seedKey, seedUser, startFixture, type Fixture } from "./service-fixture";

let f: Fixture;
let owner: { id: string; email: string };
const PASSWORD = "ddclient account passphrase";
let h1Key: string;
let accountKey: string;

beforeAll(async () => {
  f = await startFixture();
  owner = await seedUser(f.db, "ddclient@example.test", PASSWORD);
  const h1 = await seedHost(f.db, owner.id, "dd1.dyn.test");
  for (const name of ["dd2.dyn.test", "dd3.dyn.test", "dd4.dyn.test", "dd5.dyn.test"]) await seedHost(f.db, owner.id, name);
  h1Key = await seedKey(f.db, { ownerId: owner.id, hostId: h1.id });
  accountKey = await seedKey(f.db, { ownerId: owner.id });
});
afterAll(async () => f?.stop());

const aRecords = async (name: string) => (await f.db.rRset.findUnique({ where: { name_type: { name, type: "A" } } }))?.records ?? null;

describe("ddclient 3.10 (protocol=dyndns2)", { timeout: 90_000 }, () => {
  it("updates a host with its per-host key: SUCCESS, database, DNS", async () => {
    const r = runDdclient({ port: f.port, login: "dd1.dyn.test", password: h1Key, hosts: ["dd1.dyn.test"], ip: "203.0.113.10" });
    expect(r.request).toBe("GET /nic/update?system=dyndns&hostname=dd1.dyn.test&myip=203.0.113.10 HTTP/1.1");
    expect(r.output).toMatch(/SUCCESS:\s+updating dd1\.dyn\.test: good: IP address set to 203\.0\.113\.10/);
    expect(r.output).toMatch(/RECEIVE:\s+content-length: 17/i);
    expect(await aRecords("dd1.dyn.test")).toEqual(["203.0.113.10"]);
    expect(await digUntil(f.svc.dnsPort, "dd1.dyn.test", "A", ["203.0.113.10"])).toEqual(["203.0.113.10"]);
  });

  it("answers nochg on a second run with the same address, and ddclient accepts it", async () => {
    const before = await f.db.rRset.findUniqueOrThrow({ where: { name_type: { name: "dd1.dyn.test", type: "A" } } });
    const r = runDdclient({ port: f.port, login: "dd1.dyn.test", password: h1Key, hosts: ["dd1.dyn.test"], ip: "203.0.113.10", force: true });
    expect(r.output).toMatch(/WARNING:\s+updating dd1\.dyn\.test: nochg: No update required/);
    expect(r.output).toMatch(/RECEIVE:\s+nochg 203\.0\.113\.10/);
    const after = await f.db.rRset.findUniqueOrThrow({ where: { name_type: { name: "dd1.dyn.test", type: "A" } } });
    expect([after.records, after.version]).toEqual([["203.0.113.10"], before.version]); // nothing written, nothing to publish
  });

  it("sends two hosts in one request with an account key; one line each", async () => {
    const r = runDdclient({ port: f.port, login: owner.email, password: accountKey, hosts: ["dd2.dyn.test", "dd3.dyn.test"], ip: "203.0.113.20" });
    expect(r.request).toBe("GET /nic/update?system=dyndns&hostname=dd2.dyn.test,dd3.dyn.test&myip=203.0.113.20 HTTP/1.1");
    expect(r.output).toMatch(/SUCCESS:\s+updating dd2\.dyn\.test: good: IP address set to 203\.0\.113\.20/);
    expect(r.output).toMatch(/SUCCESS:\s+updating dd3\.dyn\.test: good: IP address set to 203\.0\.113\.20/);
    expect(await digUntil(f.svc.dnsPort, "dd2.dyn.test", "A", ["203.0.113.20"])).toEqual(["203.0.113.20"]);
    expect(await digUntil(f.svc.dnsPort, "dd3.dyn.test", "A", ["203.0.113.20"])).toEqual(["203.0.113.20"]);
  });

  it("works with the account email and password (argon2id checked once)", async () => {
    const r = runDdclient({ port: f.port, login: owner.email, password: PASSWORD, hosts: ["dd5.dyn.test"], ip: "203.0.113.50" });
    expect(r.output).toMatch(/SUCCESS:\s+updating dd5\.dyn\.test: good: IP address set to 203\.0\.113\.50/);
    expect(await digUntil(f.svc.dnsPort, "dd5.dyn.test", "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);
  });

  it("a suspended host answers abuse and its DNS data does not change", async () => {
    const host = await f.db.host.update({ where: { fqdn: "dd4.dyn.test" }, data: { status: "SUSPENDED" } });
    const r = runDdclient({ port: f.port, login: owner.email, password: accountKey, hosts: ["dd4.dyn.test"], ip: "203.0.113.40" });
    expect(r.output).toMatch(/FAILED:\s+updating dd4\.dyn\.test: abuse: The hostname specified is blocked for abuse/);
    expect(await f.db.rRset.count({ where: { hostId: host.id } })).toBe(0);
    expect(await f.db.dnsOutbox.count({ where: { name: "dd4.dyn.test" } })).toBe(0);
  });

  it("a wrong key answers badauth", async () => {
    const r = runDdclient({ port: f.port, login: "dd1.dyn.test", password: `dhk_${"x".repeat(43)}`, hosts: ["dd1.dyn.test"], ip: "203.0.113.11" });
    expect(r.output).toMatch(/FAILED:\s+updating dd1\.dyn\.test: badauth: Bad authorization \(username or password\)/);
    expect(await aRecords("dd1.dyn.test")).toEqual(["203.0.113.10"]);
  });

  it("the service logged no failure on the update path", () => {
    expect(f.updateLog()).toEqual([]);
  });
});
