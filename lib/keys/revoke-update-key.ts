// revokeUpdateKey / listUpdateKeys — the owner's view of their keys (never the secret).
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { forgetUpdateKey } from "./verify-update-key";

/** Revokes one of the owner's keys; NOT_FOUND for other users' keys (no existence leak). */
export async function revokeUpdateKey(client: Db, args: { id: string; ownerId: string; actor?: Actor }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(args.id)) throw new AppError("NOT_FOUND", "No such key.");
  try {
    await client.$transaction(async (tx) => {
      const { count } = await tx.updateKey.updateMany({
        where: { id: args.id, ownerId: args.ownerId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 0) throw new AppError("NOT_FOUND", "No such key.");
      await writeAudit(tx, {
        ...auditActor(args.actor ?? { userId: args.ownerId, role: "USER" }),
        action: "update_key.revoke",
        targetType: "UpdateKey",
        targetId: args.id,
      });
      await notifyInvalidation(tx, { k: "key", id: args.id }); // every other process, at commit
    });
  } finally {
    forgetUpdateKey(args.id);
  }
}

/** The owner's keys, newest first, revoked ones included (with revokedAt). */
export async function listUpdateKeys(client: Db, args: { ownerId: string }) {
  return client.updateKey.findMany({
    where: { ownerId: args.ownerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, label: true, prefix: true, hostId: true, recordTypes: true, allowedCidrs: true,
      expiresAt: true, lastUsedAt: true, lastUsedIp: true, revokedAt: true, createdAt: true,
      host: { select: { fqdn: true } },
    },
  });
}
