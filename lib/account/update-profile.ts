// updateProfile — the user's display name. Audited when it changes.
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";

/** Sets (or with undefined/empty, clears) the name; `name` MUST come through profileSchema (lib/validation/profile.ts). */
export async function updateProfile(client: Db, args: { userId: string; name: string | undefined; ip?: string | null }): Promise<{ name: string | null }> {
  const name = args.name?.trim() || null;
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: args.userId }, select: { name: true } });
    if (before.name === name) return { name };
    await tx.user.update({ where: { id: args.userId }, data: { name } });
    await writeAudit(tx, {
      actorId: args.userId, actorRole: "USER", ip: args.ip ?? null,
      action: "user.profile_update", targetType: "User", targetId: args.userId,
      before: { name: before.name }, after: { name },
    });
    return { name };
  });
}
