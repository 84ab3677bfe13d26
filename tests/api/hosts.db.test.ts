// REST API hosts and records: create/list/get/delete, exact validation errors, tenancy (another
// user's ids are 404), keyset pagination that neither skips nor repeats while hosts are added.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupApi, type ApiTestEnv } from "./support";

let api: ApiTestEnv;
let alice: { id: string; email: string; token: string };
let bob: { id: string; email: string; token: string };

beforeAll(async () => {
  api = await setupApi();
  alice = await api.user();
  bob = await api.user();
});
afterAll(() => api?.t.drop());

type Host = { id: string; fqdn: string; status: string; records: unknown[] };
const v = (message: string, field?: string) => ({ error: { code: "VALIDATION", message, ...(field ? { field } : {}) } });
const NOT_FOUND = { error: { code: "NOT_FOUND", message: "Host not found." } };

async function create(label: string, token = alice.token): Promise<Host> {
  const r = await api.call("POST", "/api/v1/hosts", { token, body: { zone: "dyn.test", label } });
  expect(r.status, r.text).toBe(201);
  return r.body as Host;
}

describe("POST /hosts", () => {
  it("creates a host and answers it with no records", async () => {
    const h = await create("alpha");
    expect(h).toMatchObject({ fqdn: "alpha.dyn.test", zone: "dyn.test", label: "alpha", status: "ACTIVE", statusReason: null, records: [] });
    expect((await api.db.host.findUnique({ where: { id: h.id } }))!.ownerId).toBe(alice.id);
  });

  it.each([
    [{}, 422, v("zone is required", "zone")],
    [{ zone: "dyn.test" }, 422, v("label is required", "label")],
    [{ zone: "dyn.test", label: "" }, 422, v("label is required", "label")],
    [{ zone: "dyn.test", label: "x", extra: 1 }, 422, v('Unknown field "extra".', "extra")],
    [{ zone: "dyn.test", label: 5 }, 422, v("label is required", "label")],
    [{ zone: "nope.test", label: "abc" }, 422, v("nope.test is not one of our domains.", "zone")],
    [{ zone: "dyn.test", label: "www" }, 422, v('"www" is reserved; choose another name.', "label")],
    [{ zone: "dyn.test", label: "bad_label!" }, 422, v('"bad_label!" may contain only letters, digits and hyphens.', "label")],
    [{ zone: "dyn.test", label: "alpha" }, 409, { error: { code: "CONFLICT", message: "This name is already taken.", field: "label" } }],
  ])("refuses %j with %i", async (body, status, expected) => {
    const r = await api.call("POST", "/api/v1/hosts", { token: alice.token, body });
    expect([r.status, r.body]).toEqual([status, expected]);
  });

  it("400 for a body that is not JSON", async () => {
    const bad = await api.call("POST", "/api/v1/hosts", { token: alice.token, rawBody: "{oops", headers: { "content-type": "application/json" } });
    expect([bad.status, bad.body]).toEqual([400, { error: { code: "BAD_REQUEST", message: "The request body is not valid JSON." } }]);
    const form = await api.call("POST", "/api/v1/hosts", { token: alice.token, rawBody: "zone=dyn.test", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([form.status, form.body]).toEqual([400, { error: { code: "BAD_REQUEST", message: "Send the body as JSON, with Content-Type: application/json." } }]);
  });

  it("402 past the plan's host limit", async () => {
    const free = await api.user("free");
    for (const l of ["f1", "f2", "f3"]) await create(l, free.token);
    const r = await api.call("POST", "/api/v1/hosts", { token: free.token, body: { zone: "dyn.test", label: "f4" } });
    expect([r.status, r.body]).toEqual([402, { error: { code: "PLAN_LIMIT", message: "Your plan allows 3 hostnames; delete one or upgrade." } }]);
  });
});

describe("tenancy", () => {
  it("answers 404 for another user's host on every host route, and for unknown or malformed ids", async () => {
    const mine = await create("bobs", bob.token);
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/v1/hosts/${mine.id}`],
      ["DELETE", `/api/v1/hosts/${mine.id}`],
      ["GET", `/api/v1/hosts/${mine.id}/records`],
      ["PUT", `/api/v1/hosts/${mine.id}/records/A`, { records: ["192.0.2.1"] }],
      ["DELETE", `/api/v1/hosts/${mine.id}/records/A`],
      ["GET", `/api/v1/hosts/${mine.id}/keys`],
      ["POST", `/api/v1/hosts/${mine.id}/keys`, {}],
      ["GET", `/api/v1/hosts/${mine.id}/history`],
      ["GET", `/api/v1/hosts/${mine.id}/history/ip-changes`],
    ];
    for (const [method, path, body] of routes) {
      const r = await api.call(method, path, { token: alice.token, body });
      expect([method, path, r.status, r.body]).toEqual([method, path, 404, NOT_FOUND]);
    }
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const r = await api.call("GET", `/api/v1/hosts/${id}`, { token: alice.token });
      expect([r.status, r.body]).toEqual([404, NOT_FOUND]);
    }
    expect(await api.db.host.findUnique({ where: { id: mine.id }, select: { fqdn: true } })).toEqual({ fqdn: "bobs.dyn.test" });
  });
});

describe("records", () => {
  it("sets, lists and deletes rrsets through the outbox, with canonical values", async () => {
    const h = await create("rec");
    const put = await api.call("PUT", `/api/v1/hosts/${h.id}/records/A`, { token: alice.token, body: { ttl: 120, records: ["192.0.2.2", "192.0.2.1"] } });
    expect([put.status, put.body]).toEqual([200, { name: "@", type: "A", ttl: 120, records: ["192.0.2.1", "192.0.2.2"], live: false }]);
    const txt = await api.call("PUT", `/api/v1/hosts/${h.id}/records/TXT`, { token: alice.token, body: { records: ["hello world"] } });
    expect(txt.status).toBe(200);
    const list = await api.call("GET", `/api/v1/hosts/${h.id}/records`, { token: alice.token });
    expect(list.body).toEqual({
      items: [
        { name: "@", type: "A", ttl: 120, records: ["192.0.2.1", "192.0.2.2"], live: false },
        { name: "@", type: "TXT", ttl: 60, records: ['"hello world"'], live: false },
      ],
    });
    const outbox = await api.db.dnsOutbox.findMany({ where: { name: "rec.dyn.test" }, orderBy: { id: "asc" }, select: { type: true, version: true } });
    expect(outbox).toEqual([{ type: "A", version: 1n }, { type: "TXT", version: 1n }]);
    // Published by a dispatcher: "live" follows publishedVersion.
    await api.db.rRset.update({ where: { name_type: { name: "rec.dyn.test", type: "A" } }, data: { publishedVersion: 1n } });
    expect(((await api.call("GET", `/api/v1/hosts/${h.id}`, { token: alice.token })).body as Host).records[0]).toEqual({
      name: "@", type: "A", ttl: 120, records: ["192.0.2.1", "192.0.2.2"], live: true,
    });
    const del = await api.call("DELETE", `/api/v1/hosts/${h.id}/records/TXT`, { token: alice.token });
    expect(del.status).toBe(204);
    expect(((await api.call("GET", `/api/v1/hosts/${h.id}/records`, { token: alice.token })).body as { items: { type: string }[] }).items.map((r) => r.type)).toEqual(["A"]);
  });

  it.each([
    ["A", { records: ["300.1.1.1"] }, 422, "records"],
    ["A", { ttl: 5, records: ["192.0.2.1"] }, 422, "ttl"],
    ["A", { ttl: "60", records: ["192.0.2.1"] }, 422, "ttl"],
    ["A", { records: "192.0.2.1" }, 422, "records"],
    ["A", {}, 422, "records"],
    ["SOA", { records: [] }, 422, "type"],
    ["CNAME", { records: ["a.example.", "b.example."] }, 422, "records"],
  ])("PUT %s %j → %i on field %s", async (type, body, status, field) => {
    const h = await api.db.host.findFirstOrThrow({ where: { fqdn: "rec.dyn.test" } });
    const r = await api.call("PUT", `/api/v1/hosts/${h.id}/records/${type}`, { token: alice.token, body });
    expect(r.status).toBe(status);
    expect((r.body as { error: { code: string; field: string } }).error).toMatchObject({ code: "VALIDATION", field });
  });

  it("gives the exact messages for a bad TTL and a bad type", async () => {
    const h = await api.db.host.findFirstOrThrow({ where: { fqdn: "rec.dyn.test" } });
    const ttl = await api.call("PUT", `/api/v1/hosts/${h.id}/records/A`, { token: alice.token, body: { ttl: 5, records: ["192.0.2.1"] } });
    expect(ttl.body).toEqual(v("The TTL must be a whole number from 30 to 86400 seconds.", "ttl"));
    const type = await api.call("DELETE", `/api/v1/hosts/${h.id}/records/NS`, { token: alice.token });
    expect(type.body).toEqual(v("type must be one of A, AAAA, TXT, MX, CNAME, CAA, SRV", "type"));
  });
});

describe("DELETE /hosts/{id}", () => {
  it("deletes the host, queues the deletes and quarantines the name", async () => {
    const h = await create("gone");
    await api.call("PUT", `/api/v1/hosts/${h.id}/records/A`, { token: alice.token, body: { records: ["192.0.2.9"] } });
    const r = await api.call("DELETE", `/api/v1/hosts/${h.id}`, { token: alice.token });
    expect(r.status).toBe(204);
    expect(await api.db.host.findUnique({ where: { id: h.id } })).toBeNull();
    expect(await api.db.rRset.findUnique({ where: { name_type: { name: "gone.dyn.test", type: "A" } }, select: { records: true, version: true } })).toEqual({ records: [], version: 2n });
    expect((await api.db.tombstone.findUnique({ where: { fqdn: "gone.dyn.test" } }))?.reason).toBe("deleted");
    expect((await api.call("GET", `/api/v1/hosts/${h.id}`, { token: alice.token })).status).toBe(404);
    const again = await api.call("POST", "/api/v1/hosts", { token: alice.token, body: { zone: "dyn.test", label: "gone" } });
    expect([again.status, again.body]).toEqual([409, { error: { code: "CONFLICT", message: "This name is not available.", field: "label" } }]);
  });
});

describe("GET /hosts pagination", () => {
  it("walks every host exactly once in name order, even with inserts between pages", async () => {
    const carol = await api.user();
    const labels = Array.from({ length: 23 }, (_, i) => `h${String(i).padStart(2, "0")}`);
    for (const l of labels) await api.db.host.create({ data: { zoneId: api.zone.id, label: `c-${l}`, fqdn: `c-${l}.dyn.test`, ownerId: carol.id } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `?limit=5&cursor=${encodeURIComponent(cursor)}` : "?limit=5";
      const r = await api.call("GET", `/api/v1/hosts${q}`, { token: carol.token });
      expect(r.status).toBe(200);
      const page = r.body as { items: { fqdn: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((h) => h.fqdn));
      cursor = page.nextCursor;
      // A host inserted before the cursor position must not shift later pages.
      if (pages === 1) await api.db.host.create({ data: { zoneId: api.zone.id, label: "c-a-early", fqdn: "c-a-early.dyn.test", ownerId: carol.id } });
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(labels.map((l) => `c-${l}.dyn.test`));
    expect(pages).toBe(5);
    const keysOfFirst = Object.keys(((await api.call("GET", "/api/v1/hosts?limit=1", { token: carol.token })).body as { items: object[] }).items[0]!).sort();
    expect(keysOfFirst).toEqual(["createdAt", "expiresAt", "fqdn", "id", "lastUpdateAt", "status"]);
  });

  it("never lists another user's hosts", async () => {
    const r = await api.call("GET", "/api/v1/hosts?limit=200", { token: bob.token });
    expect((r.body as { items: { fqdn: string }[] }).items.map((h) => h.fqdn)).toEqual(["bobs.dyn.test"]);
  });

  it("rejects bad paging parameters with exact bodies", async () => {
    const cases: [string, unknown][] = [
      ["limit=0", v("limit must be at least 1", "limit")],
      ["limit=201", v("limit must be at most 200", "limit")],
      ["limit=2.5", v("limit must be a whole number", "limit")],
      ["limit=abc", v("limit must be a number", "limit")],
      ["cursor=zzz", v("This cursor is not valid: pass back the nextCursor of a previous page.", "cursor")],
    ];
    for (const [q, body] of cases) {
      const r = await api.call("GET", `/api/v1/hosts?${q}`, { token: alice.token });
      expect([q, r.status, r.body]).toEqual([q, 422, body]);
    }
  });
});
