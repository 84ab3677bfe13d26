// Benchmark data in a running service's database: hosts seeded by COPY (scripts/seed-hosts.ts) and
// pushed to DNS by the real worker, update keys and API tokens made by the project's own services.
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { seedHosts, type SeedResult } from "@/scripts/seed-hosts";
import type { BenchService } from "./service";

export const OWNER_EMAIL = "owner@bench.test";
export const USER_AGENT = "dynhost-bench/1.0 bench@example.test";

/** Seeds `count` hosts `${prefix}0…` owned by the bench owner, enqueued for the worker to publish. */
export async function seedPublished(bs: BenchService, prefix: string, count: number, ip: (i: number) => string): Promise<SeedResult> {
  return seedHosts({ url: bs.dbUrl, hosts: count, ownerHosts: count, ownerEmail: OWNER_EMAIL, prefix, ip, enqueue: true, bulk: false });
}

/** Waits until every rrset named `${prefix}…` is published (the backend confirmed it); ms waited. */
export async function waitPublished(bs: BenchService, prefix: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [row] = await bs.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "RRset" WHERE "name" LIKE $1 AND "publishedVersion" < "version"`,
      `${prefix}%`,
    );
    if (row!.n === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${row!.n} rrsets ${prefix}* still unpublished after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An account-wide update key of the owner; returns the secret. */
export async function accountKey(bs: BenchService, ownerId: string): Promise<string> {
  return (await createUpdateKey(bs.db, { ownerId, label: "bench" })).secret;
}

/** An API token with every scope; returns the secret. */
export async function apiToken(bs: BenchService, userId: string): Promise<string> {
  return (await createApiToken(bs.db, { userId, label: "bench" })).token;
}

export const basicAuth = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

/** GET path on the service; status and body. */
export async function get(bs: BenchService, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(bs.url + path, { headers: { "user-agent": USER_AGENT, ...headers }, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}
