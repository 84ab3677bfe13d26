// Nochg storms: a credential whose requests keep changing nothing more than NOCHG_BLOCK_THRESHOLD
// times within NOCHG_WINDOW_S gets a ClientBlock for NOCHG_BLOCK_S. A request that changes
// something resets the count; counts live in this process (per process with several web processes).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/keys/principal";
import { processState } from "@/lib/process-state";
import { createClientBlock } from "./create-client-block";

type Count = { n: number; since: number };

const COMMIT_GRACE_MS = 5000;
// One per process (lib/process-state.ts): lifting a block from the dashboard must reach the update path.
const { counts, pendingBlocks } = processState("nochg-guard", () => ({
  counts: new Map<string, Count>(),
  /** Blocks decided here but maybe not yet committed: credential → until (ms). */
  pendingBlocks: new Map<string, number>(),
}));

/** Until when (ms) this process blocks the credential on its own, or 0. */
export function localBlockUntil(credential: string, now = Date.now()): number {
  const until = pendingBlocks.get(credential) ?? 0;
  return until > now ? until : 0;
}

/** Counts one all-nochg request; returns true when it tipped the credential into a block. */
export function noteNochg(p: Principal, ctx: { sourceIp: string; userAgent: string | null }, now = Date.now()): boolean {
  const e = env();
  if (e.NOCHG_BLOCK_THRESHOLD === 0) return false;
  let c = counts.get(p.credential);
  if (!c || now - c.since > e.NOCHG_WINDOW_S * 1000) {
    c = { n: 0, since: now };
    counts.set(p.credential, c);
    if (counts.size > 200_000) counts.clear();
  }
  c.n++;
  if (c.n <= e.NOCHG_BLOCK_THRESHOLD) return false;
  counts.delete(p.credential);
  const expiresAt = new Date(now + e.NOCHG_BLOCK_S * 1000);
  pendingBlocks.set(p.credential, expiresAt.getTime());
  createClientBlock(db(), {
    userId: p.userId,
    keyId: p.keyId,
    credential: p.credential,
    reason: "nochg_storm",
    nochgCount: c.n,
    sourceIp: ctx.sourceIp,
    userAgent: ctx.userAgent,
    expiresAt,
  })
    // Requests already past their database read would miss the new row: hold the block locally a little longer.
    .then(() => setTimeout(() => pendingBlocks.delete(p.credential), COMMIT_GRACE_MS).unref())
    .catch((err: unknown) => console.error(`[updates] recording a client block failed (kept in memory): ${(err as Error).message.split("\n")[0]}`));
  return true;
}

/** A request changed something: the client is not storming. */
export function noteChange(credential: string): void {
  counts.delete(credential);
}

/** Forget a credential's count and in-memory block (the user lifted the block, here or in another process: lib/cache). */
export function forgetNochgCount(credential: string): void {
  counts.delete(credential);
  pendingBlocks.delete(credential);
}

/** Forget everything (tests). */
export function resetNochgGuard(): void {
  counts.clear();
  pendingBlocks.clear();
}
