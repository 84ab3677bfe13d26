// REST API authentication, scopes and rate limits, through the machine router with a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiLimiter } from "@/lib/api/v1/auth";
import { perWindow, TokenBuckets } from "@/lib/rate-limit/token-buckets";
import { revokeApiToken } from "@/lib/tokens/list-api-tokens";
import { clearApiTokenCache } from "@/lib/tokens/verify-api-token";
import { setupApi, type ApiTestEnv } from "./support";

let api: ApiTestEnv;
let alice: { id: string; email: string; token: string };

beforeAll(async () => {
  api = await setupApi();
  alice = await api.user();
});
afterAll(() => api?.t.drop());

const BEARER = 'Bearer realm="dynhost", error="invalid_token"';
const UNAUTH = { error: { code: "UNAUTHENTICATED", message: "The API token is missing, invalid, revoked or expired." } };

describe("authentication", () => {
  it("401 with WWW-Authenticate: Bearer without a token", async () => {
    const r = await api.call("GET", "/api/v1/hosts");
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe(BEARER);
    expect(r.body).toEqual({ error: { code: "UNAUTHENTICATED", message: "Send an API token in the Authorization header: Bearer <token>." } });
  });

  it("401 for a malformed, an unknown and a Basic credential", async () => {
    for (const auth of ["Bearer nope", `Bearer dht_${"A".repeat(43)}`, "Basic dXNlcjpwYXNz"]) {
      const r = await api.call("GET", "/api/v1/account", { headers: { authorization: auth } });
      expect(r.status, auth).toBe(401);
      expect(r.headers.get("www-authenticate")).toBe(BEARER);
    }
    const unknown = await api.call("GET", "/api/v1/account", { token: `dht_${"B".repeat(43)}` });
    expect(unknown.body).toEqual(UNAUTH);
  });

  it("401 for a revoked token (at once in this process)", async () => {
    const token = await api.token(alice.id);
    expect((await api.call("GET", "/api/v1/account", { token })).status).toBe(200);
    const [row] = await api.db.apiToken.findMany({ where: { userId: alice.id }, orderBy: { createdAt: "desc" }, take: 1 });
    await revokeApiToken(api.db, { userId: alice.id, tokenId: row!.id });
    const r = await api.call("GET", "/api/v1/account", { token });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(UNAUTH);
  });

  it("401 for an expired token, and for one that expires while cached", async () => {
    const past = new Date(Date.now() - 7200_000);
    const expired = await api.token(alice.id, undefined, { now: past, expiresAt: new Date(past.getTime() + 3600_000) });
    expect((await api.call("GET", "/api/v1/account", { token: expired })).body).toEqual(UNAUTH);

    const soon = await api.token(alice.id, undefined, { expiresAt: new Date(Date.now() + 400) });
    expect((await api.call("GET", "/api/v1/account", { token: soon })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.call("GET", "/api/v1/account", { token: soon })).status).toBe(401);
  });

  it("records lastUsedAt on use", async () => {
    const token = await api.token(alice.id);
    clearApiTokenCache();
    await api.call("GET", "/api/v1/account", { token });
    await new Promise((r) => setTimeout(r, 100));
    const [row] = await api.db.apiToken.findMany({ where: { userId: alice.id }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(row!.lastUsedAt).not.toBeNull();
  });
});

describe("scopes", () => {
  it("403 when the token lacks the route's scope, 200 when it has it", async () => {
    const readOnly = await api.token(alice.id, ["hosts:read"]);
    const account = await api.call("GET", "/api/v1/account", { token: readOnly });
    expect(account.status).toBe(403);
    expect(account.body).toEqual({ error: { code: "FORBIDDEN", message: 'This token lacks the "account:read" scope.' } });
    const create = await api.call("POST", "/api/v1/hosts", { token: readOnly, body: { zone: "dyn.test", label: "nope" } });
    expect(create.status).toBe(403);
    expect(create.body).toEqual({ error: { code: "FORBIDDEN", message: 'This token lacks the "hosts:write" scope.' } });
    expect((await api.call("GET", "/api/v1/hosts", { token: readOnly })).status).toBe(200);
    const keysOnly = await api.token(alice.id, ["keys:read"]);
    expect((await api.call("GET", "/api/v1/hosts", { token: keysOnly })).status).toBe(403);
  });
});

describe("account", () => {
  it("returns the owner's profile, plan and the token's scopes", async () => {
    const token = await api.token(alice.id, ["account:read", "hosts:read"]);
    const r = await api.call("GET", "/api/v1/account", { token });
    expect(r.status).toBe(200);
    const body = r.body as Record<string, unknown>;
    expect(body).toMatchObject({
      id: alice.id,
      email: alice.email,
      name: null,
      emailVerified: false,
      hostCount: 0,
      plan: { id: "plus", name: "Plus", maxHosts: 25, minTtl: 30 },
      token: { scopes: ["hosts:read", "account:read"], expiresAt: null },
    });
    expect(Object.keys(body).sort()).toEqual(["createdAt", "email", "emailVerified", "hostCount", "id", "name", "plan", "token"]);
  });
});

describe("rate limits", () => {
  it("reports RateLimit-* on every answer and 429 with Retry-After past the budget, per token", async () => {
    let now = 5_000_000;
    apiLimiter(new TokenBuckets(() => perWindow(3, 60_000), () => now));
    try {
      const token = await api.token(alice.id);
      const other = await api.token(alice.id);
      const seen: [number, string | null, string | null, string | null][] = [];
      for (let i = 0; i < 4; i++) {
        const r = await api.call("GET", "/api/v1/hosts", { token });
        seen.push([r.status, r.headers.get("ratelimit-limit"), r.headers.get("ratelimit-remaining"), r.headers.get("ratelimit-reset")]);
      }
      expect(seen).toEqual([
        [200, "3", "2", "20"],
        [200, "3", "1", "40"],
        [200, "3", "0", "60"],
        [429, "3", "0", "60"],
      ]);
      const limited = await api.call("GET", "/api/v1/hosts", { token });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("20");
      expect(limited.body).toEqual({ error: { code: "RATE_LIMITED", message: "Too many requests for this token: at most 3 per minute." } });
      expect((await api.call("GET", "/api/v1/hosts", { token: other })).status).toBe(200);
      now += 20_000;
      expect((await api.call("GET", "/api/v1/hosts", { token })).status).toBe(200);
      // Errors after authentication carry the headers too (the other bucket refilled to 3 meanwhile).
      const missing = await api.call("GET", "/api/v1/hosts/00000000-0000-4000-8000-000000000000", { token: other });
      expect([missing.status, missing.headers.get("ratelimit-remaining")]).toEqual([404, "2"]);
    } finally {
      apiLimiter(new TokenBuckets(() => perWindow(600)));
    }
  });
});
