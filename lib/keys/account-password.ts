// The account password over Basic auth (legacy dyndns2 clients). argon2id costs ~51 ms per verify
// on our cores (STACK-NOTES), so each credential is verified ONCE and the outcome remembered under
// an HMAC of email+password (never the password itself): successes for UPDATE_PASSWORD_CACHE_S,
// failures for a minute. At most two verifications run at once; a longer queue answers 911.
// A password change, reset, TOTP switch-on, plan change or deletion forgets the account's entries
// at once in every web process (NOTIFY, lib/cache); the cache time is the fallback.
import { createHmac, randomBytes } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import type { Db } from "@/lib/db";
import type { RRType } from "@/lib/dns/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Principal } from "./principal";
import { processState } from "@/lib/process-state";
import { TtlCache } from "./ttl-cache";

const FAILURE_TTL_MS = 60_000;
const MAX_PARALLEL = 2;
const MAX_QUEUE = 64;

// One per process (lib/process-state.ts): the dashboard's password change must reach the update
// path's cache. The HMAC key is per process: the cache lives in memory only, nothing persists.
// `generation` moves on every forget, so a check in flight during a password change is not cached.
const state = processState("account-passwords", () => ({
  hmacKey: randomBytes(32),
  cache: new TtlCache<Principal | null>(() => env().UPDATE_PASSWORD_CACHE_S * 1000),
  inflight: new Map<string, Promise<Principal | null>>(),
  generation: 0,
  running: 0,
  queue: [] as (() => void)[],
  dummyHash: undefined as Promise<string> | undefined,
}));

type UserRow = { id: string; passwordHash: string; planId: string; features: string[]; planTypes: RRType[]; minTtl: number };

const USER_SQL = `
SELECT u."id", u."passwordHash", p."id" AS "planId", p."features", p."recordTypes"::text[] AS "planTypes", p."minTtl"
  FROM "User" u JOIN "Plan" p ON p."id" = u."planId"
 WHERE u."email" = $1
   AND u."emailVerifiedAt" IS NOT NULL
   AND u."totpEnabledAt" IS NULL
   AND u."role" = 'USER'`; // emails are stored lower-case (lib/validation/auth.ts)
// Only confirmed USER accounts without two-factor may update with their password: an account
// with TOTP (all staff have it) must use an update key, or the password alone would bypass 2FA.

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (state.running >= MAX_PARALLEL) {
    if (state.queue.length >= MAX_QUEUE) throw new AppError("UNAVAILABLE", "Too many password checks right now; try again shortly.", { retryAfter: 5 });
    await new Promise<void>((resolve) => state.queue.push(resolve));
  }
  state.running++;
  try {
    return await fn();
  } finally {
    state.running--;
    state.queue.shift()?.();
  }
}

async function check(client: Db, email: string, password: string): Promise<Principal | null> {
  const [row] = await client.$queryRawUnsafe<UserRow[]>(USER_SQL, email.trim().toLowerCase());
  return withSlot(async () => {
    if (!row) {
      // Same cost as a real check, so response time does not reveal which emails have accounts.
      state.dummyHash ??= argonHash(randomBytes(16).toString("hex"));
      await argonVerify(await state.dummyHash, password).catch(() => false);
      return null;
    }
    const ok = await argonVerify(row.passwordHash, password).catch(() => false);
    if (!ok) return null;
    const planTypes = new Set(row.planTypes);
    return {
      kind: "password",
      credential: `user:${row.id}`,
      userId: row.id,
      keyId: null,
      hostId: null,
      recordTypes: planTypes,
      cidrs: null,
      expiresAt: null,
      plan: { id: row.planId, features: new Set(row.features), recordTypes: planTypes, minTtl: row.minTtl },
    } satisfies Principal;
  });
}

/** The principal for an account email + password, or null. Throws UNAVAILABLE when overloaded. */
export async function verifyAccountPassword(client: Db, email: string, password: string): Promise<Principal | null> {
  if (!email.includes("@") || email.length > 320 || password.length === 0 || password.length > 1024) return null;
  const { cache, inflight } = state;
  const id = createHmac("sha256", state.hmacKey).update(email.toLowerCase()).update("\0").update(password).digest("base64url");
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  let pending = inflight.get(id);
  if (!pending) {
    const generation = state.generation;
    pending = check(client, email, password);
    inflight.set(id, pending);
    pending
      .then((p) => generation === state.generation && cache.set(id, p, p ? undefined : FAILURE_TTL_MS), () => undefined)
      .finally(() => inflight.delete(id));
  }
  return pending;
}

/** Forgets remembered passwords of one user (after a password change) in this process. */
export function forgetAccountPasswords(userId: string): void {
  state.generation++;
  state.cache.deleteWhere((p) => p?.userId === userId);
  state.inflight.clear();
}

/** Forgets everything remembered (tests). */
export function clearPasswordCache(): void {
  state.generation++;
  state.cache.clear();
  state.inflight.clear();
}
