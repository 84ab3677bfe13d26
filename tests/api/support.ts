// Shared set-up for the REST API tests: a throwaway database as the process-wide db(), the v1 app
// mounted exactly as the server mounts it (createMachineRouter), users, a zone and tokens.
import { createMachineRouter } from "@/lib/api/router";
import type { Db } from "@/lib/db";
import { seedUser, seedZone } from "@/lib/hosts/test-fixtures";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

export type Answer = { status: number; headers: Headers; body: unknown; text: string };

export type ApiTestEnv = {
  t: TestDatabase;
  db: Db;
  zone: { id: string; name: string };
  call(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Answer>;
  user(planId?: string): Promise<{ id: string; email: string; token: string }>;
  token(userId: string, scopes?: string[], extra?: { expiresAt?: Date; now?: Date }): Promise<string>;
};

export async function setupApi(): Promise<ApiTestEnv> {
  const t = await createTestDatabase({ useAsDefault: true });
  const zone = await seedZone(t.db, "dyn.test");
  const router = createMachineRouter();
  const env: ApiTestEnv = {
    t,
    db: t.db,
    zone,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers["content-type"] = "application/json";
      }
      const res = await router.request(path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    async user(planId = "plus") {
      const u = await seedUser(t.db, { planId });
      return { id: u.id, email: u.email, token: await env.token(u.id) };
    },
    async token(userId, scopes, extra = {}) {
      return (await createApiToken(t.db, { userId, scopes, expiresAt: extra.expiresAt, now: extra.now })).token;
    },
  };
  return env;
}
