// revokeUpdateKey / listUpdateKeys — the owner's view of their keys (never the secret).
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetUpdateKey } from "./verify-update-key";

/** Revokes one of the owner's keys; NOT_FOUND for other users' keys (no existence leak). */
export async function revokeUpdateKey(client: Db, args: { id: string; ownerId: string }): Promise<void> {
  const { count } = await client.updateKey.updateMany({
    where: { id: args.id, ownerId: args.ownerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetUpdateKey(args.id);
  if (count === 0) throw new AppError("NOT_FOUND", "No such key.");
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
