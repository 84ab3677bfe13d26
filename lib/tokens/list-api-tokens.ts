// listApiTokens / revokeApiToken — the owner's view of their API tokens (never the secret).
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetApiToken } from "./verify-api-token";
import { auditActor, type Actor } from "@/lib/auth/actor";

/** The user's tokens, newest first, revoked ones included (with revokedAt). */
export async function listApiTokens(client: Db, args: { userId: string }) {
  return client.apiToken.findMany({
    where: { userId: args.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}

/** Revokes one of the user's tokens; NOT_FOUND for other users' tokens and already revoked ones. Audited. */
export async function revokeApiToken(
  client: Db,
  args: { userId: string; tokenId: string; actor?: Actor },
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(args.tokenId)) throw new AppError("NOT_FOUND", "No such token.");
  await client.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: args.tokenId, userId: args.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such token.");
    await writeAudit(tx, {
      ...auditActor(args.actor ?? { userId: args.userId, role: "USER" }),
      action: "api_token.revoke",
      targetType: "ApiToken",
      targetId: args.tokenId,
    });
    await notifyInvalidation(tx, { k: "token", id: args.tokenId });
  });
  forgetApiToken(args.tokenId);
}
