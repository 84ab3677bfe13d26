// Update policy against a real PostgreSQL: per-host rate limit (429 + Retry-After), nochg storms
// → user-resettable client blocks, User-Agent policy, plan features, key scope, and our own
// backend failures answering 911 without costing the user anything.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, setDb } from "@/lib/db";
import { revokeUpdateKey } from "@/lib/keys/revoke-update-key";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { setAgentPolicy } from "@/lib/updates/policy/agent-policy-admin";
import { liftClientBlock } from "@/lib/updates/policy/lift-client-block";
import { listClientBlocks } from "@/lib/updates/policy/list-client-blocks";
import { basic, call, configure, events, records, seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";

let t: TestDatabase;
let zone: { id: string; name: string };
let plus: Awaited<ReturnType<typeof seedAccount>>;
let free: Awaited<ReturnType<typeof seedAccount>>;
let plusKey: string;
let freeKey: string;

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  zone = await t.db.zone.create({ data: { name: "dyn.test" } });
  plus = await seedAccount(t.db, { planId: "plus" });
  free = await seedAccount(t.db, { planId: "free" });
  for (const l of ["p1", "p2", "p3"]) await seedHost(t.db, zone, plus.id, l);
  await seedHost(t.db, zone, free.id, "f1");
  plusKey = (await seedKey(t.db, { ownerId: plus.id, recordTypes: ["A", "AAAA", "TXT", "MX"] })).secret;
  freeKey = (await seedKey(t.db, { ownerId: free.id, recordTypes: ["A", "AAAA", "TXT"] })).secret;
});
afterAll(async () => {
  await drainUpdateEvents();
  await t?.drop();
});
beforeEach(async () => {
  configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", AGENT_THROTTLE_BURST: "5" });
  await t.db.rRset.deleteMany();
  await t.db.agentPolicy.deleteMany();
  await t.db.clientBlock.deleteMany();
});

const up = (qs: string, key = plusKey, extra: Parameters<typeof call>[1] = {}) => call(`/nic/update?${qs}`, { auth: basic("x", key), ...extra });

