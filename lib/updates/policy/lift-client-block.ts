// liftClientBlock — the owner lets a paused update client update again, at once in every web
// process (the nochg counts are per process: a cache invalidation reaches the others at commit).
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetNochgCount } from "./nochg-guard";

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
