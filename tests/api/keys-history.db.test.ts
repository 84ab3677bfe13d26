// REST API update keys (secret shown once, stored hashed, revoke) and update history (cursor
// pagination over (createdAt, id), IP-change series).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupApi, type ApiTestEnv } from "./support";

let api: ApiTestEnv;
let alice: { id: string; email: string; token: string };
let hostId: string;

beforeAll(async () => {
  api = await setupApi();
  alice = await api.user();
  const r = await api.call("POST", "/api/v1/hosts", { token: alice.token, body: { zone: "dyn.test", label: "home" } });
  hostId = (r.body as { id: string }).id;
});
afterAll(() => api?.t.drop());

type Key = { id: string; prefix: string; secret?: string; recordTypes: string[]; allowedCidrs: string[]; revokedAt: string | null };

describe("keys", () => {
  it("creates a key whose secret is shown once and stored only as its SHA-256", async () => {
    const r = await api.call("POST", `/api/v1/hosts/${hostId}/keys`, { token: alice.token, body: { label: "router", allowedCidrs: ["198.51.100.0/24"] } });
    expect(r.status).toBe(201);
    const k = r.body as Key & Record<string, unknown>;
    expect(k).toMatchObject({ label: "router", hostId, recordTypes: ["A", "AAAA"], allowedCidrs: ["198.51.100.0/24"], expiresAt: null, lastUsedAt: null, revokedAt: null });
    expect(k.secret).toMatch(/^dhk_[A-Za-z0-9_-]{43}$/);
    expect(k.prefix).toBe(k.secret!.slice(0, 12));
    const row = await api.db.updateKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(k.secret!).digest("hex"));
    const list = await api.call("GET", `/api/v1/hosts/${hostId}/keys`, { token: alice.token });
    const items = (list.body as { items: Key[] }).items;
    expect(items.map((i) => i.id)).toEqual([k.id]);
    expect(Object.keys(items[0]!)).not.toContain("secret");
    expect(list.text).not.toContain(k.secret);
  });

  it("refuses bad input with the API's field names", async () => {
    const cases: [unknown, unknown][] = [
      [{ recordTypes: ["NS"] }, { code: "VALIDATION", message: "recordTypes may hold A, AAAA, TXT and MX", field: "recordTypes.0" }],
      [{ recordTypes: [] }, { code: "VALIDATION", message: "Choose at least one record type", field: "recordTypes" }],
      [{ allowedCidrs: ["10.0.0.0/99"] }, { code: "VALIDATION", message: '"10.0.0.0/99" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.', field: "allowedCidrs" }],
      [{ expiresAt: "tomorrow" }, { code: "VALIDATION", message: "expiresAt must be an ISO 8601 date-time", field: "expiresAt" }],
      [{ expiresAt: "2001-01-01T00:00:00Z" }, { code: "VALIDATION", message: "The expiry must be in the future.", field: "expiresAt" }],
      [{ secret: "mine" }, { code: "VALIDATION", message: 'Unknown field "secret".', field: "secret" }],
    ];
    for (const [body, error] of cases) {
      const r = await api.call("POST", `/api/v1/hosts/${hostId}/keys`, { token: alice.token, body });
      expect([body, r.status, r.body]).toEqual([body, 422, { error }]);
    }
  });

  it("revokes a key once; another host's key id is 404", async () => {
    const k = (await api.call("POST", `/api/v1/hosts/${hostId}/keys`, { token: alice.token, body: { label: "old" } })).body as Key;
    const other = (await api.call("POST", "/api/v1/hosts", { token: alice.token, body: { zone: "dyn.test", label: "other" } })).body as { id: string };
    const wrongHost = await api.call("DELETE", `/api/v1/hosts/${other.id}/keys/${k.id}`, { token: alice.token });
    expect([wrongHost.status, wrongHost.body]).toEqual([404, { error: { code: "NOT_FOUND", message: "No such key." } }]);
    const headers = { "x-dynhost-client-ip": "203.0.113.77" };
    expect((await api.call("DELETE", `/api/v1/hosts/${hostId}/keys/${k.id}`, { token: alice.token, headers })).status).toBe(204);
    expect((await api.db.updateKey.findUniqueOrThrow({ where: { id: k.id } })).revokedAt).not.toBeNull();
    // Audited as the token's owner acting as a plain user, from the client's address.
    const audit = await api.db.auditLog.findMany({ where: { targetId: k.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, actorRole: true, ip: true } });
    expect(audit.map((a) => [a.action, a.actorRole, a.ip])).toEqual([["update_key.create", "USER", null], ["update_key.revoke", "USER", "203.0.113.77"]]);
    expect(new Set(audit.map((a) => a.actorId)).size).toBe(1);
    expect((await api.call("DELETE", `/api/v1/hosts/${hostId}/keys/${k.id}`, { token: alice.token })).status).toBe(404);
  });

  it("needs keys:read / keys:write", async () => {
    const hostsOnly = await api.token(alice.id, ["hosts:read", "hosts:write"]);
    expect((await api.call("GET", `/api/v1/hosts/${hostId}/keys`, { token: hostsOnly })).status).toBe(403);
    expect((await api.call("POST", `/api/v1/hosts/${hostId}/keys`, { token: hostsOnly, body: {} })).status).toBe(403);
  });
});

