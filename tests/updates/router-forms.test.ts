// The URL forms of routers that cannot be installed here, reproduced with curl scripts
// (tests/updates/fixtures/*.sh) against the whole running service: Fritz!Box (no URL escaping,
// <ipaddr>/<ip6addr>, two URLs), pfSense (phpDynDNS; must never see a redirect), Synology
// (credentials in the query string, which must never be stored).
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRRsets } from "@/lib/dns/outbox/write-rrsets";
import { digUntil, lastEvent, seedHost, seedKey, seedUser, startFixture, type Fixture } from "./service-fixture";

let f: Fixture;
let fritzKey: string;
const EMAIL = "routers@example.test";
const PASSWORD = "Router-Passw0rd";
const fixtures = path.join(import.meta.dirname, "fixtures");

beforeAll(async () => {
  f = await startFixture({ TRUSTED_PROXIES: "127.0.0.1" });
  const owner = await seedUser(f.db, EMAIL, PASSWORD);
  const fritz = await seedHost(f.db, owner.id, "fritz.dyn.test");
  const pf = await seedHost(f.db, owner.id, "pf.dyn.test");
  await seedHost(f.db, owner.id, "syno.dyn.test");
  const zone = await f.db.zone.findUniqueOrThrow({ where: { name: "dyn.test" } });
  await f.db.$transaction((tx) =>
    writeRRsets(tx, { zoneId: zone.id, zoneName: zone.name, hostId: pf.id, rrsets: [{ name: "pf.dyn.test", type: "MX", ttl: 300, records: ["10 mail.example.org."] }] }),
  );
  fritzKey = await seedKey(f.db, { ownerId: owner.id, hostId: fritz.id });
});
afterAll(async () => f?.stop());

function sh(script: string, args: string[], xff: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path.join(fixtures, script), args, { env: { ...process.env, XFF: xff }, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${script} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

const records = async (name: string, type: "A" | "AAAA") => (await f.db.rRset.findUnique({ where: { name_type: { name, type } } }))?.records ?? null;

describe("router URL forms (curl)", { timeout: 90_000 }, () => {
  it("Fritz!Box: <ipaddr>,<ip6addr> unescaped in one URL", async () => {
    const url = `${f.svc.url}/nic/update?hostname=<domain>&myip=<ipaddr>,<ip6addr>`;
    const out = await sh("fritzbox.sh", [url, "fritz.dyn.test", fritzKey, "fritz.dyn.test", "203.0.113.60", "2001:db8::60"], "203.0.113.60");
    expect(out).toBe("good 203.0.113.60,2001:db8::60\n[200]\n");
    expect(await digUntil(f.svc.dnsPort, "fritz.dyn.test", "A", ["203.0.113.60"])).toEqual(["203.0.113.60"]);
    expect(await digUntil(f.svc.dnsPort, "fritz.dyn.test", "AAAA", ["2001:db8::60"])).toEqual(["2001:db8::60"]);
  });

  it("Fritz!Box without IPv6: the empty <ip6addr> leaves the AAAA alone", async () => {
    const url = `${f.svc.url}/nic/update?hostname=<domain>&myip=<ipaddr>,<ip6addr>`;
    const out = await sh("fritzbox.sh", [url, "fritz.dyn.test", fritzKey, "fritz.dyn.test", "203.0.113.61", ""], "203.0.113.61");
    expect(out).toBe("good 203.0.113.61,2001:db8::60\n[200]\n");
    expect([await records("fritz.dyn.test", "A"), await records("fritz.dyn.test", "AAAA")]).toEqual([["203.0.113.61"], ["2001:db8::60"]]);
  });

  it("Fritz!Box with two URLs (IPv4, then IPv6)", async () => {
    const urls = `${f.svc.url}/nic/update?hostname=<domain>&myip=<ipaddr> ${f.svc.url}/nic/update?hostname=<domain>&myipv6=<ip6addr>`;
    const out = await sh("fritzbox.sh", [urls, "fritz.dyn.test", fritzKey, "fritz.dyn.test", "203.0.113.62", "2001:db8::62"], "203.0.113.62");
    expect(out).toBe("good 203.0.113.62,2001:db8::60\n[200]\ngood 203.0.113.62,2001:db8::62\n[200]\n");
    expect(await digUntil(f.svc.dnsPort, "fritz.dyn.test", "AAAA", ["2001:db8::62"])).toEqual(["2001:db8::62"]);
  });

  it("pfSense (phpDynDNS): 200 with no redirect, empty mx= ignored", async () => {
    const out = await sh("pfsense.sh", [f.svc.url, EMAIL, PASSWORD, "pf.dyn.test", "203.0.113.70"], "203.0.113.70");
    expect(out).toBe("good 203.0.113.70\n[200][]\n");
    const ev = await lastEvent(f.db, "pf.dyn.test");
    expect(ev?.userAgent).toBe("User-Agent: phpDynDNS/0.7");
    expect(await digUntil(f.svc.dnsPort, "pf.dyn.test", "A", ["203.0.113.70"])).toEqual(["203.0.113.70"]);
    expect(await digUntil(f.svc.dnsPort, "pf.dyn.test", "MX", ["10 mail.example.org."])).toEqual(["10 mail.example.org."]);
  });

  it("Synology: credentials in the query string work and are never stored", async () => {
    const template = `${f.svc.url}/nic/update?hostname=__HOSTNAME__&myip=__MYIP__&username=__USERNAME__&password=__PASSWORD__`;
    const out = await sh("synology.sh", [template, EMAIL, PASSWORD, "syno.dyn.test", "203.0.113.80"], "203.0.113.80");
    expect(out).toBe("good 203.0.113.80\n[200]\n");
    expect(await digUntil(f.svc.dnsPort, "syno.dyn.test", "A", ["203.0.113.80"])).toEqual(["203.0.113.80"]);
    const ev = await lastEvent(f.db, "syno.dyn.test");
    expect(ev?.params).toMatchObject({ username: EMAIL, password: "[redacted]", hostname: "syno.dyn.test" });
    expect(ev?.sourceIp).toBe("203.0.113.80");
    const all = JSON.stringify(await f.db.updateEvent.findMany(), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(fritzKey);
  });

  it("the service logged no failure on the update path", () => {
    expect(f.updateLog()).toEqual([]);
  });
});
