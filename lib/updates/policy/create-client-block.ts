// createClientBlock — a credential that keeps sending updates that change nothing (a "nochg
// storm") is blocked for NOCHG_BLOCK_S seconds (nochg-guard.ts decides). The owner can lift it;
// these are never staff abuse blocks, which are Enforcements (lib/abuse) and only staff lift.
import type { Db } from "@/lib/db";
import { enqueueNotification } from "@/lib/notifications/enqueue-notification";

export type NewClientBlock = {
  userId: string;
  keyId: string | null;
  credential: string;
  reason: string;
  nochgCount: number;
  sourceIp: string | null;
  userAgent: string | null;
  expiresAt: Date;
};

/**
 * Records a block (the update path calls this off the response path), and in the same transaction
 * queues the "blocked" notification (the worker mails it if the user keeps that preference on).
 */
export async function createClientBlock(client: Db, block: NewClientBlock) {
  return client.$transaction(async (tx) => {
    const row = await tx.clientBlock.create({ data: { ...block, userAgent: block.userAgent?.slice(0, 300) ?? null } });
    await enqueueNotification(tx, {
      userId: block.userId,
      kind: "blocked",
      payload: { credential: block.credential, until: block.expiresAt.toISOString(), reason: block.reason },
    });
    return row;
  });
}
