// verifyApiToken — the bearer of a REST API request. Tokens are looked up by SHA-256 and the
// answer is cached for a few seconds per process (API_TOKEN_CACHE_MS), so a busy client costs no
// query per request; revoking forgets it at once here and, through NOTIFY (lib/cache), in every
// web process; the TTL is the fallback when a notification is missed.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";
import { AppError } from "@/lib/errors";
import { isApiScope, type ApiScope } from "./scopes";
import { hashSecret, looksLikeSecret } from "@/lib/secrets/secret";

/** Contract: `scopes` only holds known scopes; `expiresAt` is re-checked on every use. */
export type ApiPrincipal = { tokenId: string; userId: string; scopes: ReadonlySet<ApiScope>; expiresAt: Date | null };

type Entry = { principal: ApiPrincipal | null; until: number };
const MAX_ENTRIES = 50_000;
const LAST_USED_EVERY_MS = 60_000;
// One per process (lib/process-state.ts): a revoke from the dashboard must reach the API router.
// `generation` moves on every forget, so a lookup that was in flight during a revoke is not cached.
const state = processState("api-tokens", () => ({
  cache: new Map<string, Entry>(),
  lastUsedWritten: new Map<string, number>(),
  generation: 0,
}));
const { cache, lastUsedWritten } = state;

function invalid(): AppError {
  return new AppError("UNAUTHENTICATED", "The API token is missing, invalid, revoked or expired.");
}

async function lookup(client: Db, tokenHash: string, now: Date): Promise<ApiPrincipal | null> {
  const row = await client.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, scopes: true, expiresAt: true, revokedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  return { tokenId: row.id, userId: row.userId, scopes: new Set(row.scopes.filter(isApiScope)), expiresAt: row.expiresAt };
}

function touch(client: Db, tokenId: string, now: Date): void {
  const last = lastUsedWritten.get(tokenId) ?? 0;
  if (now.getTime() - last < LAST_USED_EVERY_MS) return;
  if (lastUsedWritten.size >= MAX_ENTRIES) lastUsedWritten.clear();
  lastUsedWritten.set(tokenId, now.getTime());
  client.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: now } }).catch(() => lastUsedWritten.delete(tokenId));
}

/** The token's principal; UNAUTHENTICATED for anything else. Records lastUsedAt at most once a minute. */
export async function verifyApiToken(client: Db, args: { token: string; now?: Date }): Promise<ApiPrincipal> {
  const now = args.now ?? new Date();
  if (!looksLikeSecret("apiToken", args.token)) throw invalid();
  const key = hashSecret(args.token);
  let hit = cache.get(key);
  if (!hit || hit.until <= Date.now()) {
    const generation = state.generation;
    const principal = await lookup(client, key, now);
    const ttl = env().API_TOKEN_CACHE_MS;
    hit = { principal, until: Date.now() + ttl };
    if (ttl > 0 && generation === state.generation) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, hit);
    }
  }
  const p = hit.principal;
  if (!p || (p.expiresAt && p.expiresAt <= now)) throw invalid();
  touch(client, p.tokenId, now);
  return p;
}

/** Drops a token from this process's cache (after revoking it). */
export function forgetApiToken(tokenId: string): void {
  state.generation++;
  for (const [k, v] of cache) if (v.principal?.tokenId === tokenId) cache.delete(k);
}

/** Drops every token of one user from this process's cache (password reset, account deletion). */
export function forgetUserTokens(userId: string): void {
  state.generation++;
  for (const [k, v] of cache) if (v.principal?.userId === userId) cache.delete(k);
}

/** Empties the cache (tests; a missed invalidation). */
export function clearApiTokenCache(): void {
  state.generation++;
  cache.clear();
  lastUsedWritten.clear();
}
