// Update-key verification on the hot path: SHA-256 of the presented secret, one indexed lookup
// (key + owner's plan), remembered for UPDATE_KEY_CACHE_S seconds. Revoking a key forgets it at once
// here and, through NOTIFY (lib/cache), in every web process; the cache time is the fallback.
import type { Db } from "@/lib/db";
import type { RRType } from "@/lib/dns/types";
import { env } from "@/lib/env";
import { cidrList } from "./cidrs";
import type { Principal } from "./principal";
import { hashSecret, looksLikeSecret } from "@/lib/secrets/secret";
import { processState } from "@/lib/process-state";
import { TtlCache } from "./ttl-cache";

type KeyRow = {
  id: string;
  ownerId: string;
  hostId: string | null;
  recordTypes: RRType[];
  allowedCidrs: string[];
  expiresAt: Date | null;
  planId: string;
  features: string[];
  planTypes: RRType[];
  minTtl: number;
};

const LOOKUP_SQL = `
SELECT k."id", k."ownerId", k."hostId", k."recordTypes"::text[] AS "recordTypes", k."allowedCidrs",
       k."expiresAt", p."id" AS "planId", p."features", p."recordTypes"::text[] AS "planTypes", p."minTtl"
  FROM "UpdateKey" k JOIN "User" u ON u."id" = k."ownerId" JOIN "Plan" p ON p."id" = u."planId"
 WHERE k."secretHash" = $1 AND k."revokedAt" IS NULL`;

// One per process (see lib/process-state.ts); `generation` moves on every forget, so a lookup that
// was in flight during a revoke is not cached.
const state = processState("update-keys", () => ({
  cache: new TtlCache<Principal | null>(() => env().UPDATE_KEY_CACHE_S * 1000),
  inflight: new Map<string, Promise<Principal | null>>(),
  generation: 0,
}));

function toPrincipal(r: KeyRow): Principal {
  const planTypes = new Set(r.planTypes);
  return {
    kind: "key",
    credential: `key:${r.id}`,
    userId: r.ownerId,
    keyId: r.id,
    hostId: r.hostId,
    recordTypes: new Set(r.recordTypes.filter((t) => planTypes.has(t))),
    cidrs: cidrList(r.allowedCidrs),
    expiresAt: r.expiresAt,
    plan: { id: r.planId, features: new Set(r.features), recordTypes: planTypes, minTtl: r.minTtl },
  };
}

/** The principal for an update-key secret, or null (unknown, revoked, expired). Cached briefly, misses too. */
export async function verifyUpdateKey(client: Db, secret: string): Promise<Principal | null> {
  if (!looksLikeSecret("updateKey", secret)) return null;
  const hash = hashSecret(secret);
  const { cache, inflight } = state;
  let found = cache.get(hash);
  if (found === undefined) {
    let pending = inflight.get(hash);
    if (!pending) {
      const generation = state.generation;
      pending = client.$queryRawUnsafe<KeyRow[]>(LOOKUP_SQL, hash).then((rows) => (rows[0] ? toPrincipal(rows[0]) : null));
      inflight.set(hash, pending);
      pending
        .then((p) => generation === state.generation && cache.set(hash, p), () => undefined)
        .finally(() => inflight.delete(hash));
    }
    found = await pending;
  }
  if (found && found.expiresAt && found.expiresAt.getTime() <= Date.now()) return null;
  return found;
}

/** Forgets cached lookups of one key (after revoke or scope change) in this process. */
export function forgetUpdateKey(keyId: string): void {
  state.generation++;
  state.cache.deleteWhere((p) => p?.keyId === keyId);
  state.inflight.clear();
}

/** Forgets cached lookups of every key of one user (plan change, account deletion) in this process. */
export function forgetUserKeys(userId: string): void {
  state.generation++;
  state.cache.deleteWhere((p) => p?.userId === userId);
  state.inflight.clear();
}

/** Forgets every cached key lookup (tests; a missed invalidation). */
export function clearUpdateKeyCache(): void {
  state.generation++;
  state.cache.clear();
  state.inflight.clear();
}
