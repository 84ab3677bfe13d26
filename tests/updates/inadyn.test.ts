// The real inadyn (Debian, unmodified) against the whole running service, through a reverse
// proxy that sets X-Forwarded-For (TRUSTED_PROXIES=127.0.0.1) so checkip answers a public test
// address: what inadyn logs it understood, the database, and `dig` against the service's DNS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInadyn } from "./fixtures/inadyn";
import { startXffProxy, type XffProxy } from "./fixtures/xff-proxy";
import { digUntil, lastEvent, seedHost, seedKey, seedUser, startFixture, type Fixture } from "./service-fixture";

let f: Fixture;
let proxy: XffProxy;
let key: string;
const DYNDNS2 = "/nic/update?hostname=%h&myip=%i";

beforeAll(async () => {
  f = await startFixture({ TRUSTED_PROXIES: "127.0.0.1" });
  proxy = await startXffProxy(f.port, "203.0.113.50");
  const owner = await seedUser(f.db, "inadyn@example.test", "inadyn account passphrase");
  for (const name of ["in1.dyn.test", "in2.dyn.test", "in3.dyn.test", "duck.dyn.test"]) await seedHost(f.db, owner.id, name);
  await f.db.host.update({ where: { fqdn: "in3.dyn.test" }, data: { status: "SUSPENDED" } });
  key = await seedKey(f.db, { ownerId: owner.id });
});
afterAll(async () => {
  await proxy?.close();
  await f?.stop();
});

const aRecords = async (name: string) => (await f.db.rRset.findUnique({ where: { name_type: { name, type: "A" } } }))?.records ?? null;
const run = (hosts: string[], opts: { password?: string; path?: string; force?: boolean } = {}) =>
  runInadyn({ port: proxy.port, username: "inadyn", password: opts.password ?? key, hosts, path: opts.path ?? DYNDNS2, force: opts.force });

describe("inadyn 2.10 (custom provider)", { timeout: 120_000 }, () => {
  it("reads checkip, updates two hosts (one request each), DNS answers", async () => {
    const r = await run(["in1.dyn.test", "in2.dyn.test"]);
    expect(r.output).toContain("Current IP# 203.0.113.50 at custom");
    expect(r.output).toContain("GET /nic/update?hostname=in1.dyn.test&myip=203.0.113.50 HTTP/1.0");
    expect(r.output).toContain("Successful alias table update for in1.dyn.test => new IP# 203.0.113.50");
    expect(r.output).toContain("Successful alias table update for in2.dyn.test => new IP# 203.0.113.50");
    expect(r.status).toBe(0);
    expect([await aRecords("in1.dyn.test"), await aRecords("in2.dyn.test")]).toEqual([["203.0.113.50"], ["203.0.113.50"]]);
    expect(await digUntil(f.svc.dnsPort, "in1.dyn.test", "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);
    expect(await digUntil(f.svc.dnsPort, "in2.dyn.test", "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);
  });

  it("a forced second run gets nochg, which inadyn counts as success", async () => {
    const before = await f.db.rRset.findUniqueOrThrow({ where: { name_type: { name: "in1.dyn.test", type: "A" } } });
    const r = await run(["in1.dyn.test"], { force: true });
    expect(r.output).toContain("Successful alias table update for in1.dyn.test => new IP# 203.0.113.50");
    const after = await f.db.rRset.findUniqueOrThrow({ where: { name_type: { name: "in1.dyn.test", type: "A" } } });
    expect(after.version).toBe(before.version);
    const last = await lastEvent(f.db, "in1.dyn.test", { result: "nochg" });
    expect([last?.result, last?.userAgent]).toEqual(["nochg", "inadyn/2.10.0 https://github.com/troglobit/inadyn/issues"]);
  });

  it("sends an empty myip when checkip says a loopback address; that never wipes the record", async () => {
    proxy.setAddress("127.0.0.1");
    try {
      const r = await run(["in2.dyn.test"], { force: true });
      expect(r.output).toContain("GET /nic/update?hostname=in2.dyn.test&myip= HTTP/1.0");
      expect(r.output).toContain("Successful alias table update for in2.dyn.test");
      expect(await aRecords("in2.dyn.test")).toEqual(["127.0.0.1"]); // the connection's address, as if myip were absent
    } finally {
      proxy.setAddress("203.0.113.50");
    }
  });

  it("a suspended host answers abuse; its DNS data does not change", async () => {
    const r = await run(["in3.dyn.test"]);
    expect(r.output).toContain("[200 OK] abuse");
    expect(r.output).toContain("Error code 48: DDNS server response not OK");
    expect(await aRecords("in3.dyn.test")).toBeNull();
  });

  it("a wrong key answers badauth", async () => {
    const r = await run(["in1.dyn.test"], { password: `dhk_${"y".repeat(43)}` });
    expect(r.output).toContain("[200 OK] badauth");
    expect(r.status).not.toBe(0);
  });

  it("DuckDNS-style path through the custom provider: OK and KO", async () => {
    const path = "/update?domains=%h&token=%p&ip=%i";
    const ok = await run(["duck"], { path });
    expect(ok.output).toContain("Successful alias table update for duck => new IP# 203.0.113.50");
    expect(await digUntil(f.svc.dnsPort, "duck.dyn.test", "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);
    const ko = await run(["duck"], { path, password: "wrong-token" });
    expect(ko.output).toContain("[200 OK] KO");
    const ev = await lastEvent(f.db, "duck.dyn.test", { protocol: "duckdns", result: "good" });
    expect(JSON.stringify(ev?.params)).not.toContain(key);
    expect((ev?.params as Record<string, string>).token).toBe("[redacted]");
  });

  it("the service logged no failure on the update path", () => {
    expect(f.updateLog()).toEqual([]);
  });
});