describe("per-host rate limit", () => {
  it("allows the burst, then answers 429 abuse with Retry-After; nochg is never limited", async () => {
    configure({ UPDATE_HOST_BURST: "2", UPDATE_HOST_REFILL_S: "60", NOCHG_BLOCK_THRESHOLD: "0" });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.1")).body).toBe("good 203.0.113.1");
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.2")).body).toBe("good 203.0.113.2");
    const r = await up("hostname=p1.dyn.test&myip=203.0.113.3");
    expect([r.status, r.body]).toEqual([429, "abuse"]);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(55);
    expect(Number(r.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await records(t.db, "p1.dyn.test", "A")).toEqual(["203.0.113.2"]);
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.2")).body).toBe("nochg 203.0.113.2");
    const mixed = await up("hostname=p1.dyn.test,p2.dyn.test&myip=203.0.113.4");
    expect([mixed.status, mixed.body]).toEqual([200, "abuse\ngood 203.0.113.4"]);
    expect(Number(mixed.headers.get("retry-after"))).toBeGreaterThanOrEqual(50);
  });

  it("our own database failure answers 911 with Retry-After and spends no token", async () => {
    configure({ UPDATE_HOST_BURST: "1", UPDATE_HOST_REFILL_S: "3600", NOCHG_BLOCK_THRESHOLD: "0" });
    expect((await up("hostname=p3.dyn.test&myip=203.0.113.9")).body).toBe("good 203.0.113.9");
    configure({ UPDATE_HOST_BURST: "1", UPDATE_HOST_REFILL_S: "3600", NOCHG_BLOCK_THRESHOLD: "0" }); // a full bucket: one change left
    expect((await up("hostname=p3.dyn.test&myip=203.0.113.9")).body).toBe("nochg 203.0.113.9"); // warms the key cache
    const broken = createDb("postgresql://postgres@127.0.0.1:1/none", 1);
    setDb(broken);
    try {
      const r = await up("hostname=p3.dyn.test&myip=203.0.113.10");
      expect([r.status, r.body, r.headers.get("retry-after")]).toEqual([200, "911", "30"]);
    } finally {
      setDb(t.db);
      await broken.$disconnect();
    }
    expect((await up("hostname=p3.dyn.test&myip=203.0.113.10")).body).toBe("good 203.0.113.10");
  });
});

describe("nochg storms", () => {
  it("block the credential after the threshold; the owner lifts the block", async () => {
    configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "3", NOCHG_WINDOW_S: "3600", NOCHG_BLOCK_S: "600" });
    expect((await up("hostname=p2.dyn.test&myip=203.0.113.20")).body).toBe("good 203.0.113.20");
    for (let i = 0; i < 4; i++) expect((await up("hostname=p2.dyn.test&myip=203.0.113.20")).body).toBe("nochg 203.0.113.20");
    const blocked = await up("hostname=p2.dyn.test&myip=203.0.113.21");
    expect([blocked.status, blocked.body]).toEqual([200, "abuse"]);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(590);
    expect(await records(t.db, "p2.dyn.test", "A")).toEqual(["203.0.113.20"]);
    // The block is recorded off the response path: the answer above came from this process's memory.
    let blocks = await listClientBlocks(t.db, { userId: plus.id });
    for (const until = Date.now() + 5000; blocks.length === 0 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 20));
      blocks = await listClientBlocks(t.db, { userId: plus.id });
    }
    expect(blocks.map((b) => [b.reason, b.nochgCount, b.active])).toEqual([["nochg_storm", 4, true]]);
    await expect(liftClientBlock(t.db, { id: blocks[0]!.id, userId: free.id })).rejects.toThrow("No such block.");
    await expect(liftClientBlock(t.db, { id: "not-a-block", userId: plus.id })).rejects.toThrow("No such block.");
    await liftClientBlock(t.db, { id: blocks[0]!.id, userId: plus.id, ip: "192.0.2.44" });
    expect((await up("hostname=p2.dyn.test&myip=203.0.113.21")).body).toBe("good 203.0.113.21");
    const audit = await t.db.auditLog.findMany({ where: { action: "client_block.lift", targetId: blocks[0]!.id }, select: { actorId: true, ip: true, before: true } });
    expect(audit).toEqual([{ actorId: plus.id, ip: "192.0.2.44", before: { credential: blocks[0]!.credential, reason: "nochg_storm", expiresAt: blocks[0]!.expiresAt.toISOString() } }]);
    const rows = await events(t.db);
    expect(rows.filter((e) => e.reason === "client_blocked").length).toBe(1);
  });
});

describe("User-Agent policy", () => {
  it("BLOCK answers badagent; missing agents are throttled to a budget; ALLOW rules override", async () => {
    await setAgentPolicy(t.db, { pattern: "EvilRouter/*", action: "BLOCK" });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.30", plusKey, { ua: "evilrouter/2.0" })).body).toBe("badagent");
    configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", AGENT_THROTTLE_BURST: "2", AGENT_THROTTLE_REFILL_S: "120" });
    for (let i = 0; i < 2; i++) expect((await up("hostname=p1.dyn.test&myip=203.0.113.31", plusKey, { ua: null })).status).toBe(200);
    const logged = (await events(t.db)).filter((e) => e.userAgent === null).map((e) => [e.result, e.reason]);
    expect(logged.slice(-2)).toEqual([["good", "agent_missing"], ["nochg", "agent_missing"]]);
    const r = await up("hostname=p1.dyn.test&myip=203.0.113.31", plusKey, { ua: null });
    expect([r.status, r.body]).toEqual([429, "abuse"]);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(100);
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.31", plusKey, { ua: "ddclient/3.10.0" })).body).toBe("nochg 203.0.113.31");
    await expect(setAgentPolicy(t.db, { pattern: "", action: "ALLOW" })).rejects.toThrow(/pattern/);
    await setAgentPolicy(t.db, { pattern: "*", action: "allow" });
    configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", AGENT_THROTTLE_BURST: "0" });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.31", plusKey, { ua: "evilrouter/2.0" })).body).toBe("badagent");
  });
});

