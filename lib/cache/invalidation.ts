// Cluster-wide cache invalidation. Web processes remember credential lookups (update keys, account
// passwords, API tokens) for a few seconds to minutes. A service that changes a credential calls
// notifyInvalidation INSIDE its transaction: PostgreSQL delivers the NOTIFY only if the change
// commits, and to every process LISTENing on INVALIDATION_CHANNEL (lib/cache/listen-invalidations.ts),
// whichever process made the change (dashboard, CLI, worker, another web node).
import type { Db, Tx } from "@/lib/db";

/** The NOTIFY channel of credential-cache invalidations. */
export const INVALIDATION_CHANNEL = "dynhost_cache";

/**
 * What to forget:
 * - key: one update key (revoked, rescoped)
 * - user: everything cached for one account — passwords, its update keys and API tokens (password
 *   reset/change, TOTP on, plan change: the plan is cached inside principals, deletion)
 * - token: one API token
 * - nochg: the nochg-storm state of one credential ("key:<id>" / "user:<id>"; a client block lifted)
 * - all: every credential cache
 */
export type InvalidationMessage =
  | { k: "key"; id: string }
  | { k: "user"; id: string }
  | { k: "token"; id: string }
  | { k: "nochg"; credential: string }
  | { k: "all" };

// PostgreSQL refuses payloads of 8000 bytes or more; ours are ids, far below.
const MAX_PAYLOAD = 7900;

/** The NOTIFY payload for a message; a message too large to send becomes "all". */
export function encodeInvalidation(msg: InvalidationMessage): string {
  const json = JSON.stringify(msg);
  return Buffer.byteLength(json) <= MAX_PAYLOAD ? json : JSON.stringify({ k: "all" });
}

/**
 * The message in a payload. Anything unreadable (e.g. a kind a newer node sends during a rolling
 * upgrade) is "all": forgetting too much costs a few lookups, forgetting too little keeps a
 * revoked credential alive.
 */
export function decodeInvalidation(payload: string | undefined): InvalidationMessage {
  try {
    const m = JSON.parse(payload ?? "") as Record<string, unknown>;
    const str = (v: unknown) => typeof v === "string" && v.length > 0 && v.length <= 200;
    if ((m.k === "key" || m.k === "user" || m.k === "token") && str(m.id)) return { k: m.k, id: m.id as string };
    if (m.k === "nochg" && str(m.credential)) return { k: "nochg", credential: m.credential as string };
  } catch {
    // fall through
  }
  return { k: "all" };
}

/**
 * Queues the NOTIFY in the caller's transaction (or, given the plain client, sends it at once).
 * MUST be called with the transaction that makes the change, so listeners hear of it only after
 * it commits and never of a change that rolled back.
 */
export async function notifyInvalidation(client: Db | Tx, msg: InvalidationMessage): Promise<void> {
  await client.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, INVALIDATION_CHANNEL, encodeInvalidation(msg));
}
