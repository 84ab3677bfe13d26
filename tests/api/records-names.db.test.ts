// REST API records at names inside a host: the wildcard (?name=*, a plan feature) and the ACME
// challenge (?name=_acme-challenge, TXT only) beside the host's own (?name=@, the default).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupApi, type ApiTestEnv } from "./support";

let api: ApiTestEnv;
let alice: { id: string; email: string; token: string };
let bob: { id: string; email: string; token: string };
let hostId: string;

beforeAll(async () => {
  api = await setupApi();
  alice = await api.user("plus");
  bob = await api.user("plus");
  const r = await api.call("POST", "/api/v1/hosts", { token: alice.token, body: { zone: "dyn.test", label: "star" } });
  expect(r.status, r.text).toBe(201);
  hostId = (r.body as { id: string }).id;
});
afterAll(() => api?.t.drop());

/** /records[/type][?query] of the host. */
const records = (q = "", type = "") => `/api/v1/hosts/${hostId}/records${type ? `/${type}` : ""}${q}`;
const NAME_ERROR = { error: { code: "VALIDATION", message: "name must be one of @, *, _acme-challenge", field: "name" } };

describe("records at the wildcard", () => {
  it("sets a wildcard A rrset beside the host's own, lists both with their names, deletes only the wildcard", async () => {
    const own = await api.call("PUT", records("", "A"), { token: alice.token, body: { records: ["192.0.2.1"] } });
    expect([own.status, own.body]).toEqual([200, { name: "@", type: "A", ttl: 60, records: ["192.0.2.1"], live: false }]);
    const star = await api.call("PUT", records("?name=*", "A"), { token: alice.token, body: { ttl: 300, records: ["192.0.2.9", "192.0.2.8"] } });
    expect([star.status, star.body]).toEqual([200, { name: "*", type: "A", ttl: 300, records: ["192.0.2.8", "192.0.2.9"], live: false }]);
    const stored = await api.db.rRset.findUnique({ where: { name_type: { name: "*.star.dyn.test", type: "A" } }, select: { hostId: true, records: true } });
    expect(stored).toEqual({ hostId, records: ["192.0.2.8", "192.0.2.9"] });
    expect(await api.db.dnsOutbox.findMany({ where: { name: "*.star.dyn.test" }, select: { type: true, version: true } })).toEqual([{ type: "A", version: 1n }]);

    const list = await api.call("GET", records(), { token: alice.token });
    expect([list.status, list.body]).toEqual([200, {
      items: [
        { name: "@", type: "A", ttl: 60, records: ["192.0.2.1"], live: false },
        { name: "*", type: "A", ttl: 300, records: ["192.0.2.8", "192.0.2.9"], live: false },
      ],
    }]);
    expect((await api.call("GET", records("?name=*"), { token: alice.token })).body).toEqual({
      items: [{ name: "*", type: "A", ttl: 300, records: ["192.0.2.8", "192.0.2.9"], live: false }],
    });
    expect((await api.call("GET", records("?name=%40"), { token: alice.token })).body).toEqual({
      items: [{ name: "@", type: "A", ttl: 60, records: ["192.0.2.1"], live: false }],
    });
    const audit = await api.db.auditLog.findFirst({ where: { action: "record.set", targetId: hostId }, orderBy: { id: "desc" } });
    expect([audit!.actorId, audit!.before, audit!.after]).toEqual([alice.id, null, { name: "*", type: "A", ttl: 300, records: ["192.0.2.8", "192.0.2.9"] }]);

    expect((await api.call("DELETE", records("?name=*", "A"), { token: alice.token })).status).toBe(204);
    expect((await api.call("GET", records(), { token: alice.token })).body).toEqual({
      items: [{ name: "@", type: "A", ttl: 60, records: ["192.0.2.1"], live: false }],
    });
  });

  it("keeps CNAME exclusivity per name: a CNAME at the wildcard is fine beside the host's A, not beside a wildcard A", async () => {
    const cname = await api.call("PUT", records("?name=*", "CNAME"), { token: alice.token, body: { records: ["target.example.org"] } });
    expect([cname.status, cname.body]).toEqual([200, { name: "*", type: "CNAME", ttl: 60, records: ["target.example.org."], live: false }]);
    const a = await api.call("PUT", records("?name=*", "A"), { token: alice.token, body: { records: ["192.0.2.5"] } });
    expect([a.status, a.body]).toEqual([422, {
      error: { code: "VALIDATION", message: "*.star.dyn.test is a CNAME; remove it before adding A records.", field: "type" },
    }]);
    expect((await api.call("DELETE", records("?name=*", "CNAME"), { token: alice.token })).status).toBe(204);
  });

  it("refuses the wildcard on a plan without it, with the plan-limit error shape", async () => {
    const free = await api.user("free");
    const h = await api.call("POST", "/api/v1/hosts", { token: free.token, body: { zone: "dyn.test", label: "nostar" } });
    const r = await api.call("PUT", `/api/v1/hosts/${(h.body as { id: string }).id}/records/A?name=*`, { token: free.token, body: { records: ["192.0.2.1"] } });
    expect([r.status, r.body]).toEqual([402, {
      error: { code: "PLAN_LIMIT", message: "Your plan does not include wildcard records (*.nostar.dyn.test).", field: "name" },
    }]);
    expect(await api.db.rRset.count({ where: { name: "*.nostar.dyn.test" } })).toBe(0);
  });

  it("rejects an unknown name on every records route with field name", async () => {
    for (const [method, path, body] of [
      ["PUT", records("?name=www", "A"), { records: ["192.0.2.1"] }],
      ["DELETE", records("?name=*.star", "A"), undefined],
      ["GET", records("?name="), undefined],
    ] as const) {
      const r = await api.call(method, path, { token: alice.token, body });
      expect([method, path, r.status, r.body]).toEqual([method, path, 422, NAME_ERROR]);
    }
    expect(await api.db.rRset.count({ where: { name: { startsWith: "www." } } })).toBe(0);
  });

  it("answers 404 for another user's host at any name", async () => {
    const NOT_FOUND = { error: { code: "NOT_FOUND", message: "Host not found." } };
    for (const [method, path, body] of [
      ["PUT", records("?name=*", "A"), { records: ["192.0.2.66"] }],
      ["DELETE", records("?name=*", "A"), undefined],
      ["GET", records("?name=*"), undefined],
    ] as const) {
      const r = await api.call(method, path, { token: bob.token, body });
      expect([method, path, r.status, r.body]).toEqual([method, path, 404, NOT_FOUND]);
    }
    expect(await api.db.rRset.count({ where: { name: "*.star.dyn.test", NOT: { records: { isEmpty: true } } } })).toBe(0);
  });
});

describe("records at _acme-challenge", () => {
  it("takes TXT only", async () => {
    const txt = await api.call("PUT", records("?name=_acme-challenge", "TXT"), { token: alice.token, body: { records: ["token-123"] } });
    expect([txt.status, txt.body]).toEqual([200, { name: "_acme-challenge", type: "TXT", ttl: 60, records: ['"token-123"'], live: false }]);
    const a = await api.call("PUT", records("?name=_acme-challenge", "A"), { token: alice.token, body: { records: ["192.0.2.1"] } });
    expect([a.status, a.body]).toEqual([422, { error: { code: "VALIDATION", message: "Only TXT records can be set at _acme-challenge.", field: "type" } }]);
    expect(((await api.call("GET", records(), { token: alice.token })).body as { items: { name: string; type: string }[] }).items.map((r) => `${r.name} ${r.type}`)).toEqual([
      "@ A", "_acme-challenge TXT",
    ]);
  });
});