describe("history", () => {
  const base = Date.parse("2026-11-01T00:00:00.000Z");
  beforeAll(async () => {
    // 30 events; pairs share a timestamp so the id breaks ties. Results alternate good/nochg.
    await api.db.updateEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        hostId, fqdn: "home.dyn.test", userId: alice.id, protocol: "dyndns2", sourceIp: `198.51.100.${i}`, userAgent: "ddclient/3.10.0",
        params: { hostname: "home.dyn.test", myip: i % 2 === 0 ? `203.0.113.${i}` : "" }, result: i % 2 === 0 ? "good" : "nochg",
        reason: null, latencyMs: 3, createdAt: new Date(base + Math.floor(i / 2) * 60_000),
      })),
    });
  });

  it("pages newest first with stable cursors, no duplicates and nothing missing", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=7&cursor=${encodeURIComponent(cursor)}` : "?limit=7";
      const r = await api.call("GET", `/api/v1/hosts/${hostId}/history${q}`, { token: alice.token });
      expect(r.status).toBe(200);
      const page = r.body as { items: { id: string; at: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await api.db.updateEvent.findMany({ where: { hostId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(all.map((e) => e.id.toString()));
    expect(new Set(ids).size).toBe(30);
  });

  it("answers each event with its fields", async () => {
    const r = await api.call("GET", `/api/v1/hosts/${hostId}/history?limit=1`, { token: alice.token });
    const [e] = (r.body as { items: Record<string, unknown>[] }).items;
    expect(e).toMatchObject({
      at: "2026-11-01T00:14:00.000Z", protocol: "dyndns2", sourceIp: "198.51.100.29", userAgent: "ddclient/3.10.0",
      params: { hostname: "home.dyn.test", myip: "" }, result: "nochg", reason: null, latencyMs: 3, changes: null,
    });
  });

  it("series of IP changes: one point per good update in the window", async () => {
    const r = await api.call("GET", `/api/v1/hosts/${hostId}/history/ip-changes?since=2026-11-01T00:00:00Z&until=2026-11-01T00:02:00Z`, { token: alice.token });
    expect(r.body).toEqual({
      points: [
        { at: "2026-11-01T00:00:00.000Z", family: 4, ip: "203.0.113.0" },
        { at: "2026-11-01T00:01:00.000Z", family: 4, ip: "203.0.113.2" },
        { at: "2026-11-01T00:02:00.000Z", family: 4, ip: "203.0.113.4" },
      ],
      truncated: false,
    });
    const bad = await api.call("GET", `/api/v1/hosts/${hostId}/history/ip-changes?since=yesterday`, { token: alice.token });
    expect([bad.status, bad.body]).toEqual([422, { error: { code: "VALIDATION", message: "since must be an ISO 8601 date-time", field: "since" } }]);
  });

  it("rejects a forged cursor", async () => {
    const forged = Buffer.from(JSON.stringify(["2026-11-01T00:00:00.000Z", "1 OR 1=1"])).toString("base64url");
    const r = await api.call("GET", `/api/v1/hosts/${hostId}/history?cursor=${forged}`, { token: alice.token });
    expect([r.status, (r.body as { error: { field: string } }).error.field]).toEqual([422, "cursor"]);
  });
});
