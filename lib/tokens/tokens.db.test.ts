// API tokens: creation rules, hashing, listing, revocation, and the token:create CLI command.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenCreate } from "@/lib/cli/commands/token";
import { seedUser } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { createApiToken } from "./create-api-token";
import { listApiTokens, revokeApiToken } from "./list-api-tokens";
import { verifyApiToken } from "./verify-api-token";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
});
afterAll(() => t?.drop());

describe("createApiToken", () => {
  it("returns the secret once, stores its SHA-256 and a display prefix, audits", async () => {
    const u = await seedUser(t.db);
    const c = await createApiToken(t.db, { userId: u.id, scopes: ["account:read", "hosts:read"], label: " ci " });
    expect(c.token).toMatch(/^dht_[A-Za-z0-9_-]{43}$/);
    expect([c.scopes, c.label, c.prefix]).toEqual([["hosts:read", "account:read"], "ci", c.token.slice(0, 12)]);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(c.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(c.token);
    expect((await t.db.auditLog.findFirstOrThrow({ where: { action: "api_token.create", targetId: c.id } })).actorId).toBe(u.id);
    const p = await verifyApiToken(t.db, { token: c.token });
    expect([p.userId, [...p.scopes]]).toEqual([u.id, ["hosts:read", "account:read"]]);
  });

  it("refuses unknown scopes, an empty list, a past expiry and long labels", async () => {
    const u = await seedUser(t.db);
    await expect(createApiToken(t.db, { userId: u.id, scopes: ["hosts:read", "root"] })).rejects.toMatchObject({
      code: "VALIDATION", field: "scopes", message: "Scopes must be among hosts:read, hosts:write, keys:read, keys:write, account:read; unknown: root.",
    });
    await expect(createApiToken(t.db, { userId: u.id, scopes: [] })).rejects.toMatchObject({ code: "VALIDATION", field: "scopes" });
    await expect(createApiToken(t.db, { userId: u.id, expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: "VALIDATION", field: "expiresAt" });
    await expect(createApiToken(t.db, { userId: u.id, label: "x".repeat(101) })).rejects.toMatchObject({ code: "VALIDATION", field: "label" });
  });

  it("lists without secrets and revokes only the owner's tokens", async () => {
    const [a, b] = [await seedUser(t.db), await seedUser(t.db)];
    const c = await createApiToken(t.db, { userId: a.id });
    const list = await listApiTokens(t.db, { userId: a.id });
    expect(list.map((x) => x.id)).toEqual([c.id]);
    expect(Object.keys(list[0]!)).not.toContain("tokenHash");
    await expect(revokeApiToken(t.db, { userId: b.id, tokenId: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken(t.db, { userId: a.id, tokenId: c.id });
    await expect(verifyApiToken(t.db, { token: c.token })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(revokeApiToken(t.db, { userId: a.id, tokenId: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("token:create", () => {
  it("prints the token once, with the chosen scopes", async () => {
    const u = await seedUser(t.db);
    const out: string[] = [];
    const code = await tokenCreate.run({ positional: [], flags: { owner: u.email.toUpperCase(), scopes: "hosts:read,keys:read", expires: "30d" } }, { db: t.db, out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    const token = /^token: (dht_[A-Za-z0-9_-]{43})$/.exec(out[2]!)![1]!;
    expect(out[1]).toMatch(/^scopes hosts:read,keys:read; expires 20\d\d-/);
    const p = await verifyApiToken(t.db, { token });
    expect([p.userId, [...p.scopes]]).toEqual([u.id, ["hosts:read", "keys:read"]]);
    await expect(tokenCreate.run({ positional: [], flags: { owner: "nobody@example.test" } }, { db: t.db, out: () => {}, err: () => {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
