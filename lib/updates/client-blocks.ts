// Client blocks: a credential that keeps sending updates that change nothing (a "nochg storm") is
// blocked for NOCHG_BLOCK_S seconds. The owner can lift it (liftClientBlock, from the dashboard);
// these are never staff abuse blocks, which live in lib/abuse and only staff lift.
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetNochgCount } from "./nochg-guard";

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
    await tx.notificationQueue.create({
      data: { userId: block.userId, kind: "blocked", payload: { credential: block.credential, until: block.expiresAt.toISOString(), reason: block.reason } },
    });
    return row;
  });
}

/** The user's blocks, newest first; `active` ones still refuse updates. */
export async function listClientBlocks(client: Db, args: { userId: string }) {
  const rows = await client.clientBlock.findMany({ where: { userId: args.userId }, orderBy: { createdAt: "desc" }, take: 100 });
  const now = Date.now();
  return rows.map((r) => ({ ...r, active: r.liftedAt === null && r.expiresAt.getTime() > now }));
}

/** How many of the user's blocks still refuse updates (for the dashboard's warning). */
export async function countActiveClientBlocks(client: Db, args: { userId: string }): Promise<number> {
  return client.clientBlock.count({ where: { userId: args.userId, liftedAt: null, expiresAt: { gt: new Date() } } });
}

/** Lifts one of the user's blocks at once (audited); NOT_FOUND for other users' blocks. */
export async function liftClientBlock(client: Db, args: { id: string; userId: string; actorId?: string; ip?: string | null }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(args.id)) throw new AppError("NOT_FOUND", "No such block.");
  const block = await client.clientBlock.findFirst({ where: { id: args.id, userId: args.userId } });
  if (!block) throw new AppError("NOT_FOUND", "No such block.");
  if (block.liftedAt) return;
  await client.$transaction(async (tx) => {
    await tx.clientBlock.update({ where: { id: block.id }, data: { liftedAt: new Date(), liftedById: args.actorId ?? args.userId } });
    await writeAudit(tx, {
      actorId: args.actorId ?? args.userId,
      ip: args.ip ?? null,
      action: "client_block.lift",
      targetType: "ClientBlock",
      targetId: block.id,
      before: { credential: block.credential, reason: block.reason, expiresAt: block.expiresAt.toISOString() },
    });
    await notifyInvalidation(tx, { k: "nochg", credential: block.credential }); // the counts of every web process
  });
  forgetNochgCount(block.credential);
}
