// REST API client blocks: the owner lists the blocks a nochg storm put on their credentials and
// lifts one (audited as client_block.lift); other users' blocks are invisible and a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientBlock } from "@/lib/updates/policy/create-client-block";
import { setupApi, type ApiTestEnv } from "./support";

let api: ApiTestEnv;
let alice: { id: string; email: string; token: string };
let bob: { id: string; email: string; token: string };
let keyId: string;

const NOT_FOUND = { error: { code: "NOT_FOUND", message: "No such block." } };
const inAnHour = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  api = await setupApi();
  alice = await api.user();
  bob = await api.user();
  const host = (await api.call("POST", "/api/v1/hosts", { token: alice.token, body: { zone: "dyn.test", label: "home" } })).body as { id: string };
  keyId = ((await api.call("POST", `/api/v1/hosts/${host.id}/keys`, { token: alice.token, body: { label: "router" } })).body as { id: string }).id;
});
afterAll(() => api?.t.drop());

const blockOf = (userId: string, over: Partial<Parameters<typeof createClientBlock>[1]> = {}) =>
  createClientBlock(api.db, {
    userId, keyId: null, credential: `user:${userId}`, reason: "nochg storm", nochgCount: 31,
    sourceIp: null, userAgent: null, expiresAt: inAnHour(), ...over,
  });

describe("GET /api/v1/client-blocks", () => {
  it("lists the caller's blocks newest first with every field; another user sees none of them", async () => {
    const older = await blockOf(alice.id, { expiresAt: new Date("2026-01-01T00:30:00.000Z") });
    await api.db.clientBlock.update({ where: { id: older.id }, data: { createdAt: new Date("2026-01-01T00:00:00.000Z") } });
    const b = await blockOf(alice.id, {
      keyId, credential: `key:${keyId}`, reason: "31 updates that changed nothing within 3600 s",
      sourceIp: "198.51.100.7", userAgent: "ddclient/3.11.2", expiresAt: new Date("2099-01-01T00:00:00.000Z"),
    });
    const r = await api.call("GET", "/api/v1/client-blocks", { token: alice.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      items: [
        {
          id: b.id, keyId, credential: `key:${keyId}`, reason: "31 updates that changed nothing within 3600 s", nochgCount: 31,
          sourceIp: "198.51.100.7", userAgent: "ddclient/3.11.2", createdAt: b.createdAt.toISOString(),
          expiresAt: "2099-01-01T00:00:00.000Z", liftedAt: null, active: true,
        },
        {
          id: older.id, keyId: null, credential: `user:${alice.id}`, reason: "nochg storm", nochgCount: 31, sourceIp: null, userAgent: null,
          createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2026-01-01T00:30:00.000Z", liftedAt: null, active: false,
        },
      ],
    });
    const other = await api.call("GET", "/api/v1/client-blocks", { token: bob.token });
    expect([other.status, other.body]).toEqual([200, { items: [] }]);
  });
});

describe("POST /api/v1/client-blocks/{blockId}/lift", () => {
  it("lifts the block (audited with the token's user and the client IP); lifting again is still 204", async () => {
    const b = await blockOf(alice.id, { keyId, credential: `key:${keyId}` });
    const before = Date.now();
    const r = await api.call("POST", `/api/v1/client-blocks/${b.id}/lift`, { token: alice.token, headers: { "x-dynhost-client-ip": "203.0.113.9" } });
    expect([r.status, r.text]).toEqual([204, ""]);
    const listed = ((await api.call("GET", "/api/v1/client-blocks", { token: alice.token })).body as { items: { id: string; active: boolean; liftedAt: string | null }[] }).items.find((i) => i.id === b.id)!;
    expect(listed.active).toBe(false);
    expect(Date.parse(listed.liftedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect((await api.db.clientBlock.findUniqueOrThrow({ where: { id: b.id } })).liftedById).toBe(alice.id);
    const audits = await api.db.auditLog.findMany({ where: { action: "client_block.lift", targetId: b.id } });
    expect(audits.map((a) => ({ actorId: a.actorId, targetType: a.targetType, ip: a.ip, before: a.before }))).toEqual([
      { actorId: alice.id, targetType: "ClientBlock", ip: "203.0.113.9", before: { credential: `key:${keyId}`, reason: "nochg storm", expiresAt: b.expiresAt.toISOString() } },
    ]);

    const again = await api.call("POST", `/api/v1/client-blocks/${b.id}/lift`, { token: alice.token });
    expect(again.status).toBe(204);
    expect((await api.db.clientBlock.findUniqueOrThrow({ where: { id: b.id } })).liftedAt!.toISOString()).toBe(listed.liftedAt);
    expect(await api.db.auditLog.count({ where: { action: "client_block.lift", targetId: b.id } })).toBe(1);
  });

  it("answers 404 for another user's block, an unknown id and a malformed id, and lifts nothing", async () => {
    const bobs = await blockOf(bob.id);
    for (const id of [bobs.id, "3f1c2a9e-8b8e-4a43-9a2b-6f0d4c1e2b7a", "not-a-uuid", "'%20OR%201=1"]) {
      const r = await api.call("POST", `/api/v1/client-blocks/${id}/lift`, { token: alice.token });
      expect([id, r.status, r.body]).toEqual([id, 404, NOT_FOUND]);
    }
    expect((await api.db.clientBlock.findUniqueOrThrow({ where: { id: bobs.id } })).liftedAt).toBeNull();
    expect(await api.db.auditLog.count({ where: { action: "client_block.lift", targetId: bobs.id } })).toBe(0);
  });

  it("needs keys:read to list and keys:write to lift, and a token at all", async () => {
    const b = await blockOf(alice.id);
    const readOnly = await api.token(alice.id, ["keys:read"]);
    const hostsOnly = await api.token(alice.id, ["hosts:read", "hosts:write"]);
    expect((await api.call("GET", "/api/v1/client-blocks", { token: readOnly })).status).toBe(200);
    const noRead = await api.call("GET", "/api/v1/client-blocks", { token: hostsOnly });
    expect([noRead.status, noRead.body]).toEqual([403, { error: { code: "FORBIDDEN", message: 'This token lacks the "keys:read" scope.' } }]);
    const noWrite = await api.call("POST", `/api/v1/client-blocks/${b.id}/lift`, { token: readOnly });
    expect([noWrite.status, noWrite.body]).toEqual([403, { error: { code: "FORBIDDEN", message: 'This token lacks the "keys:write" scope.' } }]);
    for (const [m, p] of [["GET", "/api/v1/client-blocks"], ["POST", `/api/v1/client-blocks/${b.id}/lift`]] as const) {
      const r = await api.call(m, p);
      expect([m, r.status, (r.body as { error: { code: string } }).error.code, r.headers.get("www-authenticate")]).toEqual([m, 401, "UNAUTHENTICATED", 'Bearer realm="dynhost", error="invalid_token"']);
    }
    expect((await api.db.clientBlock.findUniqueOrThrow({ where: { id: b.id } })).liftedAt).toBeNull();
  });
});
