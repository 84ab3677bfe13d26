// DuckDNS and checkip through the router against a real PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { call, configure, records, seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";

let t: TestDatabase;
let key: string;

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  const zone = await t.db.zone.create({ data: { name: "dyn.test" } });
  const other = await t.db.zone.create({ data: { name: "other.test" } });
  const u = await seedAccount(t.db);
  await seedHost(t.db, zone, u.id, "duck");
  await seedHost(t.db, zone, u.id, "goose");
  await seedHost(t.db, zone, u.id, "twin");
  await seedHost(t.db, other, u.id, "twin");
  key = (await seedKey(t.db, { ownerId: u.id, recordTypes: ["A", "AAAA", "TXT"] })).secret;
});
afterAll(async () => {
  await drainUpdateEvents();
  await t?.drop();
});
beforeEach(() => configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0" }));

describe("DuckDNS", () => {
  it("updates bare labels and FQDNs; OK, then verbose NOCHANGE", async () => {
    const r = await call(`/update?domains=duck,goose.dyn.test&token=${key}&ip=203.0.113.80`);
    expect([r.status, r.body, r.headers.get("content-length")]).toEqual([200, "OK", "2"]);
    expect(await records(t.db, "goose.dyn.test", "A")).toEqual(["203.0.113.80"]);
    const v = await call(`/update?domains=duck&token=${key}&ip=203.0.113.80&verbose=true`);
    expect(v.body).toBe("OK\n203.0.113.80\n\nNOCHANGE");
  });

  it("detects the address from the connection, sets ipv6, clears", async () => {
    expect((await call(`/update?domains=duck&token=${key}&ipv6=2001:db8::80&verbose=true`, { ip: "198.51.100.80" })).body).toBe("OK\n198.51.100.80\n2001:db8::80\nUPDATED");
    expect((await call(`/update?domains=duck&token=${key}&clear=true`)).body).toBe("OK");
    expect([await records(t.db, "duck.dyn.test", "A"), await records(t.db, "duck.dyn.test", "AAAA")]).toEqual([[], []]);
  });

  it("txt sets the ACME challenge, clear=true removes it", async () => {
    expect((await call(`/update?domains=duck&token=${key}&txt=tok3n&verbose=true`)).body).toBe("OK\ntok3n\nUPDATED");
    expect(await records(t.db, "_acme-challenge.duck.dyn.test", "TXT")).toEqual(['"tok3n"']);
    expect((await call(`/update?domains=duck&token=${key}&txt=tok3n&clear=true`)).body).toBe("OK");
    expect(await records(t.db, "_acme-challenge.duck.dyn.test", "TXT")).toEqual([]);
  });

  it("the path form /update/<name>/<token>[/<ip>]", async () => {
    expect((await call(`/update/goose/${key}/203.0.113.81`)).body).toBe("OK");
    expect(await records(t.db, "goose.dyn.test", "A")).toEqual(["203.0.113.81"]);
    expect((await call(`/update/goose/${key}`, { ip: "198.51.100.81" })).body).toBe("OK");
    expect(await records(t.db, "goose.dyn.test", "A")).toEqual(["198.51.100.81"]);
  });

  it("KO for a bad token, an unknown or ambiguous name, a bad address", async () => {
    expect((await call(`/update?domains=duck&token=nope`)).body).toBe("KO");
    expect((await call(`/update?domains=duck`)).body).toBe("KO");
    expect((await call(`/update?domains=nothere&token=${key}`)).body).toBe("KO");
    expect((await call(`/update?domains=twin&token=${key}&ip=203.0.113.82`)).body).toBe("KO");
    expect((await call(`/update?domains=twin.other.test&token=${key}&ip=203.0.113.82`)).body).toBe("OK");
    expect((await call(`/update?domains=duck&token=${key}&ip=1.2.3`)).body).toBe("KO");
  });
});

describe("checkip", () => {
  it("answers exactly the Dyn format, and text/json variants", async () => {
    const html = await call("/checkip", { ip: "203.0.113.90" });
    expect(html.body).toBe("<html><head><title>Current IP Check</title></head><body>Current IP Address: 203.0.113.90</body></html>");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await call("/checkip?format=text", { ip: "2001:db8::90" })).body).toBe("2001:db8::90\n");
    expect((await call("/checkip?format=json", { ip: "203.0.113.90" })).body).toBe('{"ip":"203.0.113.90"}');
  });
});
