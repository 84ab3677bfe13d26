// Shared set-up for the update-path tests: a throwaway database as the process-wide db(), a
// zone, users with real argon2id passwords, hosts and keys, and a request helper for the router.
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { createUpdateKey, type CreateUpdateKeyInput } from "@/lib/keys/create-update-key";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { resetUpdateState } from "@/lib/updates/reset";
import { updateRoutes } from "@/lib/updates/protocols/routes";

export async function seedAccount(client: Db, opts: { planId?: string; password?: string } = {}) {
  const password = opts.password ?? "correct horse battery";
  const user = await client.user.create({
    data: { email: `u-${randomBytes(5).toString("hex")}@example.test`, passwordHash: await hash(password), planId: opts.planId ?? "plus", emailVerifiedAt: new Date() },
  });
  return { ...user, password };
}

export async function seedHost(client: Db, zone: { id: string; name: string }, ownerId: string, label: string, status: "ACTIVE" | "EXPIRED" | "SUSPENDED" | "SINKHOLED" | "FROZEN" = "ACTIVE") {
  return client.host.create({ data: { zoneId: zone.id, label, fqdn: `${label}.${zone.name}`, ownerId, status } });
}

export async function seedKey(client: Db, input: CreateUpdateKeyInput) {
  return createUpdateKey(client, input);
}

export const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

export type Call = { status: number; body: string; headers: Headers };

/** Sends a request to the update routes as the server entry would (client address header set). */
export async function call(path: string, opts: { auth?: string; ua?: string | null; ip?: string; method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Call> {
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: opts.ip ?? "198.51.100.10", ...opts.headers };
  if (opts.auth) headers.authorization = opts.auth;
  if (opts.ua !== null) headers["user-agent"] = opts.ua ?? "test-client/1.0 tests@example.test";
  const res = await app().request(path, { method: opts.method ?? "GET", headers, body: opts.body });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

let router: ReturnType<typeof updateRoutes> | undefined;
const app = () => (router ??= updateRoutes());

/** Sets environment overrides for the update path and forgets all in-process state. */
export function configure(vars: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(vars)) process.env[k] = v;
  resetEnvCache();
  resetUpdateState();
}

export async function records(client: Db, name: string, type: "A" | "AAAA" | "TXT" | "MX") {
  const r = await client.rRset.findUnique({ where: { name_type: { name, type } } });
  return r?.records ?? null;
}

export async function events(client: Db) {
  await drainUpdateEvents();
  return client.updateEvent.findMany({ orderBy: { id: "asc" } });
}