describe("plan features and key scope", () => {
  it("offline needs the plan feature (else !donator) and removes the addresses", async () => {
    expect((await up("hostname=f1.dyn.test&myip=203.0.113.40&offline=YES", freeKey)).body).toBe("!donator");
    await up("hostname=p1.dyn.test&myip=203.0.113.40,2001:db8::40");
    expect((await up("hostname=p1.dyn.test&offline=YES")).body).toBe("good");
    expect([await records(t.db, "p1.dyn.test", "A"), await records(t.db, "p1.dyn.test", "AAAA")]).toEqual([[], []]);
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.41&offline=NO")).body).toBe("good 203.0.113.41");
  });

  it("txt= sets and clears _acme-challenge TXT only, when the key allows TXT", async () => {
    await up("hostname=p1.dyn.test&myip=203.0.113.50");
    expect((await up("hostname=p1.dyn.test&txt=abc-DEF_123", plusKey, { ip: "198.51.100.99" })).body).toBe("good 203.0.113.50");
    expect(await records(t.db, "_acme-challenge.p1.dyn.test", "TXT")).toEqual(['"abc-DEF_123"']);
    expect(await records(t.db, "p1.dyn.test", "A")).toEqual(["203.0.113.50"]);
    expect((await up("hostname=p1.dyn.test&txt=")).body).toBe("good 203.0.113.50");
    expect(await records(t.db, "_acme-challenge.p1.dyn.test", "TXT")).toEqual([]);
    const aOnly = (await seedKey(t.db, { ownerId: plus.id })).secret;
    expect((await up("hostname=p1.dyn.test&txt=x", aOnly)).body).toBe("badauth");
  });

  it("wildcard=ON mirrors the addresses at *.host (plan feature); mx sets an MX", async () => {
    expect((await up("hostname=p2.dyn.test&myip=203.0.113.60&wildcard=ON&mx=mail.example.org&backmx=NO")).body).toBe("good 203.0.113.60");
    expect(await records(t.db, "*.p2.dyn.test", "A")).toEqual(["203.0.113.60"]);
    expect(await records(t.db, "p2.dyn.test", "MX")).toEqual(["10 mail.example.org."]);
    expect((await up("hostname=p2.dyn.test&myip=203.0.113.61")).body).toBe("good 203.0.113.61");
    expect(await records(t.db, "*.p2.dyn.test", "A")).toEqual(["203.0.113.61"]);
    await up("hostname=p2.dyn.test&wildcard=OFF&myip=203.0.113.61&mx=");
    expect(await records(t.db, "*.p2.dyn.test", "A")).toEqual([]);
    expect(await records(t.db, "p2.dyn.test", "MX")).toEqual(["10 mail.example.org."]); // an empty mx= (pfSense) changes nothing
    await t.db.rRset.update({ where: { name_type: { name: "*.p2.dyn.test", type: "A" } }, data: { records: ["192.0.2.99"] } }); // set in the dashboard
    expect((await up("hostname=p2.dyn.test&myip=203.0.113.62&wildcard=OFF&mx=NO")).body).toBe("good 203.0.113.62");
    expect(await records(t.db, "*.p2.dyn.test", "A")).toEqual(["192.0.2.99"]); // not a mirror: left alone
    expect(await records(t.db, "p2.dyn.test", "MX")).toEqual([]);
    expect((await up("hostname=f1.dyn.test&myip=203.0.113.62&wildcard=ON", freeKey)).body).toBe("good 203.0.113.62");
    expect(await records(t.db, "*.f1.dyn.test", "A")).toBeNull();
  });

  it("allowed CIDRs, expiry and revocation", async () => {
    const k = await seedKey(t.db, { ownerId: plus.id, allowedCidrs: ["198.51.100.0/24"] });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.70", k.secret, { ip: "198.51.100.5" })).body).toBe("good 203.0.113.70");
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.70", k.secret, { ip: "192.0.2.5" })).body).toBe("badauth");
    await revokeUpdateKey(t.db, { id: k.id, ownerId: plus.id });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.70", k.secret, { ip: "198.51.100.5" })).body).toBe("badauth");
    const soon = await seedKey(t.db, { ownerId: plus.id, expiresAt: new Date(Date.now() + 300) });
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.70", soon.secret)).body).toBe("nochg 203.0.113.70");
    await new Promise((r) => setTimeout(r, 350));
    expect((await up("hostname=p1.dyn.test&myip=203.0.113.70", soon.secret)).body).toBe("badauth");
  });
});
